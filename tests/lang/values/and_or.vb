# and/or short-circuit and return the operand that decided; not returns a bool
# expect: 5
# expect: false
# expect: 2
# expect: nil
# expect: 0
# expect: nil
# expect: a
# expect: skipped
# expect: 0
# expect: true
print(nil or 5)
print(false and 1)
print(1 and 2)
print(nil and 1)
print(0 or 1)
print(false or nil)
print("a" or "b")
var calls = 0
fn bump() { calls += 1; true }
let r1 = false and bump()
let r2 = true or bump()
print("skipped")
print(calls)
print(not not 5)
