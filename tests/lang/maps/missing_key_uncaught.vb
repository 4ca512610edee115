# an uncaught :key_error reports kind and location
# expect-error: error[:key_error]
# expect-error: missing_key_uncaught.vb:7 in lookup
# expect-error: missing_key_uncaught.vb:10 in <main>
let config = {port: 80}
fn lookup(m) {
  let v = m.host
  v
}
print(lookup(config))
