# a time-stepped bank queue simulation: customers arrive, wait in a FIFO queue for one of two tellers
# expect: customer  1 arrives  2 service 5 teller 0 waits 0
# expect: customer  2 arrives  5 service 3 teller 1 waits 0
# expect: customer  3 arrives  8 service 8 teller 0 waits 0
# expect: customer  4 arrives  9 service 5 teller 1 waits 0
# expect: customer  5 arrives 12 service 8 teller 1 waits 2
# expect: customer  6 arrives 15 service 4 teller 0 waits 1
# expect: customer  7 arrives 18 service 5 teller 0 waits 2
# expect: customer  8 arrives 21 service 7 teller 1 waits 1
# expect: customer  9 arrives 23 service 5 teller 0 waits 2
# expect: customer 10 arrives 25 service 5 teller 1 waits 4
# expect: customer 11 arrives 26 service 8 teller 0 waits 4
# expect: customer 12 arrives 27 service 3 teller 1 waits 7
# expect: total wait 23, longest queue 3, closing time 38
# expect: average wait 1.92
import math
var seed = 7
fn rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648
  (seed // 65536) % n
}
let customers = []
var t = 0
for id in 1..=12 {
  t += rand(3) + 1
  push(customers, {id: id, arrival: t, service: rand(6) + 3, wait: nil, teller: nil})
}
let queue = []
let serving = [nil, nil]
let busy_until = [0, 0]
var clock = 0
var next_arrival = 0
var finished = 0
var max_queue = 0
while finished < len(customers) {
  while next_arrival < len(customers) and customers[next_arrival].arrival == clock {
    push(queue, customers[next_arrival])
    next_arrival += 1
  }
  for i in 0..2 {
    if serving[i] != nil and busy_until[i] == clock {
      finished += 1
      serving[i] = nil
    }
  }
  for i in 0..2 {
    if serving[i] == nil and len(queue) > 0 {
      let c = remove(queue, 0)
      c.wait = clock - c.arrival
      c.teller = i
      serving[i] = c
      busy_until[i] = clock + c.service
    }
  }
  max_queue = math.max(max_queue, len(queue))
  clock += 1
}
for c in customers {
  let id = fmt(c.id, "2d")
  let arrival = fmt(c.arrival, "2d")
  print("customer ${id} arrives ${arrival} service ${c.service} teller ${c.teller} waits ${c.wait}")
}
let total = fold(customers, 0, fn(acc, c) { acc + c.wait })
print("total wait ${total}, longest queue ${max_queue}, closing time ${clock - 1}")
let average = fmt(total / len(customers), ".2f")
print("average wait ${average}")
