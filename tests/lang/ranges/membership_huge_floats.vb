# a float beyond every int64 is in no range, whatever the machine does with the conversion
# expect: false
# expect: false
# expect: false
# expect: false
# expect: true
let lo = -9223372036854775807 - 1
let hi = 9223372036854775807
print(1e30 in lo..0)
print(1e30 in 0..=hi)
print(-1e30 in lo..=0)
print(1.0 / 0.0 in lo..=hi)
print(4.0 in 0..=hi)
