// tests/unit/parser.test.cpp — unit tests of compiler/parser.{h,cpp}.
//
// Trees are compared through dump_ast (ast_dump.h). Covered: the precedence table of
// docs/language.md, pipes, every statement, expression and pattern kind, map-or-block,
// node locations, error messages with their locations and hints, recovery with
// several errors, `incomplete` for the REPL, the nesting limit, and the rendering of
// diagnostics.
#include "compiler/parser.h"

#include <catch2/catch.hpp>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast_dump.h"

using namespace vb::compiler;

namespace {

struct Parsed {
    Module module;
    std::unique_ptr<Diagnostics> diagnostics;
    bool ok = false;
};

std::unique_ptr<Parsed> parse(std::string source) {
    auto parsed = std::make_unique<Parsed>();
    parsed->module.path = "test.vb";
    parsed->module.source = std::move(source);
    parsed->diagnostics = std::make_unique<Diagnostics>("test.vb", parsed->module.source);
    parsed->ok = parse_module(parsed->module, *parsed->diagnostics);
    return parsed;
}

// The dump of [source], which must parse without errors; without the final newline.
std::string tree(std::string source) {
    const std::unique_ptr<Parsed> parsed = parse(std::move(source));
    INFO(parsed->diagnostics->render());
    REQUIRE(parsed->ok);
    std::string dump = dump_ast(parsed->module);
    if (!dump.empty() && dump.back() == '\n')
        dump.pop_back();
    return dump;
}

std::vector<std::string> messages(std::string source) {
    const std::unique_ptr<Parsed> parsed = parse(std::move(source));
    std::vector<std::string> out;
    for (const Diagnostic& diagnostic : parsed->diagnostics->all())
        out.push_back(diagnostic.message);
    return out;
}

// The only error [source] has.
Diagnostic error_of(std::string source) {
    const std::unique_ptr<Parsed> parsed = parse(std::move(source));
    INFO(parsed->diagnostics->render());
    REQUIRE(parsed->diagnostics->all().size() == 1);
    CHECK_FALSE(parsed->ok);
    return parsed->diagnostics->all()[0];
}

bool incomplete(std::string source) {
    return parse(std::move(source))->diagnostics->incomplete;
}

}  // namespace

// ---- precedence ---------------------------------------------------------------

TEST_CASE("parser: arithmetic binds as usual", "[parser]") {
    CHECK(tree("1 + 2 * 3") == "(+ 1 (* 2 3))");
    CHECK(tree("(1 + 2) * 3") == "(* (+ 1 2) 3)");
    CHECK(tree("a - b - c") == "(- (- a b) c)");
    CHECK(tree("a / b // c % d") == "(% (// (/ a b) c) d)");
    CHECK(tree("a ++ b + c") == "(+ (++ a b) c)");
}

TEST_CASE("parser: ** is right-associative and binds tighter than unary minus", "[parser]") {
    CHECK(tree("-2 ** 2") == "(- (** 2 2))");
    CHECK(tree("2 ** 3 ** 2") == "(** 2 (** 3 2))");
    CHECK(tree("2 ** -1") == "(** 2 -1)");
    CHECK(tree("-x ** 2 * 3") == "(* (- (** x 2)) 3)");
    CHECK(tree("~a ** b") == "(~ (** a b))");
}

TEST_CASE("parser: postfix operators bind tightest", "[parser]") {
    CHECK(tree("-a.b") == "(- (. a b))");
    CHECK(tree("f(x)[0].y") == "(. (index (call f x) 0) y)");
    CHECK(tree("a.b.c(1)(2)") == "(call (call (. (. a b) c) 1) 2)");
    CHECK(tree("f()") == "(call f)");
    CHECK(tree("f(a, b,)") == "(call f a b)");
    CHECK(tree("m.if") == "(. m if)");  // keywords are fine as field names
    CHECK(tree("xs[1..3]") == "(index xs (.. 1 3))");
}

TEST_CASE("parser: pipes insert the left side as the first argument", "[parser]") {
    CHECK(tree("a |> f(b)") == "(call f a b)");
    CHECK(tree("a |> f") == "(call f a)");
    CHECK(tree("a |> f() |> g(1, 2)") == "(call g (call f a) 1 2)");
    CHECK(tree("a + b |> f") == "(call f (+ a b))");
    CHECK(tree("a |> m.f(x)") == "(call (. m f) a x)");
    CHECK(tree("x |> f == y") == "(== (call f x) y)");
    CHECK(tree("a |> f & b") == "(& (call f a) b)");
    CHECK(tree("xs\n  |> map(f)\n  |> sum") == "(call sum (call map xs f))");
}

TEST_CASE("parser: ranges bind tighter than in and comparisons, looser than +", "[parser]") {
    CHECK(tree("x in 0..n") == "(in x (.. 0 n))");
    CHECK(tree("0..n + 1") == "(.. 0 (+ n 1))");
    CHECK(tree("a..=b") == "(..= a b)");
    CHECK(tree("for i in 0..len(xs) {}") == "(for i (.. 0 (call len xs)) (block))");
}

