# comparisons are non-associative: a < b < c is a compile error
# expect-error: error:
# expect-error: comparison_chain.vb:4:
print(1 < 2 < 3)
