# a server process keeps state across requests
# expect: 1
# expect: 3
# expect: 6
# expect: 6
fn accumulator() {
  var total = 0
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:add, n) => {
        total += n
        v.reply(from, total)
      }
      :get => v.reply(from, total),
    }
  }
}
let acc = spawn(accumulator)
print(v.send(acc, (:add, 1)))
print(v.send(acc, (:add, 2)))
print(v.send(acc, (:add, 3)))
print(v.send(acc, :get))
