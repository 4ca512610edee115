# let with a tuple pattern, including _ and nested tuples
# expect: 1 3
# expect: a b c
# expect: 42
let (a, _, c) = (1, 2, 3)
print(a, c)
let ((p, q), r) = (("a", "b"), "c")
print(p, q, r)
let (one,) = (42,)
print(one)
