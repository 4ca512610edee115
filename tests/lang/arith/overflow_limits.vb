# results just inside the 64-bit range do not overflow; just outside do
# expect: 4611686018427387904
# expect: 1000000000000000000
# expect: 4052555153018976267
# expect: 9223372036854775807
# expect: -9223372036854775808
# expect: :overflow
# expect: :overflow
# expect: :overflow
print(2 ** 62)
print(10 ** 18)
print(3 ** 39)
print(4611686018427387903 + 4611686018427387904)
print(-4611686018427387904 * 2)
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { 10 ** 19 }))
print(kind(fn() { 3 ** 40 }))
print(kind(fn() { 4611686018427387904 * 2 }))
