# ^name matches a value equal to the variable's value
# expect: same as expected
# expect: different: 4
# expect: found key b
let expected = 3
fn check(x) { match x { ^expected => "same as expected", other => "different: ${other}" } }
print(check(3))
print(check(4))
let key = "b"
let r = match ("b", 1) { (^key, _) => "found key ${key}", _ => "no" }
print(r)
