# str.find (byte index or nil), str.count (non-overlapping), str.replace (all)
# expect: 2
# expect: 3
# expect: nil
# expect: 0
# expect: 3
# expect: 2
# expect: 2
# expect: 0
# expect: a+b+c
# expect: hexxo
# expect: same
import str as s
print(s.find("hello", "l"))
print(s.find("hello", "l", 3))
print(s.find("hello", "z"))
print(s.find("hello", "he"))
print(s.find("héllo", "l"))
print(s.count("banana", "an"))
print(s.count("aaaa", "aa"))
print(s.count("abc", "z"))
print(s.replace("a-b-c", "-", "+"))
print(s.replace("hello", "l", "x"))
print(s.replace("same", "zz", "y"))
