# tuples index like arrays, with negative indices; out of range raises :index_error
# expect: 1
# expect: c
# expect: b
# expect: :index_error
let t = (1, "b", "c")
print(t[0])
print(t[-1])
print(t[1])
let k = try { t[3] } catch e { e.kind }
print(k)
