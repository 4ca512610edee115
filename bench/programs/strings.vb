# strings: build an array of n short strings ("item${i}"), join them with ",",
# then count the non-overlapping occurrences of the substring "99".
# Same output as strings.lua / .py / .c.
#
# Note: `import str` binds the module `str`, which shadows the prelude
# function str() in this file; the program does not need str(x).

import str

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 1000000 }
  let parts = []
  for i in 0..n {
    push(parts, "item${i}")
  }
  let s = str.join(parts, ",")
  let count = str.count(s, "99")
  print("strings(${n}) = ${len(s)} ${count}")
}

main()
