# defaults and a rest parameter combine
# expect: 1 2 0
# expect: 1 5 0
# expect: 1 5 2
# expect: [6, 7]
fn f(a, b = 2, ...rest) { print(a, b, len(rest)); rest }
f(1)
f(1, 5)
print(f(1, 5, 6, 7))
