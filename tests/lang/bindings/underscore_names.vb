# _ in a pattern ignores the value; names may start with an underscore
# expect: 3
# expect: 7
let (_, _, z) = (1, 2, 3)
print(z)
let _hidden = 7
print(_hidden)
