# time.sleep parks only the calling process: others keep running meanwhile
# expect: true
import time
fn ticker(main) {
  var n = 0
  while n < 5 {
    n += 1
    v.datagram(main, n)
    time.sleep(1)
  }
}
spawn(ticker, v.self())
time.sleep(100)
var got = []
var m = v.receive(0)
while m != nil {
  let (from, n) = m
  push(got, n)
  m = v.receive(0)
}
print(got == [1, 2, 3, 4, 5])
