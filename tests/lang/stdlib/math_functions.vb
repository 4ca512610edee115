# math.sin cos tan exp log pow (compared through fmt to avoid last-digit differences)
# expect: 0.000000
# expect: 1.000000
# expect: 1.000000
# expect: 0.000000
# expect: 1.000000
# expect: 2.718282
# expect: 1.000000
# expect: 3.000000
# expect: 2.000000
# expect: 1024.0
# expect: :float
# expect: 0.5
import math
print(fmt(math.sin(0), ".6f"))
print(fmt(math.sin(math.pi / 2), ".6f"))
print(fmt(math.cos(0), ".6f"))
print(fmt(math.tan(0), ".6f"))
print(fmt(math.tan(math.pi / 4), ".6f"))
print(fmt(math.exp(1), ".6f"))
print(fmt(math.log(math.e), ".6f"))
print(fmt(math.log(8, 2), ".6f"))
print(fmt(math.log(100, 10), ".6f"))
print(math.pow(2, 10))
print(type(math.pow(2, 2)))
print(math.pow(4, -0.5))
