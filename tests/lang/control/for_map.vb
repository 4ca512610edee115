# for over a map yields (key, value) tuples in insertion order
# expect: one 1
# expect: two 2
# expect: three 3
let m = {}
m["one"] = 1
m["two"] = 2
m["three"] = 3
for (k, v) in m { print(k, v) }
