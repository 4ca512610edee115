# prelude helpers accept ranges: fold, filter, zip, reverse, sort
# expect: 55
# expect: [0, 2, 4, 6, 8]
# expect: [(0, "a"), (1, "b")]
# expect: [4, 3, 2, 1, 0]
# expect: 5050
print(fold(1..=10, 0, fn(a, x) { a + x }))
print(filter(0..10, fn(x) { x % 2 == 0 }))
print(zip(0..5, ["a", "b"]))
print(reverse(0..5))
var s = 0
for i in 1..=100 { s += i }
print(s)
