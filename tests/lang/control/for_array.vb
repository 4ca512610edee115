# for over an array visits elements in order
# expect: a
# expect: b
# expect: c
# expect: 6
for s in ["a", "b", "c"] { print(s) }
var total = 0
for x in [1, 2, 3] { total += x }
print(total)
