# an inner block's let shadows only inside it; assigning an outer var from inside changes it
# expect: inner 2
# expect: outer 1
# expect: 11
let x = 1
var total = 10
{
  let x = 2
  print("inner", x)
  total += 1
}
print("outer", x)
print(total)
