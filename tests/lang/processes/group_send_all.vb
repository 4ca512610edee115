# groups: members join; send_all collects every member's (pid, reply)
# expect: :pid
# expect: 3
# expect: [10, 20, 30]
# expect: true
import time
fn member(id, g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    v.reply(from, id * msg)
  }
}
let g = v.group()
print(type(g))
let pids = [spawn(member, 1, g), spawn(member, 2, g), spawn(member, 3, g)]
time.sleep(20)
let replies = v.send_all(g, 10, 1000)
print(len(replies))
print(sort(map(replies, fn(r) { r[1] })))
print(fold(replies, true, fn(ok, r) { ok and r[0] in pids }))
