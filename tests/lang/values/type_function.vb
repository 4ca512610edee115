# type(x) returns a symbol naming the type
# expect: :nil
# expect: :bool
# expect: :int
# expect: :float
# expect: :string
# expect: :symbol
# expect: :tuple
# expect: :array
# expect: :map
# expect: :bytes
# expect: :range
# expect: :function
# expect: :function
# expect: :pid
# expect: :module
# expect: :tuple
import math
fn f() { 1 }
print(type(nil))
print(type(false))
print(type(1))
print(type(1.5))
print(type("s"))
print(type(:s))
print(type((1, 2)))
print(type([1]))
print(type({}))
print(type(bytes(1)))
print(type(0..2))
print(type(f))
print(type(print))
print(type(v.self()))
print(type(math))
print(type(()))
