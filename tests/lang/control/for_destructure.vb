# for destructures tuples with a pattern
# expect: 0 a
# expect: 1 b
# expect: 3
for (i, s) in zip(0..2, ["a", "b"]) { print(i, s) }
var total = 0
for (a, b) in [(1, 0), (0, 2)] { total += a + b }
print(total)
