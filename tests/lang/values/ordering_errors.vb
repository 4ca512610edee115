# comparing values that have no order raises :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
# expect: :type_error
fn kind(f) { try { f(); :no_error } catch e { e.kind } }
print(kind(fn() { 1 < "a" }))
print(kind(fn() { nil < 1 }))
print(kind(fn() { {} < {} }))
print(kind(fn() { true < false }))
print(kind(fn() { :a < :b }))
print(kind(fn() { "a" >= 1 }))
