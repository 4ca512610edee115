# higher-order composition of functions
# expect: 21
# expect: 20
fn compose(f, g) { fn(x) { f(g(x)) } }
let inc = fn(x) { x + 1 }
let dbl = fn(x) { x * 2 }
print(compose(inc, dbl)(10))
print(compose(dbl, inc)(9))
