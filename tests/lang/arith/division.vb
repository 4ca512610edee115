# / always yields a float
# expect: 3.5
# expect: 3.0
# expect: -2.5
# expect: 0.25
# expect: :float
# expect: 2.0
print(7 / 2)
print(6 / 2)
print(-5 / 2)
print(1 / 4)
print(type(4 / 2))
print(5.0 / 2.5)
