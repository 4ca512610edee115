# Sends 100 datagrams to the group "datagrams" once it has two members (on other
# nodes), then asks each member how many it got.
import time
let g = v.group("datagrams")
var members = 0
while members < 2 {
  members = len(try { v.send_all(g, :who, 500) } catch e { [] })
  if members < 2 { time.sleep(50) }
}
for i in 0..100 { v.datagram(g, i) }
time.sleep(300)
var total = 0
let replies = v.send_all(g, :count, 2000)
for r in replies { total += r[1] }
print("members", len(replies), "datagrams received", total)
