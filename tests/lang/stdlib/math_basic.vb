# math.sqrt, floor, ceil (ints), abs, min, max
# expect: 4.0
# expect: 1.5
# expect: 3
# expect: -4
# expect: 4
# expect: -3
# expect: :int
# expect: 5
# expect: 2.5
# expect: 1
# expect: 3
# expect: -2
import math
print(math.sqrt(16))
print(math.sqrt(2.25))
print(math.floor(3.7))
print(math.floor(-3.5))
print(math.ceil(3.2))
print(math.ceil(-3.5))
print(type(math.floor(2.5)))
print(math.abs(-5))
print(math.abs(-2.5))
print(math.min(3, 1, 2))
print(math.max(3, 1, 2))
print(math.min(-2, 5))
