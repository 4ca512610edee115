# bytes print as b"..." with \x hex escapes for non-printable bytes
# expect: b"hi"
# expect: b"\x00\x00"
# expect: b"A\x00"
# expect: :bytes
print(bytes("hi"))
print(bytes(2))
let b = bytes(2)
b[0] = 65
print(b)
print(type(b))
