# a function's value is its last expression; return exits early
# expect: 5
# expect: negative
# expect: non-negative
# expect: nil
# expect: nil
fn add(a, b) { a + b }
print(add(2, 3))
fn sign(x) {
  if x < 0 { return "negative" }
  "non-negative"
}
print(sign(-1))
print(sign(0))
fn nothing() {}
print(nothing())
fn ends_with_let() { let x = 1 }
print(ends_with_let())
