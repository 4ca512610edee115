# assigning to an undeclared name is a compile error
# expect-error: undefined name 'y'
# expect-error: undefined_assign_target.vb:4:1
y = 5
