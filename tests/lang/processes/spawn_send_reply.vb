# spawn starts a process; v.send blocks until the receiver replies with v.reply
# expect: :pid
# expect: 42
# expect: 10
fn doubler() {
  while true {
    let (from, msg) = v.receive()
    v.reply(from, msg * 2)
  }
}
let p = spawn(doubler)
print(type(p))
print(v.send(p, 21))
print(v.send(p, 5))
