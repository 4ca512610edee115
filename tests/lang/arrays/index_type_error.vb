# indexing an array with a non-int raises :type_error
# expect: :type_error
# expect: :type_error
let a = [1, 2]
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { a["0"] }))
print(kind(fn() { a[nil] }))
