# functions print as <fn name>, anonymous ones as <fn>
# expect: <fn add>
# expect: <fn>
# expect: [<fn add>]
# expect: true
fn add(a, b) { a + b }
print(add)
print(fn(x) { x })
print([add])
print(str(add) == "<fn add>")
