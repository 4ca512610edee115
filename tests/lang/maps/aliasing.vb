# maps are mutable references
# expect: {a: 1, b: 2}
# expect: true
# expect: false
let m = {a: 1}
let n = m
n.b = 2
print(m)
print(m is n)
print(m is {a: 1, b: 2})
