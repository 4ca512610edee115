# import "file.vb" as name gives access to the module's exported top-level names
# expect: 1.2
# expect: 5
# expect: 14
# expect: hello, vb
# expect: hi, vb
import "lib/util.vb" as util
print(util.VERSION)
print(util.add(2, 3))
print(util.double(7))
print(util.greet("vb"))
print(util.greet("vb", "hi"))
