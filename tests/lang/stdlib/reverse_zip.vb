# reverse returns a new reversed array; zip pairs elements up to the shorter length
# expect: [3, 2, 1]
# expect: [1, 2, 3]
# expect: [(1, "a"), (2, "b")]
# expect: []
# expect: [(0, :x), (1, :y)]
let xs = [1, 2, 3]
print(reverse(xs))
print(xs)
print(zip([1, 2, 3], ["a", "b"]))
print(zip([], [1]))
print(zip(0..2, [:x, :y, :z]))
