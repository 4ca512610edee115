# precedence: & binds tighter than ^, ^ than |; shifts tighter than &; + tighter than shifts; | tighter than ==
# expect: true
# expect: 10
# expect: 3
# expect: 8
# expect: 6
# expect: 1
print(1 | 2 == 3)
print(6 & 3 | 8)
print(1 ^ 3 & 2)
print(1 + 1 << 2)
print(2 | 1 << 2)
print(5 & 1 << 0)
