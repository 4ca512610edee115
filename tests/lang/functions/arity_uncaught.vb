# an uncaught :arity error reports kind and the calling line
# expect-error: error[:arity]
# expect-error: arity_uncaught.vb:5 in <main>
fn pair(a, b) { (a, b) }
print(pair(1, 2, 3))
