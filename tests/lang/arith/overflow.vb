# int arithmetic that leaves 64 bits raises :overflow
# expect: 9223372036854775807
# expect: -9223372036854775808
# expect: add :overflow
# expect: sub :overflow
# expect: mul :overflow
# expect: neg :overflow
# expect: pow :overflow
# expect: compound :overflow
let max = 9223372036854775807
let min = -9223372036854775807 - 1
print(max)
print(min)
fn kind(f) { try { f(); :none } catch e { e.kind } }
print("add", kind(fn() { max + 1 }))
print("sub", kind(fn() { min - 1 }))
print("mul", kind(fn() { max * 2 }))
print("neg", kind(fn() { -min }))
print("pow", kind(fn() { 2 ** 63 }))
print("compound", kind(fn() { var x = max; x += 1 }))
