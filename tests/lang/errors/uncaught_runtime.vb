# an uncaught runtime error prints error[:kind]: msg and the trace on stderr, exit 1
# expect: line 1
# expect: line 2
# expect-error: error[:index_error]:
# expect-error: uncaught_runtime.vb:9 in get_third
# expect-error: uncaught_runtime.vb:13 in <main>
fn get_third(xs) {
  let i = 2
  xs[i]
}
print("line 1")
print("line 2")
print(get_third([1, 2]))
print("line 3")
