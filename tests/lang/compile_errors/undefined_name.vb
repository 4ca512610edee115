# an unknown name is a compile error "undefined name 'foo'", and nothing runs
# expect-error: error: undefined name 'foo'
# expect-error: undefined_name.vb:5:7
print("never printed")
print(foo)
