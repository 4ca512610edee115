# for over a string yields one-character strings by code point
# expect: ["a", "é", "😀", "b"]
let cs = []
for c in "aé😀b" { push(cs, c) }
print(cs)
