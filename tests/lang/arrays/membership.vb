# x in array tests membership with ==
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
print(2 in [1, 2, 3])
print(5 in [1, 2, 3])
print(2.0 in [1, 2, 3])
print([1] in [[1], [2]])
print(5 not in [1, 2])
print(nil in [])
