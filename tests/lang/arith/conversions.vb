# int() truncates floats and parses strings; float() converts; bad strings raise :value_error
# expect: 3
# expect: -3
# expect: 42
# expect: -17
# expect: 31
# expect: -3
# expect: 5
# expect: 1
# expect: 0
# expect: 2.5
# expect: 3.0
# expect: 7
# expect: :value_error
# expect: :value_error
# expect: :value_error
# expect: :value_error
print(int(3.9))
print(int(-3.9))
print(int("42"))
print(int("-17"))
print(int("0x1f"))
print(int("-0b11"))
print(int("+5"))
print(int(true))
print(int(false))
print(float("2.5"))
print(float(3))
print(int(7))
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { int("abc") }))
print(kind(fn() { int("12x") }))
print(kind(fn() { int("") }))
print(kind(fn() { float("x") }))
