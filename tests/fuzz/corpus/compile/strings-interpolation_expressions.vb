# interpolation evaluates arbitrary expressions: calls, conditionals, closures, containers
# expect: 1 + 2 = 3
# expect: 2
# expect: [2, 4]
# expect: len=2
# expect: nested: (1, :a)
let xs = [1, 2]
print("1 + 2 = ${1 + 2}")
print("${if len(xs) > 1 { 2 } else { 1 }}")
print("${map(xs, fn(x) { x * 2 })}")
print("len=${len(xs)}")
print("nested: ${(1, :a)}")
