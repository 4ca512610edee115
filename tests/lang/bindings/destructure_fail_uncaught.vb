# an uncaught failed destructuring reports :no_match with its line
# expect-error: error[:no_match]
# expect-error: destructure_fail_uncaught.vb:4 in <main>
let (a, b) = [1, 2]
