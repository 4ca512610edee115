# a recursive JSON-style pretty printer that dispatches on type() and escapes strings
# expect: {
# expect:   "name": "vb",
# expect:   "version": 1.5,
# expect:   "tags": [
# expect:     "small",
# expect:     "safe"
# expect:   ],
# expect:   "owner": null,
# expect:   "stable": false,
# expect:   "quote": "say \"hi\"\n",
# expect:   "point": [
# expect:     3,
# expect:     -4
# expect:   ],
# expect:   "nested": {
# expect:     "empty": [],
# expect:     "none": {},
# expect:     "level": "deep"
# expect:   }
# expect: }
# expect: :value_error
import str as s
fn escape(text) {
  var out = ""
  for c in text {
    out ++= match c {
      "\"" => "\\\"",
      "\\" => "\\\\",
      "\n" => "\\n",
      _ => c,
    }
  }
  "\"" ++ out ++ "\""
}
fn render(value, indent = 0) {
  let pad = s.repeat("  ", indent + 1)
  let close = s.repeat("  ", indent)
  match type(value) {
    :nil => "null",
    :bool | :int | :float => str(value),
    :string => escape(value),
    :symbol => escape(str(value)[1..len(str(value))]),
    :array | :tuple => {
      if len(value) == 0 { return "[]" }
      let items = map(value, fn(x) { pad ++ render(x, indent + 1) })
      "[\n" ++ s.join(items, ",\n") ++ "\n" ++ close ++ "]"
    }
    :map => {
      if len(value) == 0 { return "{}" }
      let items = []
      for (k, v) in value {
        let key = if type(k) == :symbol { str(k)[1..len(str(k))] } else { str(k) }
        push(items, pad ++ escape(key) ++ ": " ++ render(v, indent + 1))
      }
      "{\n" ++ s.join(items, ",\n") ++ "\n" ++ close ++ "}"
    }
    _ => raise {kind: :value_error, msg: "cannot render ${type(value)}"},
  }
}
let doc = {
  name: "vb",
  version: 1.5,
  tags: ["small", "safe"],
  owner: nil,
  stable: false,
  "quote": "say \"hi\"\n",
  point: (3, -4),
  nested: {empty: [], none: {}, level: :deep},
}
print(render(doc))
let k = try { render({f: print}) } catch e { e.kind }
print(k)
