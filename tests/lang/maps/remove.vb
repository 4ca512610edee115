# remove(m, k) deletes a key and returns its value; a missing key raises :key_error
# expect: 2
# expect: {a: 1, c: 3}
# expect: {a: 1, c: 3, b: 20}
# expect: :key_error
# expect: 3
let m = {a: 1, b: 2, c: 3}
print(remove(m, :b))
print(m)
m.b = 20
print(m)
let k = try { remove(m, :zzz) } catch e { e.kind }
print(k)
print(len(m))
