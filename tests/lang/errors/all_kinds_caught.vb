# every runtime error kind can be caught and reports its kind
# expect: :type_error
# expect: :index_error
# expect: :key_error
# expect: :value_error
# expect: :zero_division
# expect: :overflow
# expect: :no_match
# expect: :arity
# expect: :undefined
# expect: :stack_overflow
# expect: :assert
# expect: :dead
# expect: :timeout
import time
fn kind(f) { try { f(); :no_error } catch e { e.kind } }
fn two(a, b) { a }
fn read_later() { later }
fn forever(n) { 1 + forever(n) }
fn silent() { while true { v.receive() } }
print(kind(fn() { 1 + "a" }))
print(kind(fn() { [1][1] }))
print(kind(fn() { let m = {}; m.k }))
print(kind(fn() { int("abc") }))
print(kind(fn() { 1 // 0 }))
print(kind(fn() { 9223372036854775807 + 1 }))
print(kind(fn() { match 1 { 2 => 2 } }))
print(kind(fn() { two(1) }))
print(kind(fn() { read_later() }))
print(kind(fn() { forever(0) }))
print(kind(fn() { assert(false) }))
let done = spawn(fn() { 1 })
time.sleep(20)
print(kind(fn() { v.send(done, :hello) }))
let mute = spawn(silent)
print(kind(fn() { v.send(mute, :hello, 20) }))
let later = 1
