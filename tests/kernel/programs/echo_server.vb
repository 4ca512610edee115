# tests/kernel/programs/echo_server.vb — joins the well-known group "echo" and
# answers every request with where it ran and what it got.
let g = v.group("echo")
v.join(g)
print("echo ready on", v.node())
while true {
  let (from, msg) = v.receive()
  v.reply(from, {node: v.node(), pid: v.self(), echo: msg})
}
