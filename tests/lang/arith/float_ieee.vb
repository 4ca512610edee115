# float division follows IEEE: / by zero gives inf, -inf or nan; float % 0 is nan
# expect: inf
# expect: -inf
# expect: nan
# expect: inf
# expect: nan
# expect: true
# expect: true
print(1 / 0)
print(-1 / 0)
print(0 / 0)
print(1.0 / 0.0)
print(1.0 % 0.0)
print(1 / 0 > 1e308)
print(-1 / 0 < -1e308)
