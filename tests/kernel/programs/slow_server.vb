# tests/kernel/programs/slow_server.vb — joins "slow"; answers "ping?" at once
# and any other request after 5 s: a node killed meanwhile leaves its callers
# waiting for :dead.
import time
v.join(v.group("slow"))
print("slow ready on", v.node())
while true {
  let (from, msg) = v.receive()
  if msg != "ping?" { time.sleep(5000) }
  v.reply(from, msg)
}
