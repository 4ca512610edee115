# strings are immutable: assigning s[i] raises :type_error
# expect: :type_error
# expect: abc
let s = "abc"
let r = try { s[0] = 65; :none } catch e { e.kind }
print(r)
print(s)
