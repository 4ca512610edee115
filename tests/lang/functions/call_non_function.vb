# calling a value that is not a function raises :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
let x = 5
let m = {f: 1}
fn kind(g) { try { g(); :none } catch e { e.kind } }
print(kind(fn() { x() }))
print(kind(fn() { m.f(1) }))
print(kind(fn() { "s"() }))
