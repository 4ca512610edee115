# k in m tests keys; keys(m) and values(m) return arrays in insertion order
# expect: true
# expect: false
# expect: false
# expect: [:z, :a, "m"]
# expect: [1, 2, 3]
# expect: 3
# expect: true
let m = {z: 1, a: 2, "m": 3}
print(:z in m)
print("z" in m)
print(1 in m)
print(keys(m))
print(values(m))
print(len(m))
print(:q not in m)
