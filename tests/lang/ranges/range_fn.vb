# range(a, b, step) counts by step; a negative step counts down
# expect: [5, 4, 3, 2, 1]
# expect: [0, 3, 6, 9]
# expect: [10, 7, 4, 1]
# expect: 5
# expect: []
# expect: [0, 1, 2]
print(map(range(5, 0, -1), fn(i) { i }))
print(map(range(0, 10, 3), fn(i) { i }))
print(map(range(10, 0, -3), fn(i) { i }))
print(len(range(5, 0, -1)))
print(map(range(0, 5, -1), fn(i) { i }))
print(map(range(0, 3), fn(i) { i }))
