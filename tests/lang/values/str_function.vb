# str(x) gives the printed form of any value
# expect: 42
# expect: 1.0
# expect: nil
# expect: :a
# expect: s
# expect: [1, "a"]
# expect: (1,)
# expect: 5
# expect: x5
# expect: :string
# expect: true
print(str(42))
print(str(1.0))
print(str(nil))
print(str(:a))
print(str("s"))
print(str([1, "a"]))
print(str((1,)))
print(len(str(12345)))
print("x" ++ str(5))
print(type(str(1)))
print(str(2.0) == "2.0")
