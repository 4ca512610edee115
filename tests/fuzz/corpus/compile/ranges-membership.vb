# x in a..b tests membership; .. binds tighter than in, + binds tighter than ..
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: [0, 1, 2, 3]
let n = 3
print(3 in 0..5)
print(5 in 0..5)
print(5 in 0..=5)
print(-1 in 0..5)
print(n + 1 in 0..n + 2)
print(map(0..n + 1, fn(i) { i }))
