# without arguments, args() is an empty array
# expect: []
print(args())
