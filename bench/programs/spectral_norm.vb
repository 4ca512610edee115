# spectral_norm: the benchmarks-game spectral-norm program (nested loops,
# floating point, array indexing). Single-threaded, plain arrays. The
# floating-point operations are in the same order as in spectral_norm.lua /
# .py / .c, so the printed value agrees to every digit.

import math

fn A(i, j) {
  # i, j are 0-based; the entry is an exact integer, then 1/entry.
  # `/` always yields a float: (ij * (ij + 1)) / 2 is a float, as in Lua.
  let ij = i + j
  1.0 / (ij * (ij + 1) / 2 + i + 1)
}

fn Av(x, y, n) {
  for i in 0..n {
    var a = 0.0
    for j in 0..n {
      a = a + x[j] * A(i, j)
    }
    y[i] = a
  }
}

fn Atv(x, y, n) {
  for i in 0..n {
    var a = 0.0
    for j in 0..n {
      a = a + x[j] * A(j, i)
    }
    y[i] = a
  }
}

fn AtAv(x, y, t, n) {
  Av(x, t, n)
  Atv(t, y, n)
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 500 }
  let u = []
  let w = []
  let t = []
  for _ in 0..n {
    push(u, 1.0)
    push(w, 0.0)
    push(t, 0.0)
  }
  for _ in 0..10 {
    AtAv(u, w, t, n)
    AtAv(w, u, t, n)
  }
  var vBv = 0.0
  var vv = 0.0
  for i in 0..n {
    vBv = vBv + u[i] * w[i]
    vv = vv + w[i] * w[i]
  }
  let result = fmt(math.sqrt(vBv / vv), ".9f")
  print("spectral_norm(${n}) = ${result}")
}

main()
