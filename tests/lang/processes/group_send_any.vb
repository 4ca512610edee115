# send_any returns the first reply from any member of a group
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
spawn(member, 1, g)
spawn(member, 2, g)
spawn(member, 3, g)
time.sleep(20)
let r = v.send_any(g, 5)
print(r in [5, 10, 15])
