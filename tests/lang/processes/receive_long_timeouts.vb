# an infinite timeout waits like none, a huge one waits, and nan is refused
# expect: late
# expect: later
# expect-error: error[:value_error]: v.receive() cannot wait nan milliseconds
# expect-error: receive_long_timeouts.vb:11
let me = v.self()
spawn(fn() { v.datagram(me, "late") })
print(v.receive(1.0 / 0.0)[1])
spawn(fn() { v.datagram(me, "later") })
print(v.receive(1e300)[1])
v.receive(0.0 / 0.0)
