# closures capture variables by reference: they see later assignments, and share them
# expect: 2
# expect: 100
# expect: 7
# expect: 8
fn make() {
  var x = 1
  let inc = fn() { x += 1 }
  let get = fn() { x }
  (inc, get, fn(v) { x = v })
}
let (inc, get, set) = make()
inc()
print(get())
set(100)
print(get())
var shared = 0
let f = fn() { shared }
shared = 7
print(f())
let g = fn() { shared = 8 }
g()
print(shared)
