# each for iteration has a fresh binding: closures see their own value
# expect: [0, 1, 2]
# expect: [10, 20]
let fs = []
for i in 0..3 { push(fs, fn() { i }) }
print(map(fs, fn(f) { f() }))
let gs = []
for x in [10, 20] {
  let y = x
  push(gs, fn() { y })
}
print(map(gs, fn(g) { g() }))
