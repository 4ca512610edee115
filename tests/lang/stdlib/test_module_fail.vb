# failed test checks raise :assert
# expect: :assert
# expect: :assert
# expect: nope
# expect: :assert
# expect: :assert
import test
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { test.equal(1, 2) }))
print(kind(fn() { test.ok(false) }))
let e = try { test.ok(false, "nope") } catch err { err }
print(e.msg)
print(kind(fn() { test.raises(fn() { 1 }, :type_error) }))
print(kind(fn() { test.raises(fn() { 1 // 0 }, :type_error) }))
