# send_all returns the replies that arrive within the time limit; silent members are left out
# expect: [1]
# expect: true
import time
fn quick(g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    v.reply(from, 1)
  }
}
fn silent(g) {
  v.join(g)
  while true { v.receive() }
}
let g = v.group()
spawn(quick, g)
spawn(silent, g)
time.sleep(20)
let start = time.millis()
let replies = v.send_all(g, :ping, 100)
print(map(replies, fn(r) { r[1] }))
print(time.millis() - start >= 80)
