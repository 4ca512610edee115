# closures_loop: closures made inside a loop. Each iteration i makes a small
# closure that captures the loop variable i (a fresh binding per iteration)
# and the mutable accumulator `acc` (a `var` shared by all of them, changed
# by every call); the closure is called at once, and every 8th one is also
# kept in an array. When 64 are kept they are all called again (the j-th
# with j) and the array is replaced; those left at the end are called after
# the loop. Same output as closures_loop.lua / .py.

let KEEP_EVERY = 8
let BATCH = 64

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 3000000 }
  var acc = 0
  var total = 0
  var saved = []
  for i in 0..n {
    let f = fn(x) {
      acc += x + i
      (acc + i) % 1000
    }
    total += f(i % 7)
    if i % KEEP_EVERY == 0 {
      push(saved, f)
      if len(saved) == BATCH {
        for j in 0..len(saved) {
          total += saved[j](j)
        }
        saved = []
      }
    }
  }
  for j in 0..len(saved) {
    total += saved[j](j)
  }
  print("closures_loop(${n}) = ${total} ${acc}")
}

main()
