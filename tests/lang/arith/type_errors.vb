# arithmetic on the wrong types raises :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
fn kind(f) { try { f(); :none } catch e { e.kind } }
print(kind(fn() { 1 + "a" }))
print(kind(fn() { "a" - 1 }))
print(kind(fn() { nil + 1 }))
print(kind(fn() { -"a" }))
print(kind(fn() { true * 2 }))
print(kind(fn() { [1] - [1] }))
