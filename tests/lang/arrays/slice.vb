# a[i..j] slices (a copy), clamped to the length
# expect: [20, 30]
# expect: [10, 20, 30, 40]
# expect: []
# expect: [10]
# expect: [20, 30, 40]
# expect: [20, 30]
# expect: [99, 30]
# expect: [10, 20, 30, 40]
let a = [10, 20, 30, 40]
print(a[1..3])
print(a[0..100])
print(a[2..2])
print(a[0..1])
print(a[1..len(a)])
let s = a[1..3]
print(s)
s[0] = 99
print(s)
print(a)
