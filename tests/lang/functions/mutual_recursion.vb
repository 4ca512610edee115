# top-level functions may call each other in any order, even before their definition
# expect: true
# expect: false
# expect: 120
print(is_even(10))
print(is_odd(10))
print(fact_a(5))
fn is_even(n) { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n) { if n == 0 { false } else { is_even(n - 1) } }
fn fact_a(n) { if n == 0 { 1 } else { n * fact_b(n - 1) } }
fn fact_b(n) { if n == 0 { 1 } else { n * fact_a(n - 1) } }
