# s[i] is the byte at i as an int; negative counts from the end
# expect: 97
# expect: 99
# expect: 98
# expect: 195
# expect: :int
# expect: :index_error
# expect: :index_error
let s = "abc"
print(s[0])
print(s[-1])
print(s[1])
print("é"[0])
print(type(s[0]))
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { s[3] }))
print(kind(fn() { s[-4] }))
