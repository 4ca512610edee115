# an uncaught error in another process ends only that process, is reported on stderr, and its caller gets :dead
# expect: :dead
# expect: main continues
# expect-error: zero_division
# expect-exit: 0
fn fragile() {
  let (from, msg) = v.receive()
  v.reply(from, 10 // msg)
}
let p = spawn(fragile)
let k = try { v.send(p, 0) } catch e { e.kind }
print(k)
print("main continues")
