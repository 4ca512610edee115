# arrays compare by content, element by element
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
print([1, [2, "x"]] == [1, [2, "x"]])
print([1, 2] == [1, 2, 3])
print([1, 2] == (1, 2))
print([] == [])
let a = [1]
push(a, 2)
print(a == [1, 2])
