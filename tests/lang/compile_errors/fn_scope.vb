# a function's parameters and locals are not visible outside it
# expect-error: undefined name 'local'
# expect-error: fn_scope.vb:5:7
fn f(a) { let local = a; local }
print(local)
