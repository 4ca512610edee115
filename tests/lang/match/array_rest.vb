# [first, ..rest] binds the remaining elements as an array; recursion over lists
# expect: 10
# expect: []
# expect: [2, 3]
fn sum(xs) { match xs { [] => 0, [x, ..rest] => x + sum(rest) } }
print(sum([1, 2, 3, 4]))
let r1 = match [1] { [x, ..rest] => rest }
print(r1)
let r2 = match [1, 2, 3] { [_, ..rest] => rest }
print(r2)
