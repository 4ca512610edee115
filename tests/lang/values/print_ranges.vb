# ranges print as a..b, a..=b, and range(a, b, step) when built with a step
# expect: 0..5
# expect: 0..=5
# expect: range(5, 0, -1)
# expect: 0..3
# expect: -2..2
let n = 3
print(0..5)
print(0..=5)
print(range(5, 0, -1))
print(0..n)
print(-2..2)
