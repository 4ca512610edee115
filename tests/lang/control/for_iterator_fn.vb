# for over a function calls it with no arguments until it returns nil
# expect: 1
# expect: 2
# expect: 3
# expect: [0, 1, 1, 2, 3, 5, 8]
fn upto(n) {
  var i = 0
  fn() { if i < n { i += 1; i } else { nil } }
}
for x in upto(3) { print(x) }
fn fib_iter(limit) {
  var a = 0
  var b = 1
  fn() {
    if a > limit { return nil }
    let r = a
    let next = a + b
    a = b
    b = next
    r
  }
}
let fs = []
for f in fib_iter(10) { push(fs, f) }
print(fs)
