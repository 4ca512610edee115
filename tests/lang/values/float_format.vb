# floats print in the shortest form that reads back, like Python repr
# expect: 0.30000000000000004
# expect: 1e+20
# expect: 1e+16
# expect: 1000000000000000.0
# expect: 123456789.0
# expect: 0.0001
# expect: 1e-05
# expect: 0.3333333333333333
# expect: 100.0
# expect: 1.23e-07
# expect: 1.2345678901234567e+19
# expect: 2.5
# expect: 0.1
# expect: 33.333333333333336
print(0.1 + 0.2)
print(1e20)
print(1e16)
print(1e15)
print(123456789.0)
print(0.0001)
print(0.00001)
print(1 / 3)
print(100.0)
print(1.23e-7)
print(12345678901234567890.0)
print(5 / 2)
print(0.1)
print(100 / 3)
