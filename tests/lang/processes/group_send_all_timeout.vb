# send_all returns the replies that arrive within the time limit; a silent member is left out
# expect: [1]
# expect: true
import time
fn quick(g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    if msg == :ready { v.reply(from, :ok) } else { v.reply(from, 1) }
  }
}
fn silent(g) {
  v.join(g)
  let (from, msg) = v.receive()
  v.reply(from, :ok)
  while true { v.receive() }
}
let g = v.group()
v.send(spawn(quick, g), :ready)
v.send(spawn(silent, g), :ready)
let start = time.millis()
let replies = v.send_all(g, :ping, 100)
print(map(replies, fn(r) { r[1] }))
print(time.millis() - start >= 80)
