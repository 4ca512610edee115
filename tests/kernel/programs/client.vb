# tests/kernel/programs/client.vb — finds the "echo" group, then talks to one
# member directly, and to every member with send_all.
import time
let g = v.group("echo")
var answer = nil
var tries = 0
while answer == nil and tries < 200 {
  answer = try { v.send_any(g, "hello", 500) } catch e { tries += 1; time.sleep(50); nil }
}
print("first answer from", answer.node, "echo", answer.echo)
var total = 0
for i in 0..200 {
  let r = v.send(answer.pid, [i, "x", {k: 1.5}])
  total += r.echo[0]
}
print("200 direct sends, sum", total)
let all = v.send_all(g, "everyone", 2000)
print("send_all replies", len(all))
print("nodes", sort(map(all, fn(pair) { pair[1].node })))
let near = v.send_all(g, "near", 2000, answer.pid)
print("co-resident replies", len(near), "from", near[0][1].node == answer.node)
let e = try { v.send(answer.pid, fn() { 1 }) } catch e { e.kind }
print("a function cannot travel:", e)
