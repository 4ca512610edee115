# an undefined name close to a known one gets a "did you mean" hint
# expect-error: undefined name 'cuont'
# expect-error: did you mean
# expect-error: count
let count = 1
print(cuont)
