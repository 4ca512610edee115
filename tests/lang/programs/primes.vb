# a sieve of Eratosthenes and trial division agree on the primes
# expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
# expect: 1229
# expect: 9973
# expect: true
# expect: 1060
fn sieve(n) {
  let is_prime = map(0..n, fn(i) { i >= 2 })
  var p = 2
  while p * p < n {
    if is_prime[p] {
      var m = p * p
      while m < n {
        is_prime[m] = false
        m += p
      }
    }
    p += 1
  }
  filter(0..n, fn(i) { is_prime[i] })
}
fn is_prime(n) {
  if n < 2 { return false }
  var d = 2
  while d * d <= n {
    if n % d == 0 { return false }
    d += 1
  }
  true
}
print(sieve(50))
let big = sieve(10000)
print(len(big))
print(big[-1])
print(filter(0..10000, is_prime) == big)
print(fold(sieve(100), 0, fn(a, x) { a + x }))
