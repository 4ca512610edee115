# tuples are immutable: t[i] = v raises :type_error
# expect: :type_error
# expect: (1, 2)
let t = (1, 2)
let k = try { t[0] = 9; :none } catch e { e.kind }
print(k)
print(t)