TEST_CASE("parser: comparisons, membership and identity", "[parser]") {
    CHECK(tree("a > b") == "(> a b)");
    CHECK(tree("a >= b") == "(>= a b)");
    CHECK(tree("a == b") == "(== a b)");
    CHECK(tree("a != b") == "(!= a b)");
    CHECK(tree("a < b + 1") == "(< a (+ b 1))");
    CHECK(tree("a not in b") == "(not-in a b)");
    CHECK(tree("a is b") == "(is a b)");
    CHECK(tree("a is not b") == "(not (is a b))");
    CHECK(tree("a == b | c") == "(== a (| b c))");
}

TEST_CASE("parser: logic: or below and below not below comparison", "[parser]") {
    CHECK(tree("a or b and c") == "(or a (and b c))");
    CHECK(tree("a and b or c") == "(or (and a b) c)");
    CHECK(tree("not a == b") == "(not (== a b))");
    CHECK(tree("not a and b") == "(and (not a) b)");
    CHECK(tree("a and not b") == "(and a (not b))");
    CHECK(tree("not not a") == "(not (not a))");
}

TEST_CASE("parser: bitwise operators: | below ^ below & below shifts below |>", "[parser]") {
    CHECK(tree("a | b ^ c & d << e") == "(| a (^ b (& c (<< d e))))");
    CHECK(tree("a >> 1 | b") == "(| (>> a 1) b)");
    CHECK(tree("1 << x |> f") == "(<< 1 (call f x))");
}

// ---- literals -----------------------------------------------------------------

TEST_CASE("parser: literals", "[parser]") {
    CHECK(tree("42") == "42");
    CHECK(tree("0x2a") == "42");
    CHECK(tree("1.5") == "1.5");
    CHECK(tree("2.0") == "2.0");
    CHECK(tree("\"hi\\n\"") == "\"hi\\n\"");
    CHECK(tree(":ok") == ":ok");
    CHECK(tree("true") == "true");
    CHECK(tree("false") == "false");
    CHECK(tree("nil") == "nil");
}

TEST_CASE("parser: a minus before a number literal makes a negative literal", "[parser]") {
    CHECK(tree("-5") == "-5");
    CHECK(tree("-2.5") == "-2.5");
    CHECK(tree("- x") == "(- x)");
    CHECK(tree("-9223372036854775808") == "-9223372036854775808");
    CHECK(tree("1 - -2") == "(- 1 -2)");

    const std::unique_ptr<Parsed> parsed = parse("-9223372036854775808");
    REQUIRE(parsed->module.stmts.size() == 1);
    CHECK(parsed->module.stmts[0]->value->int_value == std::numeric_limits<int64_t>::min());
}

TEST_CASE("parser: 9223372036854775808 is an error unless negated", "[parser]") {
    const Diagnostic error = error_of("x = 9223372036854775808");
    CHECK(error.message == "integer literal '9223372036854775808' is too large");
    CHECK(error.loc.col == 5);
    CHECK(error.length == 19);
    CHECK(error_of("x = -9223372036854775808 ** 2").message == "integer literal '9223372036854775808' is too large");
}

TEST_CASE("parser: tuples, and parentheses around one expression", "[parser]") {
    CHECK(tree("()") == "(tuple)");
    CHECK(tree("(a)") == "a");
    CHECK(tree("((a))") == "a");
    CHECK(tree("(a,)") == "(tuple a)");
    CHECK(tree("(a, b)") == "(tuple a b)");
    CHECK(tree("(a, b,)") == "(tuple a b)");
    CHECK(tree("(\n  a,\n  b\n)") == "(tuple a b)");
}

TEST_CASE("parser: arrays", "[parser]") {
    CHECK(tree("[]") == "(array)");
    CHECK(tree("[1, 2,]") == "(array 1 2)");
    CHECK(tree("[\n  1,\n  [2]\n]") == "(array 1 (array 2))");
}

TEST_CASE("parser: map literals", "[parser]") {
    CHECK(tree("x = {}") == "(= x (map))");
    CHECK(tree("x = {a: 1, \"k\": 2, (y): 3, 4: 5, :s: 6,}") ==
          "(= x (map (:a 1) (\"k\" 2) (y 3) (4 5) (:s 6)))");
    CHECK(tree("x = {a: :b}") == "(= x (map (:a :b)))");
    CHECK(tree("x = {a:b}") == "(= x (map (:a b)))");
    CHECK(tree("x = {fn: f, nil: 1}") == "(= x (map (:fn f) (:nil 1)))");  // a word before ':' is a symbol
    CHECK(tree("x = {\n  a: 1,\n\n  b:\n    2\n}") == "(= x (map (:a 1) (:b 2)))");
    CHECK(tree("x = {(k): {}}") == "(= x (map (k (map))))");
}

TEST_CASE("parser: a { in expression position is a map or a block by what follows", "[parser]") {
    CHECK(tree("x = { y }") == "(= x (block y))");
    CHECK(tree("x = { f(); 1 }") == "(= x (block (call f) 1))");
    CHECK(tree("x = { (a) }") == "(= x (block a))");
    CHECK(tree("x = { (a): 1 }") == "(= x (map (a 1)))");
    CHECK(tree("{a: 1}") == "(map (:a 1))");
    CHECK(tree("{\"s\": 1}") == "(map (\"s\" 1))");
    CHECK(tree("{1: 2}") == "(map (1 2))");
    CHECK(tree("{}") == "(map)");
    CHECK(tree("{ x }") == "(block x)");
    CHECK(tree("{\n  let a = 1\n  a\n}") == "(block (let a 1) a)");
}

