# closures nest: an inner function captures from every enclosing level
# expect: 111
# expect: 6
fn outer(a) {
  fn middle(b) {
    fn inner(c) { a + b + c }
    inner
  }
  middle
}
print(outer(100)(10)(1))
let adder = fn(x) { fn(y) { fn(z) { x + y + z } } }
print(adder(1)(2)(3))
