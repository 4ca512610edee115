# bytes buffers: bytes(n) is zeros, bytes(s) holds the string's bytes; index, assign, slice, ++
# expect: 3
# expect: 0
# expect: 104
# expect: 200
# expect: b"el"
# expect: b"hi!"
# expect: true
# expect: :bytes
let z = bytes(3)
print(len(z))
print(z[0])
let b = bytes("hello")
print(b[0])
z[1] = 200
print(z[1])
print(b[1..3])
print(bytes("hi") ++ bytes("!"))
print(bytes("ab") == bytes("ab"))
print(type(b[0..1]))
