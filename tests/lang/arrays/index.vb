# arrays are 0-based; negative indices count from the end
# expect: 10
# expect: 30
# expect: 30
# expect: 10
# expect: 4
# expect: [3, 4]
# expect: 3
let a = [10, 20, 30]
print(a[0])
print(a[2])
print(a[-1])
print(a[-3])
let nested = [[1, 2], [3, 4]]
print(nested[1][1])
print(nested[-1])
print(len(a))
