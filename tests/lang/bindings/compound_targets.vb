# compound assignment targets: var names, a[i], m.name, m[k]
# expect: 3
# expect: [2, 20]
# expect: {n: 6, "s": "ab"}
var x = 1
x += 2
print(x)
let a = [1, 10]
a[0] *= 2
a[1] += 10
print(a)
let m = {n: 3, "s": "a"}
m.n *= 2
m["s"] ++= "b"
print(m)
