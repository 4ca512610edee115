# break leaves the innermost loop; continue skips to the next iteration
# expect: [1, 3, 5, 7]
# expect: 10
var i = 0
let odds = []
while true {
  i += 1
  if i > 8 { break }
  if i % 2 == 0 { continue }
  push(odds, i)
}
print(odds)
var j = 0
while j < 100 {
  j += 1
  if j == 10 { break }
}
print(j)
