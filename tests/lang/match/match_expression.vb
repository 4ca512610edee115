# match is an expression usable anywhere
# expect: 30
# expect: [:int, :string, :other]
let total = 10 + match :b { :a => 1, :b => 20, _ => 0 }
print(total)
fn t(x) {
  match type(x) {
    :int => :int,
    :string => :string,
    _ => :other,
  }
}
print(map([1, "s", nil], t))
