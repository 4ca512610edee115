# a line ending in a binary operator or comma continues; a line starting with |> continues
# expect: 6
# expect: true
# expect: 60
# expect: 5
# expect: abc
let total = 1 +
  2 +
  3
print(total)
let ok = total == 6 and
  total > 0
print(ok)
let r = [1, 2, 3]
  |> map(fn(x) { x * 10 })
  |> fold(0, fn(acc, x) { acc + x })
print(r)
fn max3(a, b, c) { if a > b and a > c { a } else if b > c { b } else { c } }
print(max3(1,
  5,
  2))
let s = "a" ++
  "b" ++
  "c"
print(s)
