# for over a value that is not iterable raises :type_error
# expect: :type_error
# expect: :type_error
let k1 = try { for x in 5 { print(x) } } catch e { e.kind }
print(k1)
let k2 = try { for x in nil { print(x) } } catch e { e.kind }
print(k2)
