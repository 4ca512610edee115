# a..b counts up from a to b-1
# expect: 0
# expect: 1
# expect: 2
# expect: 3
# expect: 5
for i in 0..4 { print(i) }
print(len(0..5))
