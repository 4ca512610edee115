# raising a map with kind and msg but no trace adds a trace; its fields are kept
# expect: :not_found
# expect: no such file
# expect: true
# expect: raise_map_gets_trace.vb:8 in open_file
import str
fn open_file(name) {
  raise {kind: :not_found, msg: "no such file"}
}
let e = try { let r = open_file("x"); r } catch err { err }
print(e.kind)
print(e.msg)
print(:trace in e)
let t = e.trace[0]
print(t[str.find(t, "raise_map_gets_trace.vb")..len(t)])
