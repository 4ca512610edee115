# an expression cannot start with a binary operator
# expect-error: expected an expression, found '*'
# expect-error: syntax_unexpected_operator.vb:4:9
let x = * 2
