# ++ concatenates two strings; ++= appends
# expect: ab
# expect: abc
# expect: x=1
# expect: foobar
# expect: :type_error
# expect: :type_error
print("a" ++ "b")
print("a" ++ "b" ++ "c")
print("x=" ++ str(1))
var s = "foo"
s ++= "bar"
print(s)
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { "a" ++ 1 }))
print(kind(fn() { 1 ++ "a" }))
