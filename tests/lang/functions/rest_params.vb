# a rest parameter ...xs collects the remaining arguments
# expect: 0
# expect: 6
# expect: 3 10
# expect: 0 0
# expect: :b
fn sum(...xs) { fold(xs, 0, fn(acc, x) { acc + x }) }
print(sum())
print(sum(1, 2, 3))
fn count_after(first, ...rest) { print(len(rest), first) }
count_after(10, "a", "b", "c")
count_after(0)
fn second(...xs) { xs[1] }
print(second(:a, :b, :c))
