# for x in tuple visits each element in order
# expect: 1
# expect: two
# expect: :three
for x in (1, "two", :three) { print(x) }
