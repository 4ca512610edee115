# var x without a value starts as nil
# expect: nil
# expect: 5
var x
print(x)
x = 5
print(x)
