# a[i] = v replaces an element; negative indices work; compound assignment on elements
# expect: [1, 99, 3]
# expect: [1, 99, -1]
# expect: [11, 99, -1]
# expect: [[0, 5], [0, 0]]
# expect: ["ab"]
let a = [1, 2, 3]
a[1] = 99
print(a)
a[-1] = -1
print(a)
a[0] += 10
print(a)
let grid = [[0, 0], [0, 0]]
grid[0][1] = 5
print(grid)
let s = ["a"]
s[0] ++= "b"
print(s)
