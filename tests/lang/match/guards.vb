# a guard that fails falls through to the next arm
# expect: desc
# expect: asc
# expect: equal
# expect: negative
# expect: positive even
# expect: positive odd
fn order(p) {
  match p {
    (x, y) if x > y => "desc",
    (x, y) if x < y => "asc",
    _ => "equal",
  }
}
print(order((2, 1)))
print(order((1, 2)))
print(order((1, 1)))
fn kind(n) {
  match n {
    x if x < 0 => "negative",
    x if x % 2 == 0 => "positive even",
    _ => "positive odd",
  }
}
print(kind(-5))
print(kind(4))
print(kind(7))
