# is tests identity; for numbers, bools, nil and symbols it is == without int/float mixing
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
let a = [1]
let b = a
let c = [1]
print(a is b)
print(a is c)
print(a == c)
print(1 is 1)
print(1 is 1.0)
print(nil is nil)
print(:x is :x)
print(true is true)
let m = {k: 1}
print(m is m)
print({k: 1} is {k: 1})
