# a pattern of one shape never matches a value of another (array vs tuple vs map)
# expect: tuple
# expect: array
# expect: map
# expect: scalar
fn shape(v) {
  match v {
    (a, b) => "tuple",
    [a, b] => "array",
    {a} => "map",
    _ => "scalar",
  }
}
print(shape((1, 2)))
print(shape([1, 2]))
print(shape({a: 1, b: 2}))
print(shape("ab"))
