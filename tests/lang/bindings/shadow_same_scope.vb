# let may shadow a binding in the same scope, even changing its type
# expect: 2
# expect: two
# expect: 6
let x = 1
let x = x + 1
print(x)
let x = "two"
print(x)
fn f(a) {
  let a = a * 2
  a
}
print(f(3))
