# each call of a factory makes an independent closure with its own state
# expect: 1
# expect: 2
# expect: 3
# expect: 1
# expect: 4
fn counter() {
  var c = 0
  let next = fn() { c += 1; c }
  next
}
let a = counter()
let b = counter()
print(a())
print(a())
print(a())
print(b())
print(a())
