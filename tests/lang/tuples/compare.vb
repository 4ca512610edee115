# tuples compare structurally with == and lexicographically with <
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
print((1, 2) == (1, 2))
print((1, 2) == (2, 1))
print((1, (2, 3)) == (1, (2, 3)))
print((1, 2) < (1, 3))
print((1, 9) < (2, 0))
print((1,) < (1, 0))
print(("a", 2) < ("b", 1))
