# printed forms of nil, bools, ints, floats, strings and symbols
# expect: nil
# expect: true
# expect: false
# expect: 42
# expect: -7
# expect: 3.5
# expect: -0.25
# expect: hello
# expect: :sym
# expect:
print(nil)
print(true)
print(false)
print(42)
print(-7)
print(3.5)
print(-0.25)
print("hello")
print(:sym)
print("")
