# an uncaught :no_match reports kind and the match's location
# expect-error: error[:no_match]
# expect-error: no_match_uncaught.vb:6 in pick
# expect-error: no_match_uncaught.vb:9 in <main>
fn pick(x) {
  let r = match x { :a => 1, :b => 2 }
  r
}
print(pick(:c))
