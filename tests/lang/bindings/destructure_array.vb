# let with array patterns: exact length, rest patterns [a, ..rest], [a, ..] and [..all]
# expect: 1 2
# expect: 1 [2, 3, 4]
# expect: 10
# expect: [5, 6]
# expect: []
let [a, b] = [1, 2]
print(a, b)
let [first, ..rest] = [1, 2, 3, 4]
print(first, rest)
let [head, ..] = [10, 20, 30]
print(head)
let [..all] = [5, 6]
print(all)
let [only, ..none] = [7]
print(none)
