# uncaught :type_error: kind, message and location on stderr
# expect-error: error[:type_error]
# expect-error: kind_type_error.vb:6 in label
# expect-error: kind_type_error.vb:8 in <main>
fn label(n) {
  "item " + n
}
print(label(3))
