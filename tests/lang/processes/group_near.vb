# v.send_all and v.send_any take a fourth argument, V's co-resident qualifier:
# only members on the node of that pid answer. In one team every member is on
# this node; a well-known group is the same id for the same name.
import time
fn member(g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    v.reply(from, msg + 1)
  }
}
let g = v.group("workers")
print(g == v.group("workers"), g == v.group("others"))
spawn(member, g)
spawn(member, g)
time.sleep(10)  # the members join when they first run
let replies = v.send_all(g, 1, 1000, v.self())
print(len(replies), map(replies, fn(r) { r[1] }))
print(v.send_any(g, 10, nil, v.self()))
print(try { v.group(5) } catch e { e.kind })
# expect: true false
# expect: 2 [2, 2]
# expect: 11
# expect: :type_error
