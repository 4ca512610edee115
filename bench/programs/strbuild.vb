# strbuild: string building, like a log formatter. For each i in 0..n a log
# line "${level} ${name}=${i};code=${code}" is built by interpolation and
# pushed into a batch; a line whose first four bytes (a slice) are "WARN"
# is counted; every 8th line is hashed over its bytes (s[j]). Every 100
# lines, and after the last line, the batch is joined with "\n", its length
# added up, its "=1" substrings counted, and its first 16 bytes compared
# with the previous batch's. Same output as strbuild.lua / .py.
#
# Note: `import str` binds the module `str`, which shadows the prelude
# function str() in this file; the program does not need str(x).

import str

let NAMES = ["alpha", "beta", "gamma", "delta", "epsilon"]
let LEVELS = ["INFO", "WARN", "DEBUG"]
let BATCH = 100
let MOD = 1000000007

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 1000000 }
  var total = 0
  var warns = 0
  var ones = 0
  var rises = 0
  var hash = 0
  var prev = ""
  var lines = []
  for i in 0..n {
    let line = "${LEVELS[i % 3]} ${NAMES[i % 5]}=${i};code=${(i * 7919) % 1000}"
    if line[0..4] == "WARN" { warns += 1 }
    if i % 8 == 0 {
      for j in 0..len(line) {
        hash = (hash * 31 + line[j]) % MOD
      }
    }
    push(lines, line)
    if len(lines) == BATCH or i == n - 1 {
      let chunk = str.join(lines, "\n")
      total += len(chunk)
      ones += str.count(chunk, "=1")
      let head = chunk[0..16]
      if head > prev { rises += 1 }
      prev = head
      lines = []
    }
  }
  print("strbuild(${n}) = ${total} ${warns} ${ones} ${rises} ${hash}")
}

main()
