# uncaught :zero_division inside a function
# expect-error: error[:zero_division]
# expect-error: kind_zero_division.vb:5 in avg
# expect-error: kind_zero_division.vb:6 in <main>
fn avg(xs) { fold(xs, 0, fn(a, x) { a + x }) // len(xs) }
print(avg([]))
