# assigning to a function parameter is a compile error with a hint
# expect-error: error:
# expect-error: assign_to_param.vb:6:
# expect-error: hint:
fn f(x) {
  x = 2
  x
}
print(f(1))
