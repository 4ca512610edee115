# several errors in one file are all reported
# expect-error: undefined name 'aaa'
# expect-error: undefined name 'bbb'
# expect-error: undefined name 'ccc'
# expect-error: several_errors.vb:8:7
# expect-error: several_errors.vb:9:7
# expect-error: several_errors.vb:10:9
print(aaa)
print(bbb)
let x = ccc
