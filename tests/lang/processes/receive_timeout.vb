# v.receive(ms) returns nil when nothing arrives in time
# expect: nil
# expect: true
import time
let start = time.millis()
print(v.receive(50))
print(time.millis() - start >= 40)
