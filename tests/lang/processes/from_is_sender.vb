# the from of a received request is the sender's pid
# expect: true
fn echo_from() {
  let (from, msg) = v.receive()
  v.reply(from, from)
}
let p = spawn(echo_from)
print(v.send(p, :hi) == v.self())
