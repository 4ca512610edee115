# bench/ipc/client.vb — the near end of the IPC benchmark. args: "local" (the
# server is a process of this team) or "group" (a member of "ipc-bench",
# another team or node), then a scale for the counts (1 = full). Prints
# "rtt SIZE MICROSECONDS" per message size, "read_mb_s X" for 1 MiB replies to
# a small request, then "done".
import str
import time

fn serve() {
  var blocks = {}
  while true {
    let (from, msg) = v.receive()
    if type(msg) == :tuple {
      let n = msg[1]
      if not (n in blocks) { blocks[n] = str.repeat("y", n) }
      v.reply(from, blocks[n])
    } else {
      v.reply(from, msg)
    }
  }
}

fn find() {
  let g = v.group("ipc-bench")
  var pid = nil
  while pid == nil {
    let replies = try { v.send_all(g, "who", 500) } catch e { [] }
    if len(replies) > 0 { pid = replies[0][0] } else { time.sleep(50) }
  }
  pid
}

let argv = args()
let server = if argv[0] == "local" { spawn(serve) } else { find() }
let scale = float(argv[1])
for (size, count) in [(32, 20000), (1024, 10000), (8192, 4000), (65536, 1000), (1048576, 60)] {
  let n = int(count * scale) + 10
  let msg = str.repeat("x", size)
  for _ in 0..10 { v.send(server, msg) }
  let start = time.now()
  for _ in 0..n { v.send(server, msg) }
  print("rtt", size, fmt((time.now() - start) * 1e6 / n, ".2f"))
}
let n = int(60 * scale) + 10
for _ in 0..5 { v.send(server, (:read, 1048576)) }
let start = time.now()
for _ in 0..n { v.send(server, (:read, 1048576)) }
print("read_mb_s", fmt(1048576 * n / (time.now() - start) / 1e6, ".1f"))
print("done")
