# m.name is m[:name]; string, int and symbol keys are read with m[k]
# expect: x
# expect: x
# expect: 1
# expect: two
# expect: 10
let m = {name: "x", "k": 1, 2: "two"}
print(m.name)
print(m[:name])
print(m["k"])
print(m[2])
let n = {inner: {deep: 10}}
print(n.inner.deep)
