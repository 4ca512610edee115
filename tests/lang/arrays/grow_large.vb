# arrays grow: 100000 pushes, then sum and length
# expect: 100000
# expect: 4999950000
# expect: 99999
let a = []
for i in 0..100000 { push(a, i) }
print(len(a))
var total = 0
for x in a { total += x }
print(total)
print(a[-1])
