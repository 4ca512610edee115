# for over bytes yields ints
# expect: [104, 105]
# expect: [0, 0, 0]
let out = []
for b in bytes("hi") { push(out, b) }
print(out)
let z = []
for b in bytes(3) { push(z, b) }
print(z)
