# float literals and their printed forms
# expect: 3.14
# expect: 1000000000.0
# expect: 1500.0
# expect: 1e-05
# expect: 0.5
# expect: 2.0
# expect: 0.0025
# expect: 1e+20
# expect: :float
# expect: :float
print(3.14)
print(1e9)
print(1.5e+3)
print(1e-5)
print(0.5)
print(2.0)
print(2.5e-3)
print(1e20)
print(type(1e3))
print(type(1.0))
