# modules are values of type :module
# expect: :module
# expect: :module
import math
import "lib/util.vb" as util
print(type(math))
print(type(util))
