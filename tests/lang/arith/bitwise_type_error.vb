# bitwise operators need ints: floats raise :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { 1.5 & 1 }))
print(kind(fn() { ~1.5 }))
print(kind(fn() { 1 << 1.0 }))
