# an integer literal that does not fit in 64 bits is a compile error
# expect-error: error:
# expect-error: int_literal_too_large.vb:4:9
let x = 9223372036854775808
