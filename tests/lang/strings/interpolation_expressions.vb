# interpolation evaluates arbitrary expressions, including calls and conditionals
# expect: 1 + 2 = 3
# expect: big
# expect: [2, 4]
# expect: len=3
# expect: nested: (1, "a")
let xs = [1, 2]
print("1 + 2 = ${1 + 2}")
print("${if len(xs) > 1 { "big" } else { "small" }}")
print("${map(xs, fn(x) { x * 2 })}")
print("len=${len("abc")}")
print("nested: ${(1, "a")}")
