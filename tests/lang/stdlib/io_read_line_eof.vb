# io.read_line returns nil at the end of input (the test runner gives empty input)
# expect: nil
import io
print(io.read_line())
