# literal patterns compare with ==, so 1 matches 1.0 and 2.0 matches 2
# expect: one
# expect: two
# expect: not one
fn f(x) { match x { 1 => "one", 2.0 => "two", _ => "not one" } }
print(f(1.0))
print(f(2))
print(f("1"))
