# for c in s yields one-character strings, by code point
# expect: h
# expect: é
# expect: l
# expect: 😀
# expect: 4
# expect: :string
var n = 0
var last = nil
for c in "hél😀" {
  print(c)
  n += 1
  last = c
}
print(n)
print(type(last))
