# maps keep insertion order in printing, keys(), values() and for, also after removals
# expect: {"k9": 9, "k3": 3, "k7": 7, "k1": 1, "k5": 5}
# expect: ["k9", "k3", "k7", "k1", "k5"]
# expect: [9, 3, 7, 1, 5]
# expect: ["k9", "k3", "k7", "k1", "k5"]
# expect: 500
# expect: [1, 3, 5, 7, 9]
# expect: [995, 997, 999]
let m = {}
for i in [9, 3, 7, 1, 5] { m["k${i}"] = i }
print(m)
print(keys(m))
print(values(m))
let seen = []
for (k, v) in m { push(seen, k) }
print(seen)
let big = {}
for i in 0..1000 { big[i] = i }
for i in 0..1000 { if i % 2 == 0 { remove(big, i) } }
print(len(big))
let ks = keys(big)
print(ks[0..5])
print(ks[497..500])
