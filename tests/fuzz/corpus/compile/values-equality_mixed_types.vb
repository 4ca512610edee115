# == between values of different types is false, never an error
# expect: false
# expect: false
# expect: false
# expect: false
# expect: false
# expect: true
# expect: false
print(1 == "1")
print(nil == false)
print(0 == false)
print([] == {})
print(:a == "a")
print(1 != "1")
print("" == nil)
