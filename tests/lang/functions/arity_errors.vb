# calling with too few or too many arguments raises :arity
# expect: :arity
# expect: :arity
# expect: :arity
# expect: :arity
# expect: :arity
# expect: ok
fn two(a, b) { a + b }
fn opt(a, b = 1) { a + b }
fn rest(a, ...xs) { a }
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { two(1) }))
print(kind(fn() { two(1, 2, 3) }))
print(kind(fn() { opt() }))
print(kind(fn() { opt(1, 2, 3) }))
print(kind(fn() { rest() }))
if rest(1) == 1 and rest(1, 2, 3) == 1 and opt(1) == 2 { print("ok") }