TEST_CASE("parser: strings with ${} become interpolations", "[parser]") {
    CHECK(tree("\"plain\"") == "\"plain\"");
    CHECK(tree("\"a${b}c\"") == "(interp \"a\" b \"c\")");
    CHECK(tree("\"${a}${b + 1}\"") == "(interp a (+ b 1))");
    CHECK(tree("\"x ${ {k: 1}[:k] } y\"") == "(interp \"x \" (index (map (:k 1)) :k) \" y\")");
    CHECK(tree("\"${\"in ${x}\"}\"") == "(interp (interp \"in \" x))");
    CHECK(tree("\"\\${x}\"") == "\"\\${x}\"");  // \$ is a plain '$'
    CHECK(tree("\"${ f(a,\n b) }\"") == "(interp (call f a b))");
}

TEST_CASE("parser: interpolated expressions are located in the module", "[parser]") {
    const std::unique_ptr<Parsed> parsed = parse("x = 1\ny = \"ab ${x + z}\"");
    REQUIRE(parsed->ok);
    const Expr* interp = parsed->module.stmts[1]->value->b;
    REQUIRE(interp->kind == ExprKind::Interp);
    const Expr* sum = interp->parts[1].expr;
    CHECK(sum->loc.line == 2);
    CHECK(sum->loc.col == 13);       // the '+'
    CHECK(sum->a->loc.col == 11);    // x
    CHECK(sum->b->loc.col == 15);    // z
}

TEST_CASE("parser: function expressions", "[parser]") {
    CHECK(tree("let f = fn(x) { x * x }") == "(let f (fn (x) (block (* x x))))");
    CHECK(tree("let f = fn() {}") == "(let f (fn () (block)))");
    CHECK(tree("f(fn(a, b = 2, ...r) {\n  a\n})") == "(call f (fn (a (b = 2) ...r) (block a)))");
    CHECK(tree("fn(x) { x }(1)") == "(call (fn (x) (block x)) 1)");
}

// ---- control ------------------------------------------------------------------

TEST_CASE("parser: if, else if, else", "[parser]") {
    CHECK(tree("if c { 1 }") == "(if c (block 1))");
    CHECK(tree("if c { 1 } else { 2 }") == "(if c (block 1) (block 2))");
    CHECK(tree("if a { 1 } else if b { 2 } else { 3 }") == "(if a (block 1) (if b (block 2) (block 3)))");
    CHECK(tree("if a {\n  1\n}\nelse if b {\n  2\n}\n# note\nelse {\n  3\n}") ==
          "(if a (block 1) (if b (block 2) (block 3)))");
    CHECK(tree("let x = if a { 1 } else { 2 }") == "(let x (if a (block 1) (block 2)))");
    CHECK(tree("if f(x) {}") == "(if (call f x) (block))");
    CHECK(tree("if a\n{\n  1\n}") == "(if a (block 1))");
}

TEST_CASE("parser: while and for loops, break and continue", "[parser]") {
    CHECK(tree("while x < 10 { x += 1 }") == "(while (< x 10) (block (+= x 1)))");
    CHECK(tree("for x in xs { print(x) }") == "(for x xs (block (call print x)))");
    CHECK(tree("for (k, v) in m { break }") == "(for (tuple k v) m (block (break)))");
    CHECK(tree("for _ in 0..3 { continue }") == "(for _ (.. 0 3) (block (continue)))");
}

TEST_CASE("parser: return, with a value or without one", "[parser]") {
    CHECK(tree("fn f() { return }") == "(fn f () (block (return)))");
    CHECK(tree("fn f() { return 1 + 2 }") == "(fn f () (block (return (+ 1 2))))");
    CHECK(tree("fn f() {\n  return\n  g()\n}") == "(fn f () (block (return) (call g)))");
    CHECK(tree("fn f() { return; g() }") == "(fn f () (block (return) (call g)))");
    CHECK(tree("f(return)") == "(call f (return))");
}

TEST_CASE("parser: raise and try", "[parser]") {
    CHECK(tree("raise {kind: :x, msg: \"m\"}") == "(raise (map (:kind :x) (:msg \"m\")))");
    CHECK(tree("try { risky() } catch e { handle(e) }") == "(try (block (call risky)) e (block (call handle e)))");
    CHECK(tree("try { a } catch _ { b }") == "(try (block a) _ (block b))");
    CHECK(tree("try { a } catch { b }") == "(try (block a) _ (block b))");
    CHECK(tree("try {\n  a\n}\ncatch e {\n  b\n}") == "(try (block a) e (block b))");
    CHECK(tree("let v = try { f() } catch e { e.kind }") == "(let v (try (block (call f)) e (block (. e kind))))");
}

