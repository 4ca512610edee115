# json.vb — renders nested vb values as pretty-printed JSON (2-space indentation):
# maps become objects, arrays and tuples become arrays, strings are escaped,
# symbols become strings, nil becomes null. Shows recursion, match with guards,
# type(), string building and str.join.
# Run: vb examples/json.vb
import str

fn hex4(n) { fmt(n, "04x") }

fn quote(s) {
  let parts = ["\""]
  for c in s {
    push(parts, match c {
      "\"" => "\\\"",
      "\\" => "\\\\",
      "\n" => "\\n",
      "\t" => "\\t",
      "\r" => "\\r",
      _ if str.ord(c) < 32 => "\\u" ++ hex4(str.ord(c)),
      _ => c,
    })
  }
  push(parts, "\"")
  str.join(parts, "")
}

# A map key becomes a JSON string: symbols by name, strings as they are,
# anything else by its printed form.
fn key_text(k) {
  let text = "${k}"
  match type(k) {
    :string => k,
    :symbol => text[1..len(text)],      # drop the leading ':'
    _ => text,
  }
}

fn number(x) {
  let text = "${x}"
  # JSON has no infinities and no NaN
  if text == "inf" or text == "-inf" or text == "nan" { "null" } else { text }
}

fn render(value, indent) {
  let inner = indent ++ "  "
  match type(value) {
    :nil => "null",
    :bool => if value { "true" } else { "false" },
    :int => "${value}",
    :float => number(value),
    :string => quote(value),
    :symbol => quote(key_text(value)),
    :array | :tuple => {
      if len(value) == 0 { return "[]" }
      let items = map(value, fn(x) { inner ++ render(x, inner) })
      "[\n" ++ str.join(items, ",\n") ++ "\n" ++ indent ++ "]"
    },
    :map => {
      if len(value) == 0 { return "{}" }
      let items = map(value, fn(kv) {
        let (k, v) = kv
        inner ++ quote(key_text(k)) ++ ": " ++ render(v, inner)
      })
      "{\n" ++ str.join(items, ",\n") ++ "\n" ++ indent ++ "}"
    },
    other => raise {kind: :type_error, msg: "cannot render a ${other} as JSON"},
  }
}

fn to_json(value) { render(value, "") }

let document = {
  name: "vb",
  version: (0, 1),
  tags: ["small", "safe", "distributed"],
  "quote \"me\"": "line one\nline two\ttabbed \\ backslash",
  stats: {
    lines: 1200,
    ratio: 0.75,
    big: 1e21,
    negative: -3,
    ok: true,
    broken: false,
    missing: nil,
  },
  empty_list: [],
  empty_map: {},
  nested: [[1, 2], {deep: [:a, :b]}],
  1: "numeric key",
  bell: "\u{7}",
}

print(to_json(document))
print(to_json([]))
print(to_json("just a string"))
print(try { to_json({f: print}) } catch e { e.msg })
