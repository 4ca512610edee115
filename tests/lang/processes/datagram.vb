# v.datagram sends one-way without blocking; datagrams arrive in order with requests
# expect: 10
# expect: [1, 2, 3, 4]
fn collector() {
  let items = []
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:item, x) => push(items, x),
      :sum => v.reply(from, fold(items, 0, fn(a, x) { a + x })),
      :items => v.reply(from, items),
    }
  }
}
let c = spawn(collector)
v.datagram(c, (:item, 1))
v.datagram(c, (:item, 2))
v.datagram(c, (:item, 3))
v.datagram(c, (:item, 4))
print(v.send(c, :sum))
print(v.send(c, :items))