TEST_CASE("parser: match arms, guards and separators", "[parser]") {
    CHECK(tree("match v { 0 => a, 1 => b }") == "(match v (arm 0 a) (arm 1 b))");
    CHECK(tree("match v {\n  0 => a\n  _ => b\n}") == "(match v (arm 0 a) (arm _ b))");
    CHECK(tree("match v {\n  0 => a,\n\n  _ => b,\n}") == "(match v (arm 0 a) (arm _ b))");
    CHECK(tree("match v { (x, y) if x > y => x }") == "(match v (arm (tuple x y) (guard (> x y)) x))");
    CHECK(tree("match v { x => { print(x); x } }") == "(match v (arm x (block (call print x) x)))");
    CHECK(tree("match v { _ => n += 1 }") == "(match v (arm _ (+= n 1)))");
    CHECK(tree("match v {}") == "(match v)");
    CHECK(tree("match f(v) { _ => 1 }") == "(match (call f v) (arm _ 1))");
}

// ---- patterns -----------------------------------------------------------------

TEST_CASE("parser: every kind of pattern", "[parser]") {
    CHECK(tree("match v { _ => 0 }") == "(match v (arm _ 0))");
    CHECK(tree("match v { x => 0 }") == "(match v (arm x 0))");
    CHECK(tree("match v { ^x => 0 }") == "(match v (arm ^x 0))");
    CHECK(tree("match v { 1 => 0, -2 => 0, 2.5 => 0, -0.5 => 0 }") ==
          "(match v (arm 1 0) (arm -2 0) (arm 2.5 0) (arm -0.5 0))");
    CHECK(tree("match v { \"s\" => 0, :sym => 0, true => 0, false => 0, nil => 0 }") ==
          "(match v (arm \"s\" 0) (arm :sym 0) (arm true 0) (arm false 0) (arm nil 0))");
    CHECK(tree("match v { () => 0, (a,) => 0, (a, (b, c)) => 0, (a) => 0 }") ==
          "(match v (arm (tuple) 0) (arm (tuple a) 0) (arm (tuple a (tuple b c)) 0) (arm a 0))");
    CHECK(tree("match v { [] => 0, [a, b] => 0, [a, ..rest] => 0, [a, ..] => 0, [..all] => 0 }") ==
          "(match v (arm (array) 0) (arm (array a b) 0) (arm (array a ..rest) 0) (arm (array a ..) 0) "
          "(arm (array ..all) 0))");
    CHECK(tree("match v { {op: :read, name} => 0, {\"k\": [x], 1: _} => 0, {} => 0 }") ==
          "(match v (arm (map (:op :read) (:name name)) 0) (arm (map (\"k\" (array x)) (1 _)) 0) (arm (map) 0))");
    CHECK(tree("match v { 0 | 1 | -1 => 0 }") == "(match v (arm (| 0 1 -1) 0))");
    CHECK(tree("match v { (0 | 1, x) => x }") == "(match v (arm (tuple (| 0 1) x) x))");
    CHECK(tree("match v { -9223372036854775808 => 0 }") == "(match v (arm -9223372036854775808 0))");
}

TEST_CASE("parser: the parts of a pattern are recorded in the tree", "[parser]") {
    const std::unique_ptr<Parsed> parsed = parse("let [a, ..rest] = xs\nlet {k: ^p, n} = m\nlet [.._] = xs");
    REQUIRE(parsed->ok);
    const Pattern* array = parsed->module.stmts[0]->pattern;
    CHECK(array->kind == PatternKind::Array);
    CHECK(array->has_rest);
    CHECK(array->name == "rest");
    REQUIRE(array->items.size() == 1);
    CHECK(array->items[0]->kind == PatternKind::Bind);

    const Pattern* map = parsed->module.stmts[1]->pattern;
    REQUIRE(map->entries.size() == 2);
    CHECK(map->entries[0].key->kind == ExprKind::Symbol);
    CHECK(map->entries[0].value->kind == PatternKind::Pin);
    CHECK(map->entries[0].value->literal->kind == ExprKind::Name);
    CHECK(map->entries[0].value->literal->text == "p");
    CHECK(map->entries[1].key->text == "n");
    CHECK(map->entries[1].value->kind == PatternKind::Bind);
    CHECK(map->entries[1].value->name == "n");

    const Pattern* all = parsed->module.stmts[2]->pattern;
    CHECK(all->has_rest);
    CHECK(all->name.empty());
}

// ---- statements ---------------------------------------------------------------

TEST_CASE("parser: let with patterns, and var", "[parser]") {
    CHECK(tree("let x = 1") == "(let x 1)");
    CHECK(tree("let (a, b) = pair") == "(let (tuple a b) pair)");
    CHECK(tree("let [first, ..rest] = xs") == "(let (array first ..rest) xs)");
    CHECK(tree("let {name, age: a} = person") == "(let (map (:name name) (:age a)) person)");
    CHECK(tree("let _ = f()") == "(let _ (call f))");
    CHECK(tree("let x =\n  1") == "(let x 1)");
    CHECK(tree("var n = 0") == "(var n 0)");
    CHECK(tree("var n") == "(var n)");
}

