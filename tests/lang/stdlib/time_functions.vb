# time.now (float seconds since the epoch), time.millis (int, monotonic), time.sleep
# expect: :float
# expect: true
# expect: :int
# expect: true
import time
let t = time.now()
print(type(t))
print(t > 1600000000.0)
let a = time.millis()
print(type(a))
time.sleep(30)
let b = time.millis()
print(b - a >= 25)
