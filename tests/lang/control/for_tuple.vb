# for over a tuple
# expect: 1
# expect: x
for e in (1, "x") { print(e) }
