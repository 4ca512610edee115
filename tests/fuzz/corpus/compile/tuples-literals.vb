# tuple literals: (a, b), one-tuple (a,), empty (), and (a) is just a
# expect: (1, 2)
# expect: (1,)
# expect: ()
# expect: 5
# expect: :int
# expect: :tuple
# expect: 1
# expect: 0
# expect: 3
print((1, 2))
print((1,))
print(())
print((5))
print(type((5)))
print(type((5,)))
print(len((1,)))
print(len(()))
print(len((1, "a", nil)))
