# an uncaught decoding error stops the program with :value_error, the byte offset and the line
# expect: before
# expect-error: error[:value_error]
# expect-error: codec.decode(): at byte 1: unknown tag 0xFF
# expect-error: uncaught.vb:10
import codec
let b = codec.encode(nil)
b[1] = 255
print("before")
codec.decode(b)
print("not reached")
