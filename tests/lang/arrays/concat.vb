# ++ makes a new array; ++= appends in place on a var
# expect: [1, 2, 3, 4]
# expect: [1, 2]
# expect: [1, 2, 3]
# expect: []
# expect: :type_error
let a = [1, 2]
let b = a ++ [3, 4]
print(b)
print(a)
var c = [1]
c ++= [2, 3]
print(c)
print([] ++ [])
let k = try { [1] ++ 2 } catch e { e.kind }
print(k)
