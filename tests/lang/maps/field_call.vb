# m.f(x) calls the function stored in field f with (x), no implicit self
# expect: 8
# expect: 3
# expect: hi bob
# expect: 1
let ops = {double: fn(x) { x * 2 }, add: fn(a, b) { a + b }}
print(ops.double(4))
print(ops.add(1, 2))
let greeter = {greet: fn(name) { "hi ${name}" }}
print(greeter.greet("bob"))
let counter = {n: 0}
counter.inc = fn() { counter.n += 1 }
counter.inc()
print(counter.n)
