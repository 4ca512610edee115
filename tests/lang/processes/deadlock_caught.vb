# a deadlock between main and another process raises :dead in main, which can catch it
# expect: :dead
# expect: deadlock: every process is blocked
fn asks_back(main) {
  let (from, msg) = v.receive()
  v.send(main, :question)
}
let p = spawn(asks_back, v.self())
let e = try { v.send(p, :hello) } catch err { err }
print(e.kind)
print(e.msg)
