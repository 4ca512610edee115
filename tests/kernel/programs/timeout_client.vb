# tests/kernel/programs/timeout_client.vb — a send to a busy member of "slow"
# with a 300 ms limit raises :timeout.
import time
let g = v.group("slow")
var ready = false
while not ready {
  ready = try { v.send_any(g, "ping?", 500) == "ping?" } catch e { time.sleep(50); false }
}
let r = try { v.send_any(g, "work", 300) } catch e { e.kind }
print("limited send:", r)
