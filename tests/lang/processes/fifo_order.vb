# requests from several senders are received one at a time, each sender's in order
# expect: [1, 2, 3, 4, 5]
fn recorder() {
  let seen = []
  while true {
    let (from, msg) = v.receive()
    if msg == :dump { v.reply(from, seen) } else { push(seen, msg) }
  }
}
let r = spawn(recorder)
for i in 1..=5 { v.datagram(r, i) }
print(v.send(r, :dump))
