# server: a request/reply server loop. A spawned process owns a map and
# answers requests in a loop: (:add, k, d) adds d to the value under key k
# (0 when absent) and replies with the new value, (:get, k) replies with the
# value (0 when absent), :size replies with the number of keys. The main
# process (the client) makes n transactions with v.send, a :get for every
# third i and an :add otherwise, on keys (i * 7) % 1000, and sums the
# replies; a last :size request gives the number of keys. Same output as
# server.lua (a coroutine) and server.py (a generator).
#
# (No variable may be called `v`: that name is the process module.)
# The server never returns; it is stopped when the main process ends the
# program.

let KEYS = 1000

fn server() {
  let store = {}
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:add, k, d) => {
        let x = get(store, k, 0) + d
        store[k] = x
        v.reply(from, x)
      },
      (:get, k) => v.reply(from, get(store, k, 0)),
      :size => v.reply(from, len(store)),
    }
  }
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 3000000 }
  let s = spawn(server)
  var sum = 0
  for i in 0..n {
    let k = (i * 7) % KEYS
    if i % 3 == 0 {
      sum += v.send(s, (:get, k))
    } else {
      sum += v.send(s, (:add, k, i % 100))
    }
  }
  let size = v.send(s, :size)
  print("server(${n}) = ${sum} ${size}")
}

main()
