# an interpolated expression may itself contain string literals, braces and interpolation
# expect: abc
# expect: xy
# expect: outer inner 2 end
# expect: [hi]
# expect: big
# expect: len=3
# expect: ab
let w = "hi"
print("a${"b"}c")
print("${"x" ++ "y"}")
print("outer ${"inner ${1 + 1}"} end")
print("[${w}]")
print("${if true { "big" } else { "small" }}")
print("len=${len("abc")}")
print("${"a"}${"b"}")
