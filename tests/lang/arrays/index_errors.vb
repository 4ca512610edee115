# indices out of range raise :index_error, for reading and for writing
# expect: :index_error
# expect: :index_error
# expect: :index_error
# expect: :index_error
# expect: :index_error
# expect: [1, 2, 3]
let a = [1, 2, 3]
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { a[3] }))
print(kind(fn() { a[-4] }))
print(kind(fn() { [][0] }))
print(kind(fn() { a[3] = 0 }))
print(kind(fn() { a[-4] = 0 }))
print(a)
