# uncaught :arity from calling a function with too many arguments
# expect-error: error[:arity]
# expect-error: kind_arity.vb:5 in <main>
let f = fn(x) { x }
f(1, 2)
