# if/else if/else is an expression
# expect: small
# expect: medium
# expect: large
# expect: 10
fn size(n) { if n < 10 { "small" } else if n < 100 { "medium" } else { "large" } }
print(size(5))
print(size(50))
print(size(500))
let x = if true { 10 } else { 20 }
print(x)
