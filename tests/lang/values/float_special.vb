# inf, -inf and nan print as inf, -inf, nan; nan is not equal to itself
# expect: inf
# expect: -inf
# expect: nan
# expect: false
# expect: true
# expect: inf
let nan = 0 / 0
print(1 / 0)
print(-1 / 0)
print(nan)
print(nan == nan)
print(nan != nan)
print(1e308 * 10)
