# helper module (not a test): a function that fails on line 4
fn fail(x) {
  let zero = 0
  x // zero
}
