# an uncaught :index_error prints kind, message and trace with file:line, exit 1
# expect: start
# expect-error: error[:index_error]
# expect-error: index_uncaught.vb:8 in f
# expect-error: index_uncaught.vb:11 in <main>
fn f(xs) {
  let i = 5
  xs[i]
}
print("start")
print(f([1, 2, 3]))
print("not reached")