TEST_CASE("parser: function declarations", "[parser]") {
    CHECK(tree("fn add(a, b) { a + b }") == "(fn add (a b) (block (+ a b)))");
    CHECK(tree("fn greet(name, greeting = \"hello\") { 1 }") == "(fn greet (name (greeting = \"hello\")) (block 1))");
    CHECK(tree("fn sum(...xs) { xs }") == "(fn sum (...xs) (block xs))");
    CHECK(tree("fn f(a, b = 1, ...c,) {}") == "(fn f (a (b = 1) ...c) (block))");
    CHECK(tree("fn outer() {\n  fn inner() { 1 }\n  inner()\n}") ==
          "(fn outer () (block (fn inner () (block 1)) (call inner)))");
    CHECK(tree("fn f()\n{\n}") == "(fn f () (block))");
}

TEST_CASE("parser: imports", "[parser]") {
    CHECK(tree("import io") == "(import io)");
    CHECK(tree("import io as i") == "(import io as i)");
    CHECK(tree("import \"lib/util.vb\" as util") == "(import \"lib/util.vb\" as util)");

    const std::unique_ptr<Parsed> parsed = parse("import \"lib/util.vb\" as util\nimport io as i");
    REQUIRE(parsed->ok);
    const Stmt* file = parsed->module.stmts[0];
    CHECK(file->kind == StmtKind::Import);
    CHECK(file->import_is_file);
    CHECK(file->import_path == "lib/util.vb");
    CHECK(file->name == "util");
    const Stmt* stdlib = parsed->module.stmts[1];
    CHECK_FALSE(stdlib->import_is_file);
    CHECK(stdlib->import_path == "io");
    CHECK(stdlib->name == "i");
}

TEST_CASE("parser: assignment and compound assignment", "[parser]") {
    CHECK(tree("x = 1") == "(= x 1)");
    CHECK(tree("a[i] = v") == "(= (index a i) v)");
    CHECK(tree("m.name = v") == "(= (. m name) v)");
    CHECK(tree("x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; s ++= \"!\"") ==
          "(+= x 1)\n(-= x 1)\n(*= x 2)\n(/= x 2)\n(//= x 2)\n(%= x 2)\n(++= s \"!\")");

    const std::unique_ptr<Parsed> parsed = parse("x = 1\ny += 2");
    REQUIRE(parsed->ok);
    CHECK(parsed->module.stmts[0]->value->kind == ExprKind::Assign);
    CHECK(parsed->module.stmts[0]->value->op == Op::None);
    CHECK(parsed->module.stmts[1]->value->op == Op::Add);
}

TEST_CASE("parser: statements are separated by newlines or semicolons", "[parser]") {
    CHECK(tree("a; b\nc;") == "a\nb\nc");
    CHECK(tree("\n\n  a  \n\n# comment\n\n b\n\n") == "a\nb");
    CHECK(tree("#!/usr/bin/env vb\nprint(1)") == "(call print 1)");
    CHECK(tree("") == "");
}

// ---- locations ----------------------------------------------------------------

TEST_CASE("parser: nodes are located at their first token, or at their operator", "[parser]") {
    const std::unique_ptr<Parsed> parsed = parse("let x = a + f(b)[c].d\n  y = 2");
    REQUIRE(parsed->ok);
    const Stmt* let = parsed->module.stmts[0];
    CHECK(let->loc.line == 1);
    CHECK(let->loc.col == 1);
    CHECK(let->pattern->loc.col == 5);
    const Expr* sum = let->value;
    CHECK(sum->kind == ExprKind::Binary);
    CHECK(sum->loc.col == 11);                // '+'
    CHECK(sum->a->loc.col == 9);              // a
    const Expr* field = sum->b;
    CHECK(field->kind == ExprKind::Field);
    CHECK(field->loc.col == 20);              // '.'
    CHECK(field->a->kind == ExprKind::Index);
    CHECK(field->a->loc.col == 17);           // '['
    CHECK(field->a->a->kind == ExprKind::Call);
    CHECK(field->a->a->loc.col == 14);        // '('

    const Expr* assign = parsed->module.stmts[1]->value;
    CHECK(assign->loc.line == 2);
    CHECK(assign->loc.col == 5);              // '='
    CHECK(assign->a->loc.col == 3);
}

// ---- errors -------------------------------------------------------------------

TEST_CASE("parser: a compile error renders in the format of docs/language.md", "[parser][diagnostics]") {
    const std::unique_ptr<Parsed> parsed = parse("let ok = 1\nlet y = 2\nlet x = (1 + )\n");
    CHECK_FALSE(parsed->ok);
    CHECK(parsed->diagnostics->render() ==
          "error: expected an expression, found ')'\n"
          "  --> test.vb:3:14\n"
          "   |\n"
          " 3 | let x = (1 + )\n"
          "   |              ^\n");
}

TEST_CASE("parser: hints, wide line numbers, tabs and several errors render too", "[parser][diagnostics]") {
    std::string source(9, '\n');
    source += "if x = 1 { }\n\tlet = 2\n";
    const std::unique_ptr<Parsed> parsed = parse(source);
    CHECK(parsed->diagnostics->render() ==
          "error: expected '{' after the condition of 'if', found '='\n"
          "   --> test.vb:10:6\n"
          "    |\n"
          " 10 | if x = 1 { }\n"
          "    |      ^\n"
          "    = hint: to compare two values, use '=='\n"
          "\n"
          "error: expected a pattern, found '='\n"
          "   --> test.vb:11:6\n"
          "    |\n"
          " 11 | \tlet = 2\n"
          "    | \t    ^\n");
}

