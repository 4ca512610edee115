# uncaught :dead from sending to a process that has finished
# expect-error: error[:dead]
# expect-error: kind_dead.vb:7 in <main>
import time
let p = spawn(fn() { nil })
time.sleep(20)
v.send(p, :ping)
