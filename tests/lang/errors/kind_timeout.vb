# uncaught :timeout from a send that gets no reply within its time limit
# expect-error: error[:timeout]
# expect-error: kind_timeout.vb:6 in <main>
fn ignore() { while true { v.receive() } }
let p = spawn(ignore)
v.send(p, :ping, 30)
