# break and continue in for loops
# expect: [1, 2, 4, 5]
# expect: 3
let out = []
for i in 1..10 {
  if i == 3 { continue }
  if i == 6 { break }
  push(out, i)
}
print(out)
var last = 0
for x in [1, 2, 3, 4] {
  last = x
  if x == 3 { break }
}
print(last)
