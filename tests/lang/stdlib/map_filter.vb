# map and filter return arrays and accept any iterable
# expect: [2, 4, 6]
# expect: [2]
# expect: [0, 1, 4]
# expect: ["A!", "B!"]
# expect: [3]
# expect: []
# expect: [(:a, 1)]
print(map([1, 2, 3], fn(x) { x * 2 }))
print(filter([1, 2, 3], fn(x) { x % 2 == 0 }))
print(map(0..3, fn(x) { x * x }))
print(map(("A", "B"), fn(s) { s ++ "!" }))
print(filter([1, 2, 3], fn(x) { x > 2 }))
print(map([], fn(x) { x }))
print(filter({a: 1, b: 2}, fn(kv) { kv[1] == 1 }))
