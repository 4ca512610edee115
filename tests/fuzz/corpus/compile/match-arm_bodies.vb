# arms may be separated by newlines without commas; bodies may be blocks
# expect: computed 6
# expect: other
fn f(x) {
  match x {
    (a, b) => {
      let s = a + b
      "computed ${s * 2}"
    }
    _ => "other"
  }
}
print(f((1, 2)))
print(f(1))
