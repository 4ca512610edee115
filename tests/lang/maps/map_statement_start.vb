# at the start of a statement, {name: ...} is a map literal and { stmt } is a block
# expect: inside block
# expect: {x: 1}
fn f() {
  { print("inside block") }
  {x: 1}
}
print(f())
