# anonymous functions check their arity too
# expect: :arity
# expect: :arity
let f = fn(x) { x }
fn kind(g) { try { g(); :none } catch e { e.kind } }
print(kind(fn() { f() }))
print(kind(fn() { f(1, 2) }))
