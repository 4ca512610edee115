# an anonymous function can recurse through a variable it captures
# expect: 720
var fact = nil
fact = fn(n) { if n == 0 { 1 } else { n * fact(n - 1) } }
print(fact(6))
