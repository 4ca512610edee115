# == is structural: arrays, tuples and maps compare by content, maps ignore order
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
print([1, 2, [3]] == [1, 2, [3]])
print((1, "a") == (1, "a"))
print({a: 1, b: 2} == {b: 2, a: 1})
print({a: [1, {b: 2}]} == {a: [1, {b: 2}]})
print([1, 2] == [2, 1])
print(1 == 1.0)
print([1, 2] == [1.0, 2.0])
print({a: 1} == {a: 1, b: 2})
print("abc" == "abc")
print([1, 2] != [1, 3])
print([] != [])
print(nil == nil)
