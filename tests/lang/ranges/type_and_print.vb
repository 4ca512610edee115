# a range is a value of type :range and can be stored and reused
# expect: :range
# expect: 0..3
# expect: 3
# expect: 3
let r = 0..3
print(type(r))
print(r)
var count = 0
for i in r { count += 1 }
print(count)
var again = 0
for i in r { again += 1 }
print(again)
