# unbounded non-tail recursion raises :stack_overflow, which can be caught; the program goes on
# expect: :stack_overflow
# expect: recovered
# expect: 10
fn forever(n) { 1 + forever(n + 1) }
let k = try { forever(0) } catch e { e.kind }
print(k)
print("recovered")
fn depth(n) { if n == 0 { 0 } else { 1 + depth(n - 1) } }
print(depth(10))
