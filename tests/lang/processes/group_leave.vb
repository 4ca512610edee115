# a process that leaves a group no longer receives the group's messages
# expect: [10, 20, 30]
# expect: left
# expect: [10, 20]
fn member(id, g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    match msg {
      :ready => v.reply(from, :ok),
      :leave => {
        v.leave(g)
        v.reply(from, "left")
      }
      n => v.reply(from, id * n),
    }
  }
}
let g = v.group()
let pids = map(1..=3, fn(id) { spawn(member, id, g) })
for p in pids { v.send(p, :ready) }
print(sort(map(v.send_all(g, 10, 1000), fn(r) { r[1] })))
print(v.send(pids[2], :leave))
print(sort(map(v.send_all(g, 10, 1000), fn(r) { r[1] })))
