# bare return yields nil; return works from inside loops and nested blocks
# expect: nil
# expect: 3
# expect: found 7
# expect: none
fn bare() { return; 5 }
print(bare())
fn first_over(xs, limit) {
  for x in xs {
    if x > limit { return x }
  }
  nil
}
print(first_over([1, 3, 5], 2))
fn find7(grid) {
  for row in grid {
    for x in row {
      if x == 7 { return "found ${x}" }
    }
  }
  "none"
}
print(find7([[1, 2], [7, 8]]))
print(find7([[1]]))
