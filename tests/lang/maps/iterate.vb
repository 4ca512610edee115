# for over a map yields (key, value) tuples in insertion order; (k, v) destructures
# expect: :x 1
# expect: :y 2
# expect: s 3
# expect: (:x, 1)
# expect: (:y, 2)
# expect: ("s", 3)
let m = {x: 1, y: 2, "s": 3}
for (k, v) in m { print(k, v) }
for kv in m { print(kv) }
