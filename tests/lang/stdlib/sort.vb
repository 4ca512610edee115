# sort returns a new sorted array; a less function changes the order; the sort is stable
# expect: [1, 2, 3]
# expect: [3, 1, 2]
# expect: [3, 2, 1]
# expect: ["apple", "banana", "cherry"]
# expect: [(1, "b"), (1, "d"), (2, "a"), (2, "c")]
# expect: [1.5, 2, 3]
# expect: [(1, 9), (2, 0)]
let xs = [3, 1, 2]
print(sort(xs))
print(xs)
print(sort(xs, fn(a, b) { a > b }))
print(sort(["cherry", "apple", "banana"]))
let pairs = [(2, "a"), (1, "b"), (2, "c"), (1, "d")]
print(sort(pairs, fn(p, q) { p[0] < q[0] }))
print(sort([3, 1.5, 2]))
print(sort([(2, 0), (1, 9)]))
