# a var captured by a closure is shared: updates on either side are visible
# expect: 1
# expect: 11
# expect: 12
var n = 1
let get = fn() { n }
let add = fn(k) { n += k }
print(get())
n = 11
print(get())
add(1)
print(n)
