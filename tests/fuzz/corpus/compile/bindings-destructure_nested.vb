# patterns nest: maps in arrays in tuples
# expect: 1 2 x
# expect: 3 [4]
let (n, [m, {tag}]) = (1, [2, {tag: "x", extra: 0}])
print(n, m, tag)
let {items: [i, ..more]} = {items: [3, 4]}
print(i, more)
