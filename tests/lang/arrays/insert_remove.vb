# insert(a, i, x) inserts before index i; remove(a, i) removes and returns the element
# expect: [0, 1, 2]
# expect: [0, 1, 1.5, 2]
# expect: [0, 1, 1.5, 2, 3]
# expect: 1.5
# expect: [0, 1, 2, 3]
# expect: 0
# expect: [1, 2, 3]
# expect: 3
# expect: [1, 2]
let a = [1, 2]
insert(a, 0, 0)
print(a)
insert(a, 2, 1.5)
print(a)
insert(a, 4, 3)
print(a)
print(remove(a, 2))
print(a)
print(remove(a, 0))
print(a)
print(remove(a, -1))
print(a)
