# a let pattern that does not fit raises :no_match
# expect: :no_match
# expect: :no_match
# expect: :no_match
# expect: :no_match
# expect: :no_match
# expect: :no_match
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { let (a, b) = (1, 2, 3) }))
print(kind(fn() { let [a, b] = [1, 2, 3] }))
print(kind(fn() { let {x} = {y: 1} }))
print(kind(fn() { let (1, x) = (2, 3) }))
print(kind(fn() { let [a, ..rest] = [] }))
print(kind(fn() { let (a, b) = [1, 2] }))