TEST_CASE("parser: carets underline the token and stop at the end of the line", "[diagnostics]") {
    const std::string source = "x = \xC3\xA9 + y\nz";
    Diagnostics diagnostics("d.vb", source);
    diagnostics.error(Loc{1, 9}, "long", "", 50);
    diagnostics.error(Loc{1, 5}, "wide", "", 2);
    diagnostics.error(Loc{3, 1}, "past the end");
    const std::vector<Diagnostic>& all = diagnostics.all();
    REQUIRE(all.size() == 3);
    CHECK(all[0].path == "d.vb");
    CHECK(diagnostics.render() ==
          "error: long\n  --> d.vb:1:9\n   |\n 1 | x = \xC3\xA9 + y\n   |        ^^\n\n"
          "error: wide\n  --> d.vb:1:5\n   |\n 1 | x = \xC3\xA9 + y\n   |     ^\n\n"
          "error: past the end\n  --> d.vb:3:1\n   |\n 3 | \n   | ^\n");
}

TEST_CASE("parser: diagnostics stop recording after 20 errors", "[diagnostics]") {
    std::string source;
    for (int i = 0; i < 30; ++i)
        source += "let = 1\n";
    const std::unique_ptr<Parsed> parsed = parse(source);
    CHECK(parsed->diagnostics->all().size() == 20);
    CHECK(parsed->diagnostics->has_errors());
    CHECK(parsed->diagnostics->path() == "test.vb");
}

