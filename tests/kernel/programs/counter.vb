# tests/kernel/programs/counter.vb — joins "counter"; counts the requests it
# executes, so a test can see that each ran exactly once.
v.join(v.group("counter"))
print("counter ready on", v.node())
var executed = 0
while true {
  let (from, msg) = v.receive()
  if msg == "who?" {
    v.reply(from, (v.self(), executed))
  } else {
    executed += 1
    v.reply(from, msg * 2)
  }
}
