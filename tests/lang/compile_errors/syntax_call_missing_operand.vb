# a missing operand before ) in a call is reported at the )
# expect-error: expected an expression, found ')'
# expect-error: syntax_call_missing_operand.vb:4:10
print(1 +)
