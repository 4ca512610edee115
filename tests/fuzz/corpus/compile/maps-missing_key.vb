# reading a missing key raises :key_error (m.x, m[k], and string/symbol keys are distinct)
# expect: :key_error
# expect: :key_error
# expect: :key_error
# expect: :key_error
let m = {a: 1, "b": 2}
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { m.x }))
print(kind(fn() { m["x"] }))
print(kind(fn() { m["a"] }))
print(kind(fn() { m[:b] }))
