# a process looping forever without blocking does not starve the others
# expect: 42
# expect: woke up
# expect: main done
import time
fn spin() {
  var i = 0
  while true { i += 1 }
}
fn echo() {
  while true {
    let (from, msg) = v.receive()
    v.reply(from, msg)
  }
}
spawn(spin)
let e = spawn(echo)
print(v.send(e, 42))
time.sleep(20)
print("woke up")
print("main done")
