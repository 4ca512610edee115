# slicing a tuple gives a tuple
# expect: (2, 3)
# expect: :tuple
# expect: (1, 2, 3, 4)
let t = (1, 2, 3, 4)
print(t[1..3])
print(type(t[0..1]))
print(t[0..10])
