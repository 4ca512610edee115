# keys: 1 and 1.0 are the same key; strings and symbols differ; nil, bools and tuples work
# expect: b
# expect: 1
# expect: 2
# expect: yes
# expect: nothing
# expect: pair
# expect: 4
let m = {}
m[1] = "a"
m[1.0] = "b"
print(m[1])
print(len(m))
m["x"] = 1
m[:x] = 2
print(m[:x])
m[true] = "yes"
m[nil] = "nothing"
print(m[true])
print(m[nil])
m[(1, "a")] = "pair"
print(m[(1, "a")])
print(len(m) - 2)
