# push, pop, insert and remove together: a small stack and queue
# expect: [1, 2, 3]
# expect: 3
# expect: [0, 1, 2]
# expect: 0
# expect: [1, 2]
let s = []
push(s, 1)
push(s, 2)
push(s, 3)
print(s)
print(pop(s))
insert(s, 0, 0)
print(s)
print(remove(s, 0))
print(s)
