# uncaught :assert from assert(cond, msg) shows the message
# expect: checking
# expect-error: error[:assert]: math is broken
# expect-error: kind_assert.vb:7 in <main>
print("checking")
assert(1 + 1 == 2)
assert(1 + 1 == 3, "math is broken")
