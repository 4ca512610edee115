# { opens a map when followed by }, name:, "str":, int : or (expr):, otherwise a block
# expect: :map
# expect: 3
# expect: {a: 1}
# expect: {"s": 2}
# expect: {1: "one"}
# expect: {k: 3}
# expect: nil
# expect: {a: 1}
let e = {}
print(type(e))
let b = { 1 + 2 }
print(b)
fn make() { {a: 1} }
print(make())
print({"s": 2})
print({1: "one"})
let key = :k
print({(key): 3})
let blk = { let inner = 5 }
print(blk)
let arm = match 1 { 1 => {a: 1}, _ => {} }
print(arm)
