# io.read_line returns each line of standard input without its newline, then nil
# stdin: first line
# stdin:
# stdin: third  line
# expect: 1 [first line]
# expect: 2 []
# expect: 3 [third  line]
# expect: nil
import io
var n = 0
while true {
  let line = io.read_line()
  if line == nil { break }
  n += 1
  print(n, "[${line}]")
}
print(io.read_line())
