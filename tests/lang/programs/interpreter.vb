# a small interpreter: tokenizer, recursive-descent parser to tuples, evaluator with match, errors as values
# expect: (y - 1) = 19
# expect: ((-x) + (10 / 3)) = -1
# expect: error: division by zero
# expect: error (:unbound): unknown variable q
# expect: error (:syntax): expected )
# expect: total = 124
# expect: error (:syntax): bad character '$'
# expect: error (:syntax): not a statement
# expect: ["x", "y", "total"]
import str as s
fn is_digit(c) { c >= "0" and c <= "9" }
fn is_alpha(c) { (c >= "a" and c <= "z") or c == "_" }
fn tokenize(line) {
  let toks = []
  let cs = s.chars(line)
  var i = 0
  while i < len(cs) {
    let c = cs[i]
    if c == " " {
      i += 1
      continue
    }
    if is_digit(c) {
      var n = 0
      while i < len(cs) and is_digit(cs[i]) {
        n = n * 10 + (s.ord(cs[i]) - s.ord("0"))
        i += 1
      }
      push(toks, (:num, n))
      continue
    }
    if is_alpha(c) {
      var w = ""
      while i < len(cs) and is_alpha(cs[i]) {
        w ++= cs[i]
        i += 1
      }
      push(toks, (:id, w))
      continue
    }
    if c in "+-*/()=" {
      push(toks, (:op, c))
      i += 1
      continue
    }
    raise {kind: :syntax, msg: "bad character '${c}'"}
  }
  toks
}
fn peek_op(st, op) { st.pos < len(st.toks) and st.toks[st.pos] == (:op, op) }
fn advance(st) {
  if st.pos >= len(st.toks) { raise {kind: :syntax, msg: "unexpected end"} }
  let t = st.toks[st.pos]
  st.pos += 1
  t
}
fn parse_expr(st) {
  var left = parse_term(st)
  while peek_op(st, "+") or peek_op(st, "-") {
    let (_, op) = advance(st)
    left = (:bin, op, left, parse_term(st))
  }
  left
}
fn parse_term(st) {
  var left = parse_atom(st)
  while peek_op(st, "*") or peek_op(st, "/") {
    let (_, op) = advance(st)
    left = (:bin, op, left, parse_atom(st))
  }
  left
}
fn parse_atom(st) {
  let t = advance(st)
  match t {
    (:num, n) => (:num, n),
    (:id, name) => (:var, name),
    (:op, "-") => (:neg, parse_atom(st)),
    (:op, "(") => {
      let e = parse_expr(st)
      if not peek_op(st, ")") { raise {kind: :syntax, msg: "expected )"} }
      advance(st)
      e
    }
    _ => raise {kind: :syntax, msg: "unexpected ${t[1]}"},
  }
}
fn evaluate(e, env) {
  match e {
    (:num, n) => n,
    (:var, name) => {
      if name not in env { raise {kind: :unbound, msg: "unknown variable ${name}"} }
      env[name]
    }
    (:neg, x) => -evaluate(x, env),
    (:bin, "+", a, b) => evaluate(a, env) + evaluate(b, env),
    (:bin, "-", a, b) => evaluate(a, env) - evaluate(b, env),
    (:bin, "*", a, b) => evaluate(a, env) * evaluate(b, env),
    (:bin, "/", a, b) => evaluate(a, env) // evaluate(b, env),
  }
}
fn show(e) {
  match e {
    (:num, n) => "${n}",
    (:var, name) => name,
    (:neg, x) => "(-${show(x)})",
    (:bin, op, a, b) => "(${show(a)} ${op} ${show(b)})",
  }
}
fn run(program) {
  let env = {}
  for line in program {
    let result = try {
      let toks = tokenize(line)
      match toks {
        [(:id, "print"), ..rest] => {
          let st = {toks: rest, pos: 0}
          let e = parse_expr(st)
          if st.pos != len(rest) { raise {kind: :syntax, msg: "trailing input"} }
          "${show(e)} = ${evaluate(e, env)}"
        }
        [(:id, name), (:op, "="), ..rest] => {
          let st = {toks: rest, pos: 0}
          env[name] = evaluate(parse_expr(st), env)
          nil
        }
        _ => raise {kind: :syntax, msg: "not a statement"},
      }
    } catch e {
      if e.kind == :zero_division { "error: division by zero" } else { "error (${e.kind}): ${e.msg}" }
    }
    if result != nil { print(result) }
  }
  env
}
let env = run([
  "x = 4",
  "y = x * (3 + 2)",
  "print y - 1",
  "print -x + 10 / 3",
  "z = y / 0",
  "print q + 1",
  "print 2 * (3",
  "total = x + y + 100",
  "print total",
  "print 7 \$ 2",
  "oops",
])
print(keys(env))
