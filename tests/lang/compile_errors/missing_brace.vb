# a block that is never closed is a compile error
# expect-error: error:
# expect-error: missing_brace.vb:
fn f() {
  1
