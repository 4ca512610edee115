# integer + - * with the usual precedence and parentheses
# expect: 7
# expect: 14
# expect: -1
# expect: 20
# expect: -6
# expect: 12
# expect: 1
# expect: 100
print(1 + 2 * 3)
print((1 + 2) * 3 + 5)
print(2 - 3)
print(4 * 5)
print(-3 * 2)
print(10 - -2)
print(10 - 5 - 4)
print(-(-100))
