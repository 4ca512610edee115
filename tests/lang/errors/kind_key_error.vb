# uncaught :key_error from remove of a missing key
# expect-error: error[:key_error]
# expect-error: kind_key_error.vb:4 in <main>
remove({a: 1}, :b)
