# Reads lines from standard input in a team of a node (io.read_line must not
# stop the node while it waits) and says what it got.
import io
print("reading")
var line = io.read_line()
while line != nil {
  print("got", line)
  line = io.read_line()
}
print("end of input")
