# any value can be raised and is caught as is
# expect: 42
# expect: oops
# expect: (1, 2)
# expect: [:a]
# expect: :sym
# expect: nil
# expect: {code: 7}
fn catch_it(f) { try { f() } catch e { e } }
print(catch_it(fn() { raise 42 }))
print(catch_it(fn() { raise "oops" }))
print(catch_it(fn() { raise (1, 2) }))
print(catch_it(fn() { raise [:a] }))
print(catch_it(fn() { raise :sym }))
print(catch_it(fn() { raise nil }))
print(catch_it(fn() { raise {code: 7} }))
