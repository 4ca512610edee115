# an uncaught overflow reports its kind and location and exits 1
# expect: before
# expect-error: error[:overflow]
# expect-error: overflow_uncaught.vb:9 in grow
# expect-error: overflow_uncaught.vb:11 in <main>
fn grow(x) {
  let big = 4611686018427387904
  print("before")
  x * big
}
print(grow(2))
print("never")
