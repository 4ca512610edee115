# unary minus binds looser than ** but tighter than * and +
# expect: -4
# expect: 4
# expect: -6
# expect: -1
# expect: 12
# expect: -9
# expect: 1
# expect: -8
print(-2 ** 2)
print((-2) ** 2)
print(2 * -3)
print(~0)
print(10 - -2)
print(-3 ** 2)
print(- -1)
print(-2 * 4)
