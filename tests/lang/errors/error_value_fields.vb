# a runtime error is a map with kind (symbol), msg (string) and trace (array of strings)
# expect: :map
# expect: :key_error
# expect: :symbol
# expect: :string
# expect: true
# expect: :array
# expect: :string
# expect: true
let m = {a: 1}
let e = try { m.b } catch err { err }
print(type(e))
print(e.kind)
print(type(e.kind))
print(type(e.msg))
print(len(e.msg) > 0)
print(type(e.trace))
print(type(e.trace[0]))
print(e[:kind] == e.kind)
