# integer literals: decimal, hex, binary, underscores, the int64 maximum
# expect: 42
# expect: 42
# expect: 255
# expect: 255
# expect: 5
# expect: 1000000
# expect: 9223372036854775807
# expect: 0
# expect: :int
# expect: :int
print(42)
print(0x2a)
print(0xff)
print(0xFF)
print(0b101)
print(1_000_000)
print(9223372036854775807)
print(0)
print(type(0x10))
print(type(0b1))
