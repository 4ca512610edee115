# errors raised inside closures and callbacks propagate to the caller's try
# expect: :zero_division
# expect: caught 3
# expect: [1, 2]
let k = try { map([1, 0], fn(x) { 10 // x }) } catch e { e.kind }
print(k)
let found = try {
  each([1, 2, 3, 4], fn(x) { if x == 3 { raise x } })
  nil
} catch e { e }
print("caught ${found}")
let partial = []
try { each([1, 2, 3], fn(x) { if x == 3 { raise :stop }; push(partial, x) }) } catch _ {}
print(partial)
