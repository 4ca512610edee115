# helper module (not a test): prints when its top level runs
print("counter loaded")
var count = 0
fn next() {
  count += 1
  count
}
