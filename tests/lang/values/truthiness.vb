# only false and nil are falsy; 0, "", [] and {} are true
# expect: 0 is true
# expect: empty string is true
# expect: empty array is true
# expect: empty map is true
# expect: nil is false
# expect: false is false
# expect: true
# expect: false
# expect: false
# expect: true
fn check(name, x) { if x { print("${name} is true") } else { print("${name} is false") } }
check("0", 0)
check("empty string", "")
check("empty array", [])
check("empty map", {})
check("nil", nil)
check("false", false)
print(not nil)
print(not 0)
print(not "")
print(not false)
