# push appends and returns nil; pop removes and returns the last element
# expect: nil
# expect: [1, 2, 3]
# expect: 3
# expect: [1, 2]
# expect: 2
# expect: 1
# expect: []
# expect: :index_error
let a = [1, 2]
print(push(a, 3))
print(a)
print(pop(a))
print(a)
print(pop(a))
print(pop(a))
print(a)
let k = try { pop(a) } catch e { e.kind }
print(k)
