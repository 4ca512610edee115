# try is an expression: the body's value, or the handler's value after an error
# expect: 1
# expect: 2
# expect: fallback
let a = try { 1 } catch e { 2 }
print(a)
let b = try { 1 // 0 } catch e { 2 }
print(b)
fn safe_get(m, k) { try { m[k] } catch _ { "fallback" } }
print(safe_get({}, :x))
