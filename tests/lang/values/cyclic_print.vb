# printing a cyclic container shows [...] or {...} at the cycle
# expect: [1, [...]]
# expect: {x: 1, me: {...}}
# expect: [{a: [...]}]
let a = [1]
push(a, a)
print(a)
let m = {x: 1}
m.me = m
print(m)
let outer = []
push(outer, {a: outer})
print(outer)
