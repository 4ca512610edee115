# tuples can be map keys; equal tuples find the same entry
# expect: origin
# expect: {(0, 0): "origin", (1, 2): "p"}
# expect: true
# expect: 2
let m = {(0, 0): "origin"}
print(m[(0, 0)])
m[(1, 2)] = "p"
print(m)
print((1, 2) in m)
print(len(m))
