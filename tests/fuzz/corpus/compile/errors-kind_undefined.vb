# reading a top-level let before its initializer has run raises :undefined
# expect-error: error[:undefined]
# expect-error: kind_undefined.vb:6 in show
# expect-error: kind_undefined.vb:9 in <main>
fn show() {
  let x = later
  x
}
print(show())
let later = 5
