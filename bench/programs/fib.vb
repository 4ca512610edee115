# fib: naive recursive Fibonacci (call overhead, small-int arithmetic).
# Same work and output line as fib.lua / fib.py / fib.c.

fn fib(n) {
  if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
  let argv = args()
  let n = if len(argv) > 0 { int(argv[0]) } else { 35 }
  print("fib(${n}) = ${fib(n)}")
}

main()
