# ** : int ** non-negative int is an int, otherwise a float; right-associative
# expect: 1024
# expect: 1
# expect: 0.5
# expect: 8.0
# expect: 512
# expect: 4
# expect: -4
# expect: :int
# expect: :float
# expect: 1.4142135623730951
# expect: 0.25
# expect: -8
print(2 ** 10)
print(5 ** 0)
print(2 ** -1)
print(2.0 ** 3)
print(2 ** 3 ** 2)
print((-2) ** 2)
print(-2 ** 2)
print(type(3 ** 2))
print(type(2 ** -2))
print(2 ** 0.5)
print(2 ** -2)
print((-2) ** 3)
