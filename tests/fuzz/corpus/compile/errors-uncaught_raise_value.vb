# an uncaught raised non-map value prints "error: <value>" and the trace, exit 1
# expect: before
# expect-error: error: boom
# expect-error: uncaught_raise_value.vb:6 in <main>
print("before")
raise "boom"
print("after")
