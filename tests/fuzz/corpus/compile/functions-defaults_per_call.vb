# default values are evaluated at each call, not once
# expect: [1]
# expect: [1]
# expect: 10
# expect: 20
# expect: 3
fn add_one(xs = []) { push(xs, 1); xs }
print(add_one())
print(add_one())
var base = 10
fn get(x = base) { x }
print(get())
base = 20
print(get())
var calls = 0
fn counted() { calls += 1; calls }
fn use(x = counted()) { x }
use()
use()
print(use())
