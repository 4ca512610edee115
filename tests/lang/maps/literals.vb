# map literals: bare name keys are symbols, string keys, int keys, computed (expr) keys
# expect: {name: "x", "k": 1, 2: "two"}
# expect: {}
# expect: {3: 4}
# expect: {a: 1, "a": 2}
# expect: 2
# expect: {hello: 5}
let k = 1
print({name: "x", "k": 1, (k + 1): "two"})
print({})
print({3: 4})
print({a: 1, "a": 2})
print(len({a: 1, "a": 2}))
let key = :hello
print({(key): 5})
