# sending to a process that has finished raises :dead
# expect: 1
# expect: :dead
import time
fn once() {
  let (from, msg) = v.receive()
  v.reply(from, msg)
}
let p = spawn(once)
print(v.send(p, 1))
time.sleep(20)
let k = try { v.send(p, 2) } catch e { e.kind }
print(k)
