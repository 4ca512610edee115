# arrays, maps and bytes cannot be map keys: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
let m = {}
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { m[[1]] = 1 }))
print(kind(fn() { m[{}] = 1 }))
print(kind(fn() { m[bytes(1)] = 1 }))
print(kind(fn() { let bad = {([1]): 2} }))
