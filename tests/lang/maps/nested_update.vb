# nested fields and compound assignment on fields and keys
# expect: {inner: {x: 5}, count: 2, list: [1, 2]}
# expect: 1
# expect: hello world
let m = {inner: {x: 1}, count: 0, list: [1]}
m.inner.x = 5
m.count += 1
m.count += 1
push(m.list, 2)
print(m)
let c = {"n": 3}
c["n"] -= 2
print(c["n"])
let g = {msg: "hello"}
g.msg ++= " world"
print(g.msg)