TEST_CASE("parser: errors say what was expected, where, and what was found", "[parser]") {
    SECTION("an unclosed bracket names the opener") {
        const Diagnostic error = error_of("fn f() {\n  foo(1, 2\n}");
        CHECK(error.message == "expected ')' to close the '(' at 2:6, found '}'");
        CHECK(error.loc.line == 3);
        CHECK(error.loc.col == 1);
        CHECK(error_of("{\n  x = [1, 2\n}").message == "expected ']' to close the '[' at 2:7, found '}'");
        CHECK(error_of("{\n  x = [1, 2\n  y\n}").message == "expected ',' or ']' after the element, found 'y'");
        // The last '}' closes the map, so the block is left open too.
        CHECK(messages("{\n  x = {a: 1\n  y = 2\n}") ==
              std::vector<std::string>{"expected ',' or '}' after the entry, found 'y'",
                                       "expected '}' to close the '{' at 1:1, found end of input"});
        CHECK(error_of("fn f() {\n  x\n").message == "expected '}' to close the '{' at 1:8, found end of input");
    }
    SECTION("a missing comma") {
        const Diagnostic error = error_of("print(x y)");
        CHECK(error.message == "expected ',' or ')' after the argument, found 'y'");
        CHECK(error.loc.col == 9);
    }
    SECTION("missing pieces of statements") {
        CHECK(error_of("let = 1").message == "expected a pattern, found '='");
        CHECK(error_of("let x\n").message == "expected '=' after the pattern of 'let', found end of line");
        CHECK(error_of("let x\n").hint == "a 'let' needs a value; for a variable that starts as nil, write 'var name'");
        CHECK(error_of("var if = 1").message == "expected a name after 'var', found 'if'");
        CHECK(error_of("var if = 1").hint == "'if' is a keyword, so it cannot be a name");
        CHECK(error_of("var (a, b) = p").message == "'var' declares a single name");
        CHECK(error_of("import \"x.vb\"\n").message ==
              "expected 'as' and a name after the path of a file import, found end of line");
        CHECK(error_of("import 42").message == "expected a module name or a quoted file path after 'import', found '42'");
        CHECK(error_of("fn f { }").message == "expected '(' after the function name, found '{'");
        CHECK(error_of("fn f() 1").message == "expected '{' to start the body of the function, found '1'");
        CHECK(error_of("let f = fn g(x) { x }").message == "expected '(' after 'fn', found 'g'");
        CHECK(error_of("try { a } b").message == "expected 'catch' after the block of 'try', found 'b'");
        CHECK(error_of("for x xs { }").message == "expected 'in' after the pattern of 'for', found 'xs'");
        CHECK(error_of("x = 1 2").message == "expected end of statement, found '2'");
        CHECK(error_of("x = {k + 1: 2}").hint == "a map key that is an expression goes in parentheses, as in {(k): v}");
        CHECK(error_of("x.0").message == "expected a field name after '.', found '0'");
        CHECK(error_of(")").message == "unmatched ')'");
    }
    SECTION("if and while want a block after the condition") {
        const Diagnostic error = error_of("if x > 0 print(x)");
        CHECK(error.message == "expected '{' after the condition of 'if', found 'print'");
        CHECK(error.hint == "the body of an 'if' is a block, as in if x > 0 { ... }");
        CHECK(error_of("while x = 1 { }").hint == "to compare two values, use '=='");
        CHECK(error_of("if a { } else b").message == "expected '{' or 'if' after 'else', found 'b'");
    }
    SECTION("words of other languages get a hint") {
        CHECK(error_of("if a { 1 } elif b { 2 }").hint == "write 'else if'");
        CHECK(error_of("if a { 1 }\nelsif b { 2 }").message == "unknown keyword 'elsif'");
        const Diagnostic def = error_of("def foo(a) { a }");
        CHECK(def.message == "unknown keyword 'def'");
        CHECK(def.hint == "functions are declared with 'fn', as in fn name(a, b) { ... }");
        CHECK(def.length == 3);
        CHECK(error_of("function foo() {}").message == "unknown keyword 'function'");
        CHECK(error_of("const x = 1").message == "unknown keyword 'const'");
        // Used as plain names they are fine.
        CHECK(tree("def = 1\nelif(2)\nif a { 1 }\nelif = 3") == "(= def 1)\n(call elif 2)\n(if a (block 1))\n(= elif 3)");
    }
    SECTION("assignments need an assignable target") {
        const Diagnostic call = error_of("f() = 1");
        CHECK(call.message == "cannot assign to this expression");
        CHECK(call.loc.col == 1);
        CHECK(error_of("x + 1 = 2").loc.col == 1);
        CHECK(error_of("(a, b) = p").hint == "to take a value apart, use 'let' with a pattern, as in let (a, b) = pair");
        CHECK(error_of("f(x = 1)").message == "expected ',' or ')' after the argument, found '='");
    }
    SECTION("comparisons do not chain") {
        const Diagnostic error = error_of("a < b < c");
        CHECK(error.message == "comparisons cannot be chained");
        CHECK(error.loc.col == 7);
        CHECK(error_of("a == b not in c").message == "comparisons cannot be chained");
        CHECK(error_of("a not b").message == "expected 'in' after 'not', found 'b'");
    }
    SECTION("maps and patterns") {
        const Diagnostic shorthand = error_of("x = {a: 1, b}");
        CHECK(shorthand.message == "expected ':' and a value after the map key 'b'");
        CHECK(shorthand.hint == "the shorthand {b} is only for patterns; in a map write {b: b}");
        CHECK(shorthand.loc.col == 12);
        CHECK(error_of("x = {a: 1 b: 2}").message == "expected ',' or '}' after the entry, found 'b'");
        CHECK(error_of("let [a, ..r, b] = xs").message == "nothing may follow the rest pattern '..r'");
        CHECK(error_of("match v { 1 -> 2 }").message == "expected '=>' after the pattern of a match arm, found '-'");
        CHECK(error_of("match v { x if x > 1 : 2 }").message ==
              "expected '=>' after the guard of a match arm, found ':'");
        CHECK(error_of("match v { 1 => 2 3 => 4 }").message == "expected ',' or a new line after the match arm, found '3'");
        CHECK(error_of("match v { f(x) => 1 }").message == "expected '=>' after the pattern of a match arm, found '('");
        CHECK(error_of("match v { \"${x}\" => 1 }").message == "a pattern cannot contain '${}'");
        CHECK(error_of("let {if} = m").message == "expected a map key, found 'if'");
        CHECK(error_of("let - x = 1").message == "expected a number after '-' in a pattern, found 'x'");
        CHECK(error_of("let ^ = 1").message == "expected a variable name after '^', found '='");
    }
    SECTION("parameters") {
        CHECK(error_of("fn f(a = 1, b) {}").message == "parameter 'b' needs a default value, since a parameter before it has one");
        CHECK(error_of("fn f(...a, b) {}").message == "the rest parameter '...a' must be the last parameter");
        CHECK(error_of("fn f(...a = []) {}").message == "a rest parameter cannot have a default value");
        CHECK(error_of("fn f(a, a) {}").message == "duplicate parameter 'a'");
        CHECK(tree("fn f(_, _) {}") == "(fn f (_ _) (block))");
        CHECK(error_of("fn f(1) {}").message == "expected a parameter name, found '1'");
    }
    SECTION("interpolation") {
        const Diagnostic empty = error_of("x = \"a ${} b\"");
        CHECK(empty.message == "empty '${}' in a string");
        CHECK(empty.loc.col == 10);
        const Diagnostic unfinished = error_of("x = \"${1 +}\"");
        CHECK(unfinished.message == "expected an expression, found '}'");
        CHECK(unfinished.loc.col == 11);
        CHECK(error_of("x = \"${a b}\"").message == "expected '}' to end the expression in '${}', found 'b'");
        const Diagnostic inner = error_of("x = 1\ny = \"v: ${f(x @)}\"");
        CHECK(inner.message == "unexpected character '@'");
        CHECK(inner.loc.line == 2);
        CHECK(inner.loc.col == 15);
    }
}

TEST_CASE("parser: an error token is reported once, with no follow-on errors", "[parser]") {
    CHECK(messages("let x = 1 @ 2") == std::vector<std::string>{"unexpected character '@'"});
    CHECK(messages("x = 'a'") == std::vector<std::string>{"unexpected character '''"});
    CHECK(messages("x = a && b") == std::vector<std::string>{"'&&' is not a vb operator"});
    CHECK(messages("x = \"\\q\" + 1\ny = 2") == std::vector<std::string>{"unknown escape sequence '\\q'"});
    CHECK(messages("fn f() {\n  print(\"abc)\n}\n") == std::vector<std::string>{"unterminated string"});
    CHECK(messages("x = 12abc + 1") == std::vector<std::string>{"invalid number '12abc'"});
}

