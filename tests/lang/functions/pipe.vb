# x |> f(a) is f(x, a); x |> f is f(x); pipes chain left to right
# expect: 6
# expect: 5
# expect: [20, 40]
# expect: 60
fn add(a, b) { a + b }
fn twice(x) { x * 2 }
print(3 |> twice)
print(2 |> add(3))
print([1, 2, 3, 4]
  |> filter(fn(x) { x % 2 == 0 })
  |> map(fn(x) { x * 10 }))
print([1, 2, 3] |> map(fn(x) { x * 10 }) |> fold(0, add))
