# len works on strings (bytes), arrays, tuples, maps, bytes and ranges
# expect: 3
# expect: 2
# expect: 3
# expect: 1
# expect: 4
# expect: 10
# expect: :type_error
print(len("abc"))
print(len([1, 2]))
print(len((1, 2, 3)))
print(len({a: 1}))
print(len(bytes(4)))
print(len(0..10))
let k = try { len(5) } catch e { e.kind }
print(k)
