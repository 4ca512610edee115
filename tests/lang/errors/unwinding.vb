# after an error unwinds several frames, later calls work normally
# expect: caught
# expect: 6
fn deep(n) { if n == 0 { raise :bottom } else { 1 + deep(n - 1) } }
try { deep(50) } catch _ { print("caught") }
fn sum(xs) { fold(xs, 0, fn(a, x) { a + x }) }
print(sum([1, 2, 3]))
