# 100,000 nested non-tail calls work
# expect: 100000
# expect: 5000050000
fn depth(n) { if n == 0 { 0 } else { 1 + depth(n - 1) } }
print(depth(100000))
fn sum(n) { if n == 0 { 0 } else { n + sum(n - 1) } }
print(sum(100000))