TEST_CASE("parser: after an error, parsing resumes at the next statement", "[parser]") {
    const std::unique_ptr<Parsed> parsed = parse(
        "let a = 1\n"
        "let b = (1 + )\n"
        "let c = 3\n"
        "fn f() {\n"
        "  let = 2\n"
        "  print(\"in f\")\n"
        "  x = [1, 2\n"
        "}\n"
        "if x = 1 { }\n"
        "let d = 4\n");
    std::vector<uint32_t> lines;
    for (const Diagnostic& diagnostic : parsed->diagnostics->all())
        lines.push_back(diagnostic.loc.line);
    CHECK(lines == std::vector<uint32_t>{2, 5, 8, 9});
    CHECK_FALSE(parsed->diagnostics->incomplete);
    // Statements without errors are all there, in and out of the function.
    CHECK(dump_ast(parsed->module) ==
          "(let a 1)\n(let c 3)\n(fn f () (block (call print \"in f\")))\n(let d 4)\n");
}

TEST_CASE("parser: errors on one line separated by ';' are reported separately", "[parser]") {
    CHECK(messages("let = 1; let = 2; x = 3") ==
          std::vector<std::string>{"expected a pattern, found '='", "expected a pattern, found '='"});
}

TEST_CASE("parser: input that ends inside an open construct is incomplete", "[parser]") {
    CHECK(incomplete("if x {"));
    CHECK(incomplete("if x {\n  print(1)\n"));
    CHECK(incomplete("foo(1,"));
    CHECK(incomplete("foo(\n  1,\n"));
    CHECK(incomplete("let x = 1 +\n"));
    CHECK(incomplete("let x =\n"));
    CHECK(incomplete("[1, 2"));
    CHECK(incomplete("match x {\n  1 => 2\n"));
    CHECK(incomplete("fn f()\n"));
    CHECK(incomplete("try { a }\n"));
    CHECK(incomplete("x = \"abc"));
    CHECK(incomplete("x = \"abc\ndef\n"));
    CHECK(incomplete("x = \"a ${b"));
    CHECK(incomplete("xs\n  |> f\n  |>\n"));
}

TEST_CASE("parser: complete input, or input with an earlier error, is not incomplete", "[parser]") {
    CHECK_FALSE(incomplete("x = 1\n"));
    CHECK_FALSE(incomplete("x )\n"));
    CHECK_FALSE(incomplete("let x\n"));
    CHECK_FALSE(incomplete("import \"x.vb\"\n"));
    CHECK_FALSE(incomplete("let = 1\nif x {\n"));
    CHECK_FALSE(incomplete("x = \"${1 +}\""));  // the end of an interpolation is not the end of input
    CHECK_FALSE(incomplete("x = \"\\q\"\n"));
}

TEST_CASE("parser: running out of input inside nested constructs is one error", "[parser]") {
    CHECK(messages("fn f() {\n  if x {\n    g(1") ==
          std::vector<std::string>{"expected ')' to close the '(' at 3:6, found end of input"});
}

TEST_CASE("parser: nesting is limited, with an error instead of a crash", "[parser]") {
    const auto nested = [](const std::string& open, const std::string& middle, const std::string& close, int n) {
        std::string source = "x = ";
        for (int i = 0; i < n; ++i)
            source += open;
        source += middle;
        for (int i = 0; i < n; ++i)
            source += close;
        return source;
    };
    const std::string kTooDeep = "this is nested too deeply (more than 500 levels)";

    CHECK(parse(nested("(", "1", ")", 400))->ok);
    CHECK(parse(nested("[", "", "]", 400))->ok);
    CHECK(parse(nested("{ ", "1", " }", 400))->ok);
    CHECK(parse(nested("-", "x", "", 400))->ok);

    for (int n : {600, 100000}) {
        CHECK(messages(nested("(", "1", ")", n)) == std::vector<std::string>{kTooDeep});
        CHECK(messages(nested("[", "", "]", n)) == std::vector<std::string>{kTooDeep});
        CHECK(messages(nested("{ ", "1", " }", n)) == std::vector<std::string>{kTooDeep});
        CHECK(messages(nested("not ", "x", "", n)) == std::vector<std::string>{kTooDeep});
        CHECK(messages(nested("fn() { ", "", " }", n)) == std::vector<std::string>{kTooDeep});
        CHECK(messages("let " + nested("(", "a", ",)", n).substr(4) + " = 1") == std::vector<std::string>{kTooDeep});
        CHECK(messages(nested("(", "", "", n)) == std::vector<std::string>{kTooDeep});
    }

    // Long operator chains build deep trees too, so they count as nesting.
    std::string chain = "x = 1";
    for (int i = 0; i < 100000; ++i)
        chain += " + 1";
    CHECK(messages(chain) == std::vector<std::string>{kTooDeep});
    std::string else_ifs = "if a {}";
    for (int i = 0; i < 100000; ++i)
        else_ifs += " else if a {}";
    CHECK(messages(else_ifs) == std::vector<std::string>{kTooDeep});
}
