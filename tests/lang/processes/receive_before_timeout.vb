# v.receive(ms) returns (from, msg) when a message arrives before the timeout
# expect: got ping
fn sender(target) { v.datagram(target, "ping") }
spawn(sender, v.self())
let r = v.receive(2000)
let (from, msg) = r
print("got ${msg}")
