# assert raises :assert with its message, "assertion failed" by default; a true condition does nothing
# expect: assertion failed
# expect: custom message
# expect: nil
let e1 = try { assert(false) } catch e { e }
print(e1.msg)
let e2 = try { assert(nil, "custom message") } catch e { e }
print(e2.msg)
print(assert(true))
