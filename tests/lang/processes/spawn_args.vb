# spawn(f, args...) passes arguments to the new process's function
# expect: 7
# expect: hello, vb
fn adder(base, name) {
  let (from, msg) = v.receive()
  v.reply(from, if msg == :sum { base + 2 } else { "hello, ${name}" })
  let (from2, msg2) = v.receive()
  v.reply(from2, "hello, ${name}")
}
let p = spawn(adder, 5, "vb")
print(v.send(p, :sum))
print(v.send(p, :greet))
