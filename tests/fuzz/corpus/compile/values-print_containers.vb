# printed forms of tuples, arrays and maps, nested
# expect: (1, "a")
# expect: (1,)
# expect: ()
# expect: [1, [2, 3]]
# expect: []
# expect: {name: 1, "k": 2, 3: 4}
# expect: {}
# expect: ("x", :y, nil, true, 2.5)
# expect: [(1, 2), {a: [3]}]
# expect: {t: (1,), e: []}
print((1, "a"))
print((1,))
print(())
print([1, [2, 3]])
print([])
print({name: 1, "k": 2, 3: 4})
print({})
print(("x", :y, nil, true, 2.5))
print([(1, 2), {a: [3]}])
print({t: (1,), e: []})
