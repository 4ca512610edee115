# stdlib/io.vb — module `io`: standard input and output. write(s) and read_line()
# are natives (vm/builtins/io_time.cpp); print and println, written here, write
# exactly what the prelude's print writes (the same stdout stream).

# The printed forms of xs separated by single spaces, and a newline.
fn _line(xs) {
  var line = ""
  var first = true
  for x in xs {
    if first { first = false } else { line ++= " " }
    line ++= str(x)
  }
  line ++ "\n"
}

fn print(...xs) { write(_line(xs)) }

fn println(...xs) { write(_line(xs)) }
