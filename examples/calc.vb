# calc.vb — a small calculator: a tokenizer, a recursive-descent parser that builds
# a syntax tree of tuples, and an evaluator with variables and a few functions.
# Shows pattern matching, maps as state, raise and try/catch.
# Run: vb examples/calc.vb                      (evaluates a built-in list)
#      vb examples/calc.vb "x = 2" "x ^ 10"     (evaluates its arguments in order)
#
# Grammar:
#   line    := NAME "=" expr | expr
#   expr    := term (("+" | "-") term)*
#   term    := unary (("*" | "/" | "%") unary)*
#   unary   := "-" unary | power
#   power   := primary ("^" unary)?
#   primary := NUMBER | NAME | NAME "(" args ")" | "(" expr ")"
import math
import str

fn fail(msg) { raise {kind: :calc, msg: msg} }

fn is_digit(c) { c >= "0" and c <= "9" }
fn is_alpha(c) { (c >= "a" and c <= "z") or (c >= "A" and c <= "Z") or c == "_" }

# ---- tokenizer: text -> array of (:num, n) (:name, s) (:op, s) and a final (:end, nil)

fn tokenize(text) {
  let chars = str.chars(text)
  let tokens = []
  var i = 0
  while i < len(chars) {
    let c = chars[i]
    if c == " " {
      i += 1
    } else if is_digit(c) or c == "." {
      var j = i
      while j < len(chars) and (is_digit(chars[j]) or chars[j] == ".") { j += 1 }
      let digits = str.join(chars[i..j], "")
      let value = try {
        if "." in digits { float(digits) } else { int(digits) }
      } catch _ {
        fail("bad number '${digits}'")
      }
      push(tokens, (:num, value))
      i = j
    } else if is_alpha(c) {
      var j = i
      while j < len(chars) and (is_alpha(chars[j]) or is_digit(chars[j])) { j += 1 }
      push(tokens, (:name, str.join(chars[i..j], "")))
      i = j
    } else if c in ["+", "-", "*", "/", "%", "^", "(", ")", ",", "="] {
      push(tokens, (:op, c))
      i += 1
    } else {
      fail("unexpected character '${c}'")
    }
  }
  push(tokens, (:end, nil))
  tokens
}

# ---- parser: the state is a map {tokens, pos}; each rule returns a tree

fn peek(p) { p.tokens[p.pos] }
fn advance(p) {
  let t = peek(p)
  p.pos += 1
  t
}
fn at_op(p, op) { peek(p) == (:op, op) }

fn describe(t) {
  match t {
    (:num, n) => "${n}",
    (:name, s) => "'${s}'",
    (:op, s) => "'${s}'",
    (:end, _) => "end of input",
  }
}

fn expect_op(p, op) {
  if not at_op(p, op) { fail("expected '${op}' but found ${describe(peek(p))}") }
  advance(p)
}

fn parse_line(text) {
  let p = {tokens: tokenize(text), pos: 0}
  let tree = match p.tokens {
    [(:name, target), (:op, "="), ..] => {
      p.pos = 2
      (:assign, target, parse_expr(p))
    },
    _ => parse_expr(p),
  }
  if peek(p) != (:end, nil) { fail("unexpected ${describe(peek(p))}") }
  tree
}

fn parse_expr(p) {
  var left = parse_term(p)
  while at_op(p, "+") or at_op(p, "-") {
    let (_, op) = advance(p)
    left = (:binary, op, left, parse_term(p))
  }
  left
}

fn parse_term(p) {
  var left = parse_unary(p)
  while at_op(p, "*") or at_op(p, "/") or at_op(p, "%") {
    let (_, op) = advance(p)
    left = (:binary, op, left, parse_unary(p))
  }
  left
}

fn parse_unary(p) {
  if at_op(p, "-") {
    advance(p)
    return (:negate, parse_unary(p))
  }
  parse_power(p)
}

fn parse_power(p) {
  let base = parse_primary(p)
  if at_op(p, "^") {
    advance(p)
    return (:binary, "^", base, parse_unary(p))
  }
  base
}

fn parse_primary(p) {
  match advance(p) {
    (:num, n) => (:num, n),
    (:name, name) if at_op(p, "(") => {
      advance(p)
      let args = []
      if not at_op(p, ")") {
        push(args, parse_expr(p))
        while at_op(p, ",") {
          advance(p)
          push(args, parse_expr(p))
        }
      }
      expect_op(p, ")")
      (:call, name, args)
    },
    (:name, name) => (:var, name),
    (:op, "(") => {
      let inner = parse_expr(p)
      expect_op(p, ")")
      inner
    },
    t => fail("expected a number, a name or '(' but found ${describe(t)}"),
  }
}

# ---- evaluator

let functions = {
  "sqrt": fn(x) { math.sqrt(x) },
  "abs": fn(x) { math.abs(x) },
  "min": fn(a, b) { math.min(a, b) },
  "max": fn(a, b) { math.max(a, b) },
}

fn evaluate(tree, vars) {
  match tree {
    (:num, n) => n,
    (:var, name) => {
      if name not in vars { fail("unknown variable '${name}'") }
      vars[name]
    },
    (:negate, e) => -evaluate(e, vars),
    (:binary, op, a, b) => apply(op, evaluate(a, vars), evaluate(b, vars)),
    (:call, name, args) => {
      if name not in functions { fail("unknown function '${name}'") }
      let values = map(args, fn(e) { evaluate(e, vars) })
      match (name, len(values)) {
        ("min", 2) | ("max", 2) => functions[name](values[0], values[1]),
        ("sqrt", 1) | ("abs", 1) => functions[name](values[0]),
        _ => fail("wrong number of arguments for ${name}"),
      }
    },
    (:assign, name, e) => {
      let value = evaluate(e, vars)
      vars[name] = value
      value
    },
  }
}

fn apply(op, a, b) {
  match op {
    "+" => a + b,
    "-" => a - b,
    "*" => a * b,
    "/" => if b == 0 { fail("division by zero") } else { a / b },
    "%" => if b == 0 { fail("division by zero") } else { a % b },
    "^" => a ** b,
  }
}

# Evaluates one line and gives the text to print: the value, or the error.
fn run(line, vars) {
  try {
    "${evaluate(parse_line(line), vars)}"
  } catch e {
    match e {
      {kind: :calc, msg} => "error: ${msg}",
      {kind} => "error: ${kind}",
    }
  }
}

let examples = [
  "1 + 2 * 3",
  "(1 + 2) * 3",
  "2 ^ 10",
  "-2 ^ 2",
  "7 / 2",
  "17 % 5",
  "x = 6 * 7",
  "x / 4",
  "r = 2",
  "pi * r ^ 2",
  "sqrt(16) + abs(-3)",
  "max(3, x) - min(3, x)",
  "y + 1",
  "1 / 0",
  "2 * (3 + 4",
  "3 \$ 4",
  "2 ^ 64",
  "sqrt(1, 2)",
]

let vars = {"pi": math.pi, "e": math.e}
let lines = if len(args()) > 0 { args() } else { examples }
for line in lines {
  print("${line} => ${run(line, vars)}")
}
