# primes.vb — the sieve of Eratosthenes: arrays, while loops, ranges, filter.
# Run: vb examples/primes.vb [LIMIT]        (LIMIT defaults to 100)
import str

fn sieve(limit) {
  # is_prime[i] says whether i is still a candidate
  let is_prime = []
  for i in 0..=limit { push(is_prime, i >= 2) }
  var p = 2
  while p * p <= limit {
    if is_prime[p] {
      var multiple = p * p
      while multiple <= limit {
        is_prime[multiple] = false
        multiple += p
      }
    }
    p += 1
  }
  filter(0..=limit, fn(i) { is_prime[i] })
}

fn print_rows(numbers, per_row) {
  var row = []
  for n in numbers {
    push(row, "${n}")
    if len(row) == per_row {
      print(str.join(row, " "))
      row = []
    }
  }
  if len(row) > 0 { print(str.join(row, " ")) }
}

let limit = if len(args()) > 0 { int(args()[0]) } else { 100 }
let primes = sieve(limit)
print("primes up to ${limit}:")
print_rows(primes, 10)
print("${len(primes)} primes")
