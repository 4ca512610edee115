# a syntax error reports its message and file:line:col, and nothing runs
# expect-error: error: expected an expression, found ')'
# expect-error: syntax_expected_expr.vb:5:14
print("never printed")
let x = (1 + )
