# a name pattern binds the value; _ matches anything and binds nothing
# expect: got 42
# expect: any
fn f(x) { match x { n => "got ${n}" } }
print(f(42))
let r = match [1, 2] { _ => "any" }
print(r)
