# tuple patterns match tuples of the same length
# expect: origin
# expect: on x axis at 3
# expect: point 1 2
# expect: triple
# expect: not a pair
fn where(p) {
  match p {
    (0, 0) => "origin",
    (x, 0) => "on x axis at ${x}",
    (x, y) => "point ${x} ${y}",
    (_, _, _) => "triple",
    _ => "not a pair",
  }
}
print(where((0, 0)))
print(where((3, 0)))
print(where((1, 2)))
print(where((1, 2, 3)))
print(where([1, 2]))
