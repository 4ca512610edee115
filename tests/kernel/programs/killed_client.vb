# tests/kernel/programs/killed_client.vb — calls the "slow" group; the test
# kills the server's node meanwhile; prints the error and whether it came
# within 2 s.
import time
let g = v.group("slow")
var ready = false
while not ready {
  ready = try { v.send_any(g, "ping?", 500) == "ping?" } catch e { time.sleep(50); false }
}
print("calling")
let start = time.millis()
let r = try { v.send_any(g, "work", 10000) } catch e { e.kind }
print("result", r, "within 2 s", time.millis() - start < 2000)
