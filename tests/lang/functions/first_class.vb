# functions are values: passed, returned, stored in arrays and maps
# expect: 9
# expect: [2, 3, 4]
# expect: 16
# expect: 7
fn apply(f, x) { f(x) }
fn square(x) { x * x }
print(apply(square, 3))
fn adder(n) { fn(x) { x + n } }
print(map([1, 2, 3], adder(1)))
let fs = [square, adder(10)]
print(fs[0](4))
let table = {inc: fn(x) { x + 1 }}
print(table.inc(6))
