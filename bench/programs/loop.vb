# loop: integer arithmetic loop: sum of (i*i) % 7 for 0 <= i < n.
# (i*i) % 7 is computed as (x*x) % 7 with x = i % 7 (same value), exactly as
# in loop.lua / loop.py / loop.c. The work runs inside a function so that
# `s` is a local, as in the Lua chunk and Python's main().

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 100000000 }
  var s = 0
  for i in 0..n {
    let x = i % 7
    s += (x * x) % 7
  }
  print("loop(${n}) = ${s}")
}

main()
