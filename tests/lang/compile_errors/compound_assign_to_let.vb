# compound assignment to a let binding is a compile error too
# expect-error: error:
# expect-error: compound_assign_to_let.vb:5:
let n = 1
n += 1
