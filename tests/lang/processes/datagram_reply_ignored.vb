# replying to a datagram does nothing; later requests still get their own replies
# expect: sent
# expect: second
fn replier() {
  while true {
    let (from, msg) = v.receive()
    v.reply(from, "reply to ${msg}")
  }
}
let p = spawn(replier)
v.datagram(p, "first")
print("sent")
let r = v.send(p, "second")
print(r[9..len(r)])
