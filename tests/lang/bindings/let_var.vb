# let binds immutably, var mutably
# expect: 1
# expect: 0
# expect: 3
let x = 1
print(x)
var n = 0
print(n)
n = n + 1
n = n + 2
print(n)
