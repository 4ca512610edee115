# bench/ipc/server.vb — the far end of the IPC benchmark: joins the well-known
# group "ipc-bench" and answers each request with the request itself (a round
# trip of its size), or, for (:read, n), with n bytes (a "file read").
import str
v.join(v.group("ipc-bench"))
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
