# ordinary recursion: fibonacci, factorial, and factorial overflowing at 21!
# expect: 6765
# expect: 2432902008176640000
# expect: :overflow
fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
print(fib(20))
fn fact(n) { if n <= 1 { 1 } else { n * fact(n - 1) } }
print(fact(20))
let k = try { fact(21) } catch e { e.kind }
print(k)
