# basic float arithmetic
# expect: 3.0
# expect: 9.5
# expect: -2.5
# expect: 3.5
# expect: 1024.0
# expect: 0.09999999999999998
# expect: 6.25
print(1.5 * 2)
print(10.0 - 0.5)
print(-(2.5))
print(7.0 / 2)
print(2.0 ** 10)
print(0.3 - 0.2)
print(2.5 * 2.5)
