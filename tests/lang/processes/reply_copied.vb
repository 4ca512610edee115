# a reply is a copy: mutating it does not change the replier's state
# expect: [1, 2, 99]
# expect: [1, 2]
fn owner() {
  let data = [1, 2]
  while true {
    let (from, msg) = v.receive()
    v.reply(from, data)
  }
}
let o = spawn(owner)
let got = v.send(o, :get)
push(got, 99)
print(got)
print(v.send(o, :get))
