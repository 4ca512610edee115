# // and % on ints with a zero divisor raise :zero_division
# expect: :zero_division
# expect: :zero_division
# expect: :zero_division
# expect: :zero_division
# expect: after
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { 1 // 0 }))
print(kind(fn() { 1 % 0 }))
print(kind(fn() { var x = 5; x //= 0 }))
print(kind(fn() { var x = 5; x %= 0 }))
print("after")
