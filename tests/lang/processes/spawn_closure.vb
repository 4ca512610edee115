# spawn accepts an anonymous function that captures variables
# expect: 30
let factor = 3
let p = spawn(fn() {
  let (from, n) = v.receive()
  v.reply(from, n * factor)
})
print(v.send(p, 10))
