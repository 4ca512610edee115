# a for loop's variable is not visible after the loop
# expect-error: undefined name 'i'
# expect-error: for_scope.vb:5:7
for i in 0..3 {}
print(i)
