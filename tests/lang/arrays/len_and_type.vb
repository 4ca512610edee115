# len and type of arrays; arrays may hold any mix of values
# expect: 0
# expect: 5
# expect: :array
# expect: [1, "two", :three, 4.0, nil]
let e = []
let m = [1, "two", :three, 4.0, nil]
print(len(e))
print(len(m))
print(type(m))
print(m)
