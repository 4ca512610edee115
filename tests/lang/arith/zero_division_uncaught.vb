# an uncaught :zero_division reports kind and location
# expect-error: error[:zero_division]
# expect-error: zero_division_uncaught.vb:6 in <main>
let a = 10
let b = 0
print(a % b)
