# assigning to a let binding is a compile error with a hint to use var
# expect-error: error:
# expect-error: assign_to_let.vb:7:
# expect-error: hint:
# expect-error: var
let total = 0
total = 1
print(total)
