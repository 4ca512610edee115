# a..=b includes b
# expect: [1, 2, 3]
# expect: 6
# expect: [7]
print(map(1..=3, fn(i) { i }))
print(len(0..=5))
print(map(7..=7, fn(i) { i }))
