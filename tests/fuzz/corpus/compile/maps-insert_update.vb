# assigning a new key appends it; assigning an existing key keeps its position
# expect: {a: 1, b: 2, "c": 3}
# expect: {a: 10, b: 2, "c": 3}
# expect: {a: 10, b: 2, "c": 3, 4: :four}
# expect: 4
let m = {a: 1}
m.b = 2
m["c"] = 3
print(m)
m.a = 10
print(m)
m[4] = :four
print(m)
print(len(m))
