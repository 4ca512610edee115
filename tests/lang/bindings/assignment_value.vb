# assignment is an expression of value nil: a block ending in one yields nil
# expect: nil
# expect: 5
# expect: nil
var x = 0
let r = { x = 5 }
print(r)
print(x)
let w = { var i = 0; while i < 3 { i += 1 } }
print(w)
