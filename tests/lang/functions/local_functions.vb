# fn declarations inside a function are local; they may recurse
# expect: 120
# expect: [1, 1, 2, 3, 5]
fn outer(n) {
  fn fact(k) { if k <= 1 { 1 } else { k * fact(k - 1) } }
  fact(n)
}
print(outer(5))
fn fibs(n) {
  fn fib(k) { if k < 2 { 1 } else { fib(k - 1) + fib(k - 2) } }
  map(0..n, fib)
}
print(fibs(5))
