# a thousand processes can run at once
# expect: 332833500
# expect: 499500
fn square_server(n) {
  let (from, msg) = v.receive()
  v.reply(from, n * n)
}
let pids = map(0..1000, fn(i) { spawn(square_server, i) })
var total = 0
for p in pids { total += v.send(p, :go) }
print(total)
let me = v.self()
for i in 0..1000 { spawn(fn() { v.datagram(me, i) }) }
var sum = 0
for i in 0..1000 {
  let (from, n) = v.receive()
  sum += n
}
print(sum)
