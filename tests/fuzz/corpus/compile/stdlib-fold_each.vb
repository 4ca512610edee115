# fold(xs, init, f) calls f(acc, x); each(xs, f) calls f for effects and returns nil
# expect: 10
# expect: abc
# expect: 7
# expect: 1
# expect: 2
# expect: nil
print(fold([1, 2, 3, 4], 0, fn(acc, x) { acc + x }))
print(fold(["a", "b", "c"], "", fn(acc, s) { acc ++ s }))
print(fold([], 7, fn(acc, x) { acc + x }))
let r = each([1, 2], fn(x) { print(x) })
print(r)
