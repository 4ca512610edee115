# guards see the names bound by the pattern and the enclosing scope
# expect: inside
# expect: outside
let lo = 0
let hi = 10
fn where(p) { match p { {x} if x >= lo and x < hi => "inside", _ => "outside" } }
print(where({x: 5}))
print(where({x: 10}))
