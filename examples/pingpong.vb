# pingpong.vb — two processes exchange messages with v.send, v.receive and
# v.reply. The ping process sends numbered balls; the pong process returns each one
# and keeps count; when ping is done it reports to the main process.
# Shows spawn, message transactions, matching on messages and process state.
# Run: vb examples/pingpong.vb [ROUNDS]        (ROUNDS defaults to 5)

fn pong() {
  var returned = 0
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:ping, n) => {
        returned += 1
        v.reply(from, (:pong, n))
      },
      :stop => {
        v.reply(from, returned)
        return nil
      },
    }
  }
}

fn ping(partner, rounds, parent) {
  for n in 1..=rounds {
    match v.send(partner, (:ping, n)) {
      (:pong, m) => print("ping ${n} -> pong ${m}"),
    }
  }
  let count = v.send(partner, :stop)
  print("pong returned ${count} balls and stopped")
  v.send(parent, (:done, rounds))
}

let rounds = if len(args()) > 0 { int(args()[0]) } else { 5 }
let pong_pid = spawn(pong)
spawn(ping, pong_pid, rounds, v.self())

# wait for ping's report, then answer it so that ping can finish
let (from, (:done, n)) = v.receive()
v.reply(from, :ok)
print("done after ${n} rounds")

# pong has ended, so a further send fails
print(try { v.send(pong_pid, (:ping, 99)) } catch e { e.kind })
