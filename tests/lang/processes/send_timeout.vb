# v.send(p, msg, ms) raises :timeout when no reply comes within ms
# expect: :timeout
# expect: true
# expect: still alive
import time
fn never_replies() { while true { v.receive() } }
let p = spawn(never_replies)
let start = time.millis()
let k = try { v.send(p, :hello, 50) } catch e { e.kind }
print(k)
print(time.millis() - start >= 40)
print("still alive")
