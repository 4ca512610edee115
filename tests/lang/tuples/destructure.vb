# let (a, b) = t destructures; nested tuples destructure too; functions return tuples
# expect: 1 2
# expect: 1 2 3
# expect: 3 1
# expect: 17 2
let (a, b) = (1, 2)
print(a, b)
let (x, (y, z)) = (1, (2, 3))
print(x, y, z)
fn swap(p) { let (l, r) = p; (r, l) }
let (s1, s2) = swap((1, 3))
print(s1, s2)
fn divmod(n, d) { (n // d, n % d) }
let (q, r) = divmod(87, 5)
print(q, r)
