# e.trace lists "file.vb:LINE in name" frames, innermost first, ending at <main>
# expect: trace_lines.vb:9 in inner
# expect: trace_lines.vb:12 in outer
# expect: trace_lines.vb:16 in <main>
import str
fn short(line) { let i = str.find(line, "trace_lines.vb"); line[i..len(line)] }
fn inner(xs) {
  let i = 7
  xs[i]
}
fn outer() {
  let r = inner([1])
  r
}
var e = nil
try { outer() } catch err { e = err }
print(short(e.trace[0]))
print(short(e.trace[1]))
print(short(e.trace[2]))
