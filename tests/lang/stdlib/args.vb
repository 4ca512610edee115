# the program's arguments come back from args() as strings
# args: alpha 42 "two words"
# expect: ["alpha", "42", "two words"]
# expect: 3
# expect: :string
# expect: 43
let a = args()
print(a)
print(len(a))
print(type(a[1]))
print(int(a[1]) + 1)
