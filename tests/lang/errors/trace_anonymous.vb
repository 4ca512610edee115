# anonymous functions appear as <fn> in traces
# expect: trace_anonymous.vb:7 in <fn>
# expect: trace_anonymous.vb:8 in <main>
import str
fn short(line) { let i = str.find(line, "trace_anonymous.vb"); line[i..len(line)] }
let e = try {
  let f = fn(x) { x // 0 }
  let r = f(1); r
} catch err { err }
print(short(e.trace[0]))
print(short(e.trace[1]))
