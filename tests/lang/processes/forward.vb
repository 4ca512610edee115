# v.forward hands a transaction to another process, which replies to the original sender
# expect: front got 5
# expect: back got 6
# expect: 60
fn back() {
  while true {
    let (from, msg) = v.receive()
    print("back got ${msg}")
    v.reply(from, msg * 10)
  }
}
fn front(b) {
  while true {
    let (from, msg) = v.receive()
    print("front got ${msg}")
    v.forward(from, b, msg + 1)
  }
}
let b = spawn(back)
let f = spawn(front, b)
print(v.send(f, 5))
