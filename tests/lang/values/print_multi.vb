# print separates its arguments with one space; print() prints an empty line
# expect: 1 a :b nil
# expect:
# expect: x [1] (2,)
# expect: 1.5 true
print(1, "a", :b, nil)
print()
print("x", [1], (2,))
print(1.5, true)
