# arrays are mutable references: two names for one array see the same changes
# expect: [1, 2, 3]
# expect: true
# expect: [1, 2, 3, 4]
# expect: [1, 2, 3]
let a = [1, 2]
let b = a
push(b, 3)
print(a)
print(a is b)
fn add_four(xs) { push(xs, 4) }
add_four(a)
print(b)
let c = a[0..3]
print(c)
