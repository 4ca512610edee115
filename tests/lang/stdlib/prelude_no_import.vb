# prelude functions need no import and are ordinary function values
# expect: [3, 3]
# expect: :function
# expect: 2
let fs = [len, len]
print(map(fs, fn(f) { f("abc") }))
print(type(sort))
let apply = fold
print(apply([1, 1], 0, fn(a, x) { a + x }))
