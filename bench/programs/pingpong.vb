# pingpong: two lightweight processes pass a counter back and forth n times.
# The main process ("ping") sends val+1 to the spawned process "pong", which
# replies with what it received + 1; one round trip is one message
# transaction (v.send blocks until pong's v.reply). Prints the same line as
# pingpong.lua: after n rounds val = 2n and sum = n(n+1).
#
# (No variable may be called `v`: that name is the process module.)
# pong never returns; it is stopped when the main process ends the program.

fn pong() {
  while true {
    let (from, x) = v.receive()
    v.reply(from, x + 1)
  }
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 10000000 }
  let p = spawn(pong)
  var val = 0
  var sum = 0
  for _ in 0..n {
    val = v.send(p, val + 1)
    sum += val
  }
  print("pingpong(${n}) = ${val} ${sum}")
}

main()
