# if without else yields nil when the condition is false; an empty block yields nil
# expect: nil
# expect: 1
# expect: nil
let a = if false { 1 }
print(a)
let b = if true { 1 }
print(b)
let c = if true {}
print(c)
