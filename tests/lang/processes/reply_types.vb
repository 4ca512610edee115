# any value can be sent and replied: tuples, maps, arrays, nil
# expect: (:ok, [1, 2])
# expect: {status: "fine"}
# expect: nil
fn server() {
  while true {
    let (from, msg) = v.receive()
    match msg {
      :tuple => v.reply(from, (:ok, [1, 2])),
      :map => v.reply(from, {status: "fine"}),
      _ => v.reply(from, nil),
    }
  }
}
let p = spawn(server)
print(v.send(p, :tuple))
print(v.send(p, :map))
print(v.send(p, :other))
