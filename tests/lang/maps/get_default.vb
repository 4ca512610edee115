# get(m, k, default): nil or the default for a missing key; a map may hold nil
# expect: 1
# expect: nil
# expect: 0
# expect: nil
# expect: true
# expect: nil
let m = {a: 1, n: nil}
print(get(m, :a))
print(get(m, :zz))
print(get(m, :zz, 0))
print(get(m, :n, 5))
print(:n in m)
print(m.n)
