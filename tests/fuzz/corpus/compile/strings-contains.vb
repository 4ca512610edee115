# x in s tests for a substring; not in negates
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
print("ell" in "hello")
print("xyz" in "hello")
print("z" not in "abc")
print("é" in "café")
print("hello" in "hello")
