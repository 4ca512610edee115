# str.chars, str.ord and str.chr work with code points
# expect: ["h", "é", "l"]
# expect: 65
# expect: 233
# expect: 128512
# expect: A
# expect: é
# expect: 3
import str as s
print(s.chars("hél"))
print(s.ord("A"))
print(s.ord("é"))
print(s.ord("😀"))
print(s.chr(65))
print(s.chr(233))
print(len(s.chars("abc")))
