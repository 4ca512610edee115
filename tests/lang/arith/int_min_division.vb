# the most negative int divided by -1 raises :overflow instead of crashing
# expect: -9223372036854775808
# expect: :overflow
# expect: :overflow
let min = -9223372036854775807 - 1
print(min // 1)
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { min // -1 }))
print(kind(fn() { min * -1 }))
