# str.split with an empty separator raises :value_error
# expect: :value_error
import str as s
let k = try { s.split("abc", "") } catch e { e.kind }
print(k)
