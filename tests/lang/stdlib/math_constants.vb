# math.pi, math.e, math.inf, math.nan
# expect: 3.141592653589793
# expect: 2.718281828459045
# expect: inf
# expect: nan
# expect: true
# expect: false
import math
print(math.pi)
print(math.e)
print(math.inf)
print(math.nan)
print(math.inf > 1e308)
print(math.nan == math.nan)
