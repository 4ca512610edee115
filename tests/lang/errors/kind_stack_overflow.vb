# uncaught :stack_overflow from unbounded recursion
# expect-error: error[:stack_overflow]
fn down(n) { 1 + down(n + 1) }
print(down(0))
