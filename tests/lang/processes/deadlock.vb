# when every process is blocked, the blocked main process raises :dead (deadlock)
# expect: waiting
# expect-error: error[:dead]: deadlock: every process is blocked
# expect-error: deadlock.vb:6 in <main>
print("waiting")
let msg = v.receive()
