# let needs a value (only var may omit it)
# expect-error: error:
# expect-error: let_without_value.vb:4:
let x; print(x)
