# an uncaught test.equal failure mentions both values
# expect-error: error[:assert]
# expect-error: 41
# expect-error: 42
import test
test.equal(41, 42)
