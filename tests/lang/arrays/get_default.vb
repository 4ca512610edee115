# get(a, i, default) returns the element or the default when out of range
# expect: 20
# expect: nil
# expect: -1
# expect: 30
let a = [10, 20, 30]
print(get(a, 1))
print(get(a, 5))
print(get(a, 5, -1))
print(get(a, 2, -1))
