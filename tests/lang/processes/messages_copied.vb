# messages are copied: the receiver never sees the sender's later mutations, and vice versa
# expect: 3
# expect: [1, 2, 3, 4]
# expect: [1, 2, 3]
# expect: {n: 1}
fn keeper() {
  var kept = nil
  while true {
    let (from, msg) = v.receive()
    match msg {
      (:keep, x) => { kept = x },
      :len => v.reply(from, len(kept)),
      :get => v.reply(from, kept),
      (:mutate, m) => {
        m.n = 99
        v.reply(from, nil)
      }
    }
  }
}
let k = spawn(keeper)
let arr = [1, 2, 3]
v.datagram(k, (:keep, arr))
push(arr, 4)
print(v.send(k, :len))
print(arr)
print(v.send(k, :get))
let m = {n: 1}
v.send(k, (:mutate, m))
print(m)
