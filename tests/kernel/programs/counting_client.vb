# tests/kernel/programs/counting_client.vb — 200 transactions to "counter" over
# a lossy link, then asks how many the server executed; and a send whose time
# limit passes raises :timeout.
import time
let g = v.group("counter")
var found = nil
while found == nil {
  found = try { v.send_any(g, "who?", 1000) } catch e { time.sleep(50); nil }
}
let (pid, before) = found
var ok = 0
for i in 0..200 {
  if v.send(pid, i) == i * 2 { ok += 1 }
}
let (_, after) = v.send(pid, "who?")
print("correct replies", ok, "executed", after - before)
