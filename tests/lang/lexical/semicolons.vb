# ; separates statements on one line, in blocks too
# expect: 3
# expect: 6
# expect: 10
let a = 1; let b = 2; print(a + b)
var c = 0; c += 6; print(c)
fn f(x) { let y = x * 2; y }; print(f(5))
