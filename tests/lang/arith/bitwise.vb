# bitwise & | ^ ~ << >> on ints; >> is arithmetic
# expect: 2
# expect: 7
# expect: 5
# expect: -6
# expect: 16
# expect: 4
# expect: -4
# expect: 255
# expect: 0
# expect: 1024
print(6 & 3)
print(6 | 3)
print(6 ^ 3)
print(~5)
print(1 << 4)
print(16 >> 2)
print(-16 >> 2)
print(0xf0 | 0x0f)
print(0xf0 & 0x0f)
print(1 << 10)
