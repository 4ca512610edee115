# send_any returns the first reply from any member of a group
# expect: true
fn member(id, g) {
  v.join(g)
  while true {
    let (from, msg) = v.receive()
    if msg == :ready { v.reply(from, :ok) } else { v.reply(from, id * msg) }
  }
}
let g = v.group()
for id in 1..=3 { v.send(spawn(member, id, g), :ready) }
let r = v.send_any(g, 5)
print(r in [5, 10, 15])
