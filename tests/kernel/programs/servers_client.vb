# tests/kernel/programs/servers_client.vb — asks the kernel servers of its own
# node and of the node of an "echo" member (found through the well-known group):
# the time server, the process server, and requests the process server does not
# understand. Then it stays, so that `vb ps` finds it.
import time
import str as s
let g = v.group("echo")
var answer = nil
var tries = 0
while answer == nil and tries < 200 {
  answer = try { v.send_any(g, "hello", 500) } catch e { tries += 1; time.sleep(50); nil }
}
let there = answer.pid
print("echo member", there, "on", answer.node)

fn near(t, now) { t >= now - 5 and t <= now + 5 }

let own = v.send(v.kernel_server(:time), :now, 2000)
print("own time: node", own.node == v.node(), "unix", near(own.unix, time.now()), "type", type(own.unix),
      "monotonic", type(own.monotonic_ns), near(own.monotonic_ns / 1000000000, time.millis() / 1000))
let far = v.send(v.kernel_server(:time, there), {op: :now}, 2000)
print("far time: node", far.node == answer.node, far.node != v.node(), "unix", near(far.unix, time.now()),
      "monotonic", near(far.monotonic_ns / 1000000000, time.millis() / 1000))

let mine = v.send(v.kernel_server(:process), :list, 2000)
let me = filter(mine, fn(p) { p.pid == v.self() })
print("own list has me", len(me) == 1, "team", s.ends_with(me[0].team, "servers_client.vb"))
let theirs = v.send(v.kernel_server(:process, there), {op: :list}, 2000)
let echo = filter(theirs, fn(p) { p.pid == there })
print("far list has the echo member", len(echo) == 1, "team", s.ends_with(echo[0].team, "echo_server.vb"),
      "groups", echo[0].groups == [g], "not me", len(filter(theirs, fn(p) { p.pid == v.self() })) == 0)

let bad = v.send(v.kernel_server(:process), "bogus", 2000)
print("not understood:", type(bad), bad.understood, s.find(bad.error, ":list") != nil)
let bad_op = v.send(v.kernel_server(:process, there), {op: :kill, pid: there}, 2000)
print("unknown op:", bad_op.understood)
print("time answers anything:", type(v.send(v.kernel_server(:time, there), [1, "x"], 2000).unix))
print("servers checked; me", v.self(), "there", there)
v.receive()
