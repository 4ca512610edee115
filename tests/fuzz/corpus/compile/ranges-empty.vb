# a range whose end is not above its start is empty (5..0 is empty)
# expect: 0
# expect: 0
# expect: []
# expect: done
print(len(5..0))
print(len(3..3))
print(map(5..0, fn(i) { i }))
for i in 5..0 { print("never", i) }
print("done")
