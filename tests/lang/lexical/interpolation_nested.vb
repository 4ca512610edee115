# an interpolated expression may itself contain string literals and interpolation
# expect: abc
# expect: xy
# expect: outer inner 2 end
# expect: [hi]
let w = "hi"
print("a${"b"}c")
print("${"x" ++ "y"}")
print("outer ${"inner ${1 + 1}"} end")
print("[${w}]")
