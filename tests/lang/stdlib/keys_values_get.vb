# keys, values and get on maps
# expect: [:a, :b]
# expect: [1, 2]
# expect: 2
# expect: nil
# expect: default
# expect: []
let m = {a: 1, b: 2}
print(keys(m))
print(values(m))
print(get(m, :b))
print(get(m, :c))
print(get(m, :c, "default"))
print(keys({}))
