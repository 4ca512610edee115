# closures: higher-order functions written in vb itself (my_map / my_filter /
# my_fold, not the prelude's map / filter / fold) applied with closures to an
# array of n integers. Each of 10 rounds maps x -> x*k + 1 (k captured from
# the enclosing loop), keeps the values not divisible by 3, and folds them
# with +. Argument order follows the prelude (collection first), so
# `xs |> my_map(f)` reads like `xs |> map(f)`. Same output as closures.lua.

fn my_map(xs, f) {
  let r = []
  for x in xs {
    push(r, f(x))
  }
  r
}

fn my_filter(xs, pred) {
  let r = []
  for x in xs {
    if pred(x) { push(r, x) }
  }
  r
}

fn my_fold(xs, init, f) {
  var acc = init
  for x in xs {
    acc = f(acc, x)
  }
  acc
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 1000000 }
  let rounds = 10
  let a = []
  for i in 0..n {
    push(a, i)
  }

  var total = 0
  var kept = 0
  for k in 1..=rounds {
    let mapped = my_map(a, fn(x) { x * k + 1 })
    let filtered = my_filter(mapped, fn(x) { x % 3 != 0 })
    total += my_fold(filtered, 0, fn(acc, x) { acc + x })
    kept += len(filtered)
  }
  print("closures(${n}) = ${total} ${kept}")
}

main()
