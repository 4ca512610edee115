# newlines inside ( ) and [ ] are ignored; map literals skip newlines; trailing commas everywhere
# expect: [1, 2, 3]
# expect: {a: 1, b: 2}
# expect: (1, 2)
# expect: 7
# expect: 3
let xs = [
  1,
  2,
  3,
]
print(xs)
let m = {
  a: 1,
  b: 2,
}
print(m)
let t = (
  1,
  2,
)
print(t)
fn add(a, b,) { a + b }
print(add(
  3,
  4,
))
print(len(
  xs
))
