# array patterns: exact length, [first, ..rest], [p, ..], [..all], []
# expect: empty
# expect: one 5
# expect: pair 1 2
# expect: head 1 rest [2, 3]
# expect: starts with 9
# expect: all [4, 5, 6, 7]
fn describe(xs) {
  match xs {
    [] => "empty",
    [x] => "one ${x}",
    [a, b] => "pair ${a} ${b}",
    [9, ..] => "starts with 9",
    [a, b, c] => "head ${a} rest ${[b, c]}",
    [..all] => "all ${all}",
  }
}
print(describe([]))
print(describe([5]))
print(describe([1, 2]))
print(describe([1, 2, 3]))
print(describe([9, 0, 0, 0]))
print(describe([4, 5, 6, 7]))
