# uncaught :no_match from a let pattern
# expect-error: error[:no_match]
# expect-error: kind_no_match.vb:4 in <main>
let {name} = {id: 1}
