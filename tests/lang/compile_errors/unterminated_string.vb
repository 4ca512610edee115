# an unterminated string is a compile error reported at its line
# expect-error: error:
# expect-error: unterminated_string.vb:4:
let s = "abc
