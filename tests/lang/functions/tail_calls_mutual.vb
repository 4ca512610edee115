# mutually recursive tail calls do not grow the stack: 1,000,000 deep works
# expect: true
# expect: false
fn ping(n) { if n == 0 { true } else { pong(n - 1) } }
fn pong(n) { if n == 0 { false } else { ping(n - 1) } }
print(ping(1000000))
print(ping(999999))
