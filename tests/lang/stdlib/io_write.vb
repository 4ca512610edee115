# io.write writes without a newline; io.print and io.println behave like print
# expect: abc
# expect: 1 2
# expect: x y
import io
io.write("a")
io.write("b")
io.write("c\n")
io.print(1, 2)
io.println("x", "y")
