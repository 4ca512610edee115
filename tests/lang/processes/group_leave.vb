# a process that leaves a group no longer receives its messages
# expect: [10, 20, 30]
# expect: left
# expect: [10, 20]
import time
fn member(id, g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    if msg == :leave {
      v.leave(g)
      v.reply(from, "left")
    } else {
      v.reply(from, id * msg)
    }
  }
}
let g = v.group()
spawn(member, 1, g)
spawn(member, 2, g)
let third = spawn(member, 3, g)
time.sleep(20)
print(sort(map(v.send_all(g, 10, 1000), fn(r) { r[1] })))
print(v.send(third, :leave))
print(sort(map(v.send_all(g, 10, 1000), fn(r) { r[1] })))
