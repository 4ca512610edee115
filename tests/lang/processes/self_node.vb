# v.self() is this process's pid; v.node() is a string; pids compare with ==
# expect: :pid
# expect: true
# expect: :string
# expect: true
# expect: false
fn report() {
  let (from, msg) = v.receive()
  v.reply(from, v.self())
}
print(type(v.self()))
print(v.self() == v.self())
print(type(v.node()))
let p = spawn(report)
print(v.send(p, :who) == p)
print(p == v.self())
