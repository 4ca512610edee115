# groups: members join; send_all collects every member's (pid, reply)
# expect: :pid
# expect: 3
# expect: [10, 20, 30]
# expect: true
fn member(id, g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    if msg == :ready { v.reply(from, :ok) } else { v.reply(from, id * msg) }
  }
}
let g = v.group()
print(type(g))
let pids = []
for id in 1..=3 {
  let p = spawn(member, id, g)
  v.send(p, :ready)
  push(pids, p)
}
let replies = v.send_all(g, 10, 1000)
print(len(replies))
print(sort(map(replies, fn(r) { r[1] })))
print(fold(replies, true, fn(ok, r) { ok and r[0] in pids }))
