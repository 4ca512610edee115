# len(s) counts bytes, not characters
# expect: 5
# expect: 6
# expect: 0
# expect: 4
print(len("hello"))
print(len("héllo"))
print(len(""))
print(len("😀"))
