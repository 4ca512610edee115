# ranges with negative and computed bounds
# expect: [-3, -2, -1]
# expect: [-1, 0, 1]
# expect: 3
let lo = -1
let hi = 2
print(map(-3..0, fn(i) { i }))
print(map(lo..hi, fn(i) { i }))
var total = 0
for i in lo * 2..hi * 2 { total += i }
print(total)
