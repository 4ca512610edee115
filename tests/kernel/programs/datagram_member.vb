# A member of the group "datagrams" that counts the datagrams it gets and says
# how many when asked (:count).
let g = v.group("datagrams")
v.join(g)
var count = 0
print("datagram member ready")
while true {
  let (from, msg) = v.receive()
  if msg == :count { v.reply(from, count) } else if msg == :who { v.reply(from, :here) } else { count += 1 }
}
