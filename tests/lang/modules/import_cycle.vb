# an import cycle is a compile error naming the modules in the cycle; nothing runs
# expect-error: cycle
# expect-error: cyc_a.vb
# expect-error: cyc_b.vb
import "lib/cyc_a.vb" as a
print("never printed")
