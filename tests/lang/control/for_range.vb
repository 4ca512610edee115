# for over ranges, inclusive ranges and stepped ranges
# expect: [0, 1, 2]
# expect: [1, 2, 3]
# expect: [3, 2, 1]
let a = []
for i in 0..3 { push(a, i) }
print(a)
let b = []
for i in 1..=3 { push(b, i) }
print(b)
let c = []
for i in range(3, 0, -1) { push(c, i) }
print(c)
