# a self tail call does not grow the stack: 1,000,000 deep works
# expect: 1000000
# expect: 500000500000
fn count(n, acc) { if n == 0 { acc } else { count(n - 1, acc + 1) } }
print(count(1000000, 0))
fn sum_to(n, acc) {
  if n == 0 { return acc }
  return sum_to(n - 1, acc + n)
}
print(sum_to(1000000, 0))
