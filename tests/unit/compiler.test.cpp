// tests/unit/compiler.test.cpp — unit tests of compiler/compile.{h,cpp}, the
// compiler's one public entry.
//
// Diagnostics as the user sees them (undefined names with a did-you-mean hint,
// assignment to `let`, import cycles, `break` outside a loop, several errors in
// one file, `incomplete` for input that ends inside an open construct), and the
// code chosen for a few constructs, read from the disassembly (vm/isa/disasm.h):
// tail calls, integer for-loops, immediate adds, compare-and-jump, captured vars.
#include "compiler/compile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <unistd.h>

#include "vm/image/verifier.h"
#include "vm/isa/disasm.h"

using namespace vb;
using namespace vb::compiler;

namespace {

const std::vector<std::string>& builtins() {
    static const std::vector<std::string> names = [] {
        CompileResult prelude = compile_prelude();
        REQUIRE(prelude.ok);
        return prelude.image.modules[prelude.image.entry].globals;
    }();
    return names;
}

CompileResult compile(const std::string& source, const std::string& path = "test.vb", bool repl = false) {
    CompileOptions options;
    options.builtins = builtins();
    options.repl = repl;
    return compile_program(path, source, options);
}

// The rendered errors of a program that must not compile.
std::string errors_of(const std::string& source) {
    CompileResult result = compile(source);
    REQUIRE_FALSE(result.ok);
    REQUIRE_FALSE(result.errors.empty());
    return result.errors;
}

size_t count_of(const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) n++;
    return n;
}

// The disassembly of the function called `name` in the program's entry module.
std::string listing(const std::string& source, const std::string& name) {
    CompileResult result = compile(source);
    INFO(result.errors);
    REQUIRE(result.ok);
    image::VerifyResult check = image::verify(result.image, builtins().size());
    INFO(check.message());
    REQUIRE(check.ok);
    for (const image::Function& f : result.image.modules[result.image.entry].functions)
        if (f.name == name) return isa::disassemble(f);
    FAIL("no function named " << name);
    return {};
}

// True when some line of `listing` is the instruction `op` followed by operands
// matching `operands` (a regex), e.g. has(l, "AddI", "r\\d+ r0 129").
bool has(const std::string& listing, const std::string& op, const std::string& operands = ".*") {
    std::regex line("\\[\\s*\\d+\\]  " + op + "\\s+" + operands + "(\\s|$)");
    return std::regex_search(listing, line);
}

// The opcode names of a listing, in order.
std::vector<std::string> opcodes(const std::string& listing) {
    std::vector<std::string> out;
    std::regex line("\\]  (\\w+)");
    for (auto it = std::sregex_iterator(listing.begin(), listing.end(), line); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

// A directory of source files for the tests that import, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("vb_compiler_test_" + std::to_string(getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::filesystem::path file = path / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file) << text;
        return file.string();
    }
};

}  // namespace

// ---- diagnostics ----------------------------------------------------------------

TEST_CASE("compiler: a valid program compiles to a verifiable image", "[compiler]") {
    CompileResult result = compile("let x = 1\nprint(x + 2)\n");
    INFO(result.errors);
    REQUIRE(result.ok);
    CHECK(result.errors.empty());
    CHECK_FALSE(result.incomplete);
    REQUIRE(result.image.entry < result.image.modules.size());
    CHECK(result.image.modules[result.image.entry].path == "test.vb");
    CHECK(image::verify(result.image, builtins().size()).ok);
}

TEST_CASE("compiler: undefined name with a did-you-mean hint", "[compiler][diagnostics]") {
    std::string errors = errors_of("let count = 1\nprint(cuont)\n");
    CHECK_THAT(errors, Catch::Contains("error: undefined name 'cuont'"));
    CHECK_THAT(errors, Catch::Contains("--> test.vb:2:7"));
    CHECK_THAT(errors, Catch::Contains(" 2 | print(cuont)"));
    CHECK_THAT(errors, Catch::Contains("^^^^^"));
    CHECK_THAT(errors, Catch::Contains("= hint: did you mean 'count'?"));
    // Builtins are candidates too.
    CHECK_THAT(errors_of("pritn(1)\n"), Catch::Contains("did you mean 'print'?"));
    // Nothing close: no hint.
    std::string far = errors_of("let alpha = 1\nprint(zzzzzzzzzz)\n");
    CHECK_THAT(far, Catch::Contains("undefined name 'zzzzzzzzzz'"));
    CHECK_THAT(far, !Catch::Contains("did you mean"));
}

TEST_CASE("compiler: an undefined name is an error even in a function never called", "[compiler][diagnostics]") {
    CHECK_THAT(errors_of("fn never() { missing_thing }\n"), Catch::Contains("undefined name 'missing_thing'"));
    // A name declared in an inner block is not visible after it.
    CHECK_THAT(errors_of("if true { let inner = 1 }\nprint(inner)\n"), Catch::Contains("undefined name 'inner'"));
}

TEST_CASE("compiler: assignment to a let is an error with a hint to use var", "[compiler][diagnostics]") {
    std::string errors = errors_of("let total = 0\ntotal = 1\n");
    CHECK_THAT(errors, Catch::Contains("error: cannot assign to 'total': it is not a `var`"));
    CHECK_THAT(errors, Catch::Contains("--> test.vb:2:1"));
    CHECK_THAT(errors, Catch::Contains("= hint: declare it with `var total = ...` to make it mutable"));
    CHECK_THAT(errors_of("let t = 0\nt += 1\n"), Catch::Contains("cannot assign to 't'"));
    CHECK_THAT(errors_of("fn f(a) { a = 2 }\n"), Catch::Contains("cannot assign to 'a'"));
    CHECK_THAT(errors_of("fn f() { let local = 1\n local = 2 }\n"), Catch::Contains("cannot assign to 'local'"));
    // A var may be assigned, also from an inner function.
    CHECK(compile("var total = 0\ntotal = 1\nfn f() { total += 1 }\n").ok);
}

TEST_CASE("compiler: an import cycle names the modules in it", "[compiler][diagnostics]") {
    TempDir dir;
    dir.write("lib/cyc_a.vb", "import \"cyc_b.vb\" as b\nfn a() { 1 }\n");
    dir.write("lib/cyc_b.vb", "import \"cyc_a.vb\" as a\nfn b() { 2 }\n");
    std::string main_source = "import \"lib/cyc_a.vb\" as a\nprint(\"never\")\n";
    std::string main_path = dir.write("main.vb", main_source);
    CompileResult result = compile(main_source, main_path);
    REQUIRE_FALSE(result.ok);
    INFO(result.errors);
    CHECK_THAT(result.errors, Catch::Contains("error: import cycle: "));
    std::regex cycle("import cycle: \\S*cyc_a\\.vb -> \\S*cyc_b\\.vb -> \\S*cyc_a\\.vb");
    CHECK(std::regex_search(result.errors, cycle));
    CHECK_THAT(result.errors, Catch::Contains("hint:"));

    // A module that imports itself is a cycle of one.
    std::string self = dir.write("self.vb", "import \"self.vb\" as me\n");
    CompileResult own = compile("import \"self.vb\" as me\n", self);
    REQUIRE_FALSE(own.ok);
    CHECK_THAT(own.errors, Catch::Contains("import cycle"));

    // Without the cycle, the same layout compiles.
    dir.write("lib/ok_a.vb", "import \"ok_b.vb\" as b\nfn a() { b.b() + 1 }\n");
    dir.write("lib/ok_b.vb", "fn b() { 2 }\n");
    std::string ok_source = "import \"lib/ok_a.vb\" as a\nprint(a.a())\n";
    CompileResult ok = compile(ok_source, dir.write("ok.vb", ok_source));
    INFO(ok.errors);
    CHECK(ok.ok);
}

TEST_CASE("compiler: a missing import file is an error naming it", "[compiler][diagnostics]") {
    TempDir dir;
    std::string source = "import \"nowhere.vb\" as n\n";
    CompileResult result = compile(source, dir.write("main.vb", source));
    REQUIRE_FALSE(result.ok);
    CHECK_THAT(result.errors, Catch::Contains("nowhere.vb"));
}

TEST_CASE("compiler: break and continue outside a loop", "[compiler][diagnostics]") {
    CHECK_THAT(errors_of("break\n"), Catch::Contains("error: `break` outside a loop"));
    CHECK_THAT(errors_of("fn f() { continue }\n"), Catch::Contains("error: `continue` outside a loop"));
    // A function body inside a loop is not inside the loop.
    std::string nested = errors_of("while true {\n  fn g() { break }\n}\n");
    CHECK_THAT(nested, Catch::Contains("`break` outside a loop"));
    CHECK_THAT(nested, Catch::Contains("--> test.vb:2:12"));
    CHECK(compile("for i in 0..3 { if i == 1 { continue }\n if i == 2 { break } }\n").ok);
}

TEST_CASE("compiler: several errors in one file are all reported", "[compiler][diagnostics]") {
    std::string errors = errors_of("print(aaa)\nprint(bbb)\nlet x = ccc\n");
    CHECK(count_of(errors, "error: ") == 3);
    CHECK_THAT(errors, Catch::Contains("undefined name 'aaa'") && Catch::Contains("--> test.vb:1:7"));
    CHECK_THAT(errors, Catch::Contains("undefined name 'bbb'") && Catch::Contains("--> test.vb:2:7"));
    CHECK_THAT(errors, Catch::Contains("undefined name 'ccc'") && Catch::Contains("--> test.vb:3:9"));
    // In source order, separated by blank lines.
    CHECK(errors.find("'aaa'") < errors.find("'bbb'"));
    CHECK(errors.find("'bbb'") < errors.find("'ccc'"));
    CHECK(count_of(errors, "\n\nerror: ") == 2);

    // Syntax errors in different statements are reported too (recovery at statement boundaries).
    std::string syntax = errors_of("let a = (1 + )\nlet b = 2\nlet c = * 3\n");
    CHECK(count_of(syntax, "error: ") == 2);
    CHECK_THAT(syntax, Catch::Contains("test.vb:1:14") && Catch::Contains("test.vb:3:"));
}

// FIXME: `break`/`continue` misuse is found by codegen, which runs only when name
// resolution succeeded and walks function bodies before the top level, so these
// errors are reported out of source order and are hidden by any undefined name.
TEST_CASE("compiler: errors of every phase are reported together, in source order",
          "[compiler][diagnostics]") {
    // `break` on line 1 and `continue` on line 2: the report should follow the source.
    std::string errors = errors_of("break\nfn f() { continue }\n");
    CHECK(count_of(errors, "error: ") == 2);
    CHECK(errors.find("`break`") < errors.find("`continue`"));
    // An undefined name elsewhere in the file should not hide the misplaced `break`.
    std::string mixed = errors_of("break\nprint(zzz)\n");
    CHECK_THAT(mixed, Catch::Contains("`break` outside a loop"));
    CHECK_THAT(mixed, Catch::Contains("undefined name 'zzz'"));
}

TEST_CASE("compiler: input that ends inside an open construct is incomplete", "[compiler][diagnostics]") {
    for (const char* source : {"fn f() {\n  1\n", "let x = (1 +\n", "let xs = [1, 2,\n", "let x = 1 +\n",
                               "if true {\n", "let m = {a: 1,\n", "fn f(a,\n"}) {
        CompileResult result = compile(source);
        INFO("source: " << source << "errors: " << result.errors);
        CHECK_FALSE(result.ok);
        CHECK(result.incomplete);
    }
    // The error for an unclosed block says what is missing.
    CHECK_THAT(compile("fn f() {\n  1\n").errors, Catch::Contains("expected '}' to close the '{' at 1:8"));
    // Errors that more input cannot fix are not incomplete.
    for (const char* source : {"let x = )\n", "let x = (1 + )\n", "print(undefined_x)\n", "}\n", "let = 3\n"}) {
        CompileResult result = compile(source);
        INFO("source: " << source);
        CHECK_FALSE(result.ok);
        CHECK_FALSE(result.incomplete);
    }
    // Complete input is not incomplete either.
    CompileResult done = compile("fn f() {\n  1\n}\n");
    CHECK(done.ok);
    CHECK_FALSE(done.incomplete);
}

TEST_CASE("compiler: an integer literal too large for 64 bits", "[compiler][diagnostics]") {
    std::string errors = errors_of("let x = 99999999999999999999\n");
    CHECK_THAT(errors, Catch::Contains("integer literal '99999999999999999999' is too large"));
    CHECK(compile("let x = 9223372036854775807\n").ok);
}

TEST_CASE("compiler: REPL mode keeps globals between lines", "[compiler][repl]") {
    CompileOptions options;
    options.builtins = builtins();
    options.repl = true;
    CompileResult first = compile_program("<repl>", "let x = 5\nvar y = 1\n", options);
    REQUIRE(first.ok);
    options.repl_globals = first.globals;
    CompileResult second = compile_program("<repl>", "x * 2 + y\n", options);
    INFO(second.errors);
    CHECK(second.ok);
    CompileResult third = compile_program("<repl>", "x = 6\n", options);
    CHECK_FALSE(third.ok);
    CHECK_THAT(third.errors, Catch::Contains("cannot assign to 'x'"));
    CHECK(compile_program("<repl>", "y = 6\n", options).ok);
}

// ---- code generation ----------------------------------------------------------

TEST_CASE("compiler: a call in tail position compiles to TailCall", "[compiler][codegen]") {
    std::string f = listing("fn f(n, acc) {\n  if n == 0 { return acc }\n  f(n - 1, acc + n)\n}\n", "f");
    INFO(f);
    CHECK(has(f, "TailCall"));
    CHECK_FALSE(has(f, "Call"));

    // `return g(x)` and both arms of an if are tail positions too.
    std::string g = listing("fn h(x) { x }\nfn g(x) { if x { return h(1) } else { h(2) } }\n", "g");
    INFO(g);
    CHECK(count_of(g, "TailCall") == 2);

    // Not in tail position: the result is used.
    std::string d = listing("fn d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }\n", "d");
    INFO(d);
    CHECK(has(d, "Call", "r\\d+ 1"));
    CHECK_FALSE(has(d, "TailCall"));

    // A call inside `try` is not a tail call: the handler must stay.
    std::string t = listing("fn t(f) { try { f() } catch e { 0 } }\n", "t");
    INFO(t);
    CHECK_FALSE(has(t, "TailCall"));
}

TEST_CASE("compiler: for i in 0..n uses ForPrep and ForLoop", "[compiler][codegen]") {
    std::string f = listing("fn f(n) {\n  var s = 0\n  for i in 0..n { s += i }\n  s\n}\n", "f");
    INFO(f);
    CHECK(has(f, "ForPrep"));
    CHECK(has(f, "ForLoop"));
    CHECK_FALSE(has(f, "IterPrep"));
    // ForLoop jumps back to the instruction after ForPrep.
    std::smatch prep, loop;
    REQUIRE(std::regex_search(f, prep, std::regex("\\s(\\d+)  \\[\\s*\\d+\\]  ForPrep\\s+r(\\d+) ->(\\d+)")));
    REQUIRE(std::regex_search(f, loop, std::regex("\\s(\\d+)  \\[\\s*\\d+\\]  ForLoop\\s+r(\\d+) ->(\\d+)")));
    CHECK(prep[2] == loop[2]);
    CHECK(std::stoi(loop[3]) == std::stoi(prep[1]) + 1);
    CHECK(std::stoi(prep[3]) == std::stoi(loop[1]) + 1);

    std::string incl = listing("fn g(n) { var s = 0\n for i in 1..=n { s += i }\n s }\n", "g");
    INFO(incl);
    CHECK(has(incl, "ForPrepIncl"));
    CHECK(has(incl, "ForLoopIncl"));

    // Other iterables go through the generic iterator protocol.
    std::string each = listing("fn h(xs) { var s = 0\n for x in xs { s += x }\n s }\n", "h");
    INFO(each);
    CHECK(has(each, "IterPrep"));
    CHECK(has(each, "IterNext"));
    CHECK_FALSE(has(each, "ForPrep"));
}

TEST_CASE("compiler: x + small constant uses AddI", "[compiler][codegen]") {
    std::string f = listing("fn f(x) { x + 1 }\n", "f");
    INFO(f);
    CHECK(has(f, "AddI", "r\\d+ r0 129"));  // C - 128 = 1
    CHECK_FALSE(has(f, "Add"));
    CHECK(has(listing("fn g(x) { x - 1 }\n", "g"), "AddI", "r\\d+ r0 127"));
    // Out of the immediate's range: the constant stays in the pool (AddK).
    std::string big = listing("fn k(x) { x + 100000 }\n", "k");
    INFO(big);
    CHECK(has(big, "AddK"));
    CHECK_FALSE(has(big, "AddI"));
    CHECK_FALSE(has(big, "LoadK"));
}

TEST_CASE("compiler: a numeric literal operand is a constant, not a register", "[compiler][codegen]") {
    std::string f = listing("fn f(x) { (x % 7) * 2.5 }\n", "f");
    INFO(f);
    CHECK(has(f, "ModK"));
    CHECK(has(f, "MulK"));
    CHECK_FALSE(has(f, "LoadInt"));
    CHECK_FALSE(has(f, "LoadK"));
    // Addition and multiplication commute, so a literal on the left works too.
    CHECK(has(listing("fn g(x) { 2.0 * x }\n", "g"), "MulK"));
    // Subtraction does not: `1.5 - x` keeps the literal in a register.
    CHECK_FALSE(has(listing("fn h(x) { 1.5 - x }\n", "h"), "SubK"));
}

TEST_CASE("compiler: compound field assignment uses GetField and SetField", "[compiler][codegen]") {
    std::string f = listing("fn f(m) { m.x += 1 }\n", "f");
    INFO(f);
    CHECK(has(f, "GetField"));
    CHECK(has(f, "SetField"));
    CHECK_FALSE(has(f, "SetIndex"));
}

TEST_CASE("compiler: if a < b compiles to TestLt and Jmp", "[compiler][codegen]") {
    std::string f = listing("fn f(a, b) { if a < b { 1 } else { 2 } }\n", "f");
    INFO(f);
    std::vector<std::string> ops = opcodes(f);
    REQUIRE(ops.size() >= 2);
    CHECK(ops[0] == "TestLt");
    CHECK(ops[1] == "Jmp");
    CHECK(has(f, "TestLt", "r0 r1 \\d"));
    CHECK_FALSE(has(f, "Lt"));  // no boolean is materialised
    CHECK_FALSE(has(f, "JmpIfNot"));
    // `a > b` is `b < a`; `a <= b` uses TestLe.
    CHECK(has(listing("fn g(a, b) { if a > b { 1 } else { 2 } }\n", "g"), "TestLt", "r1 r0 \\d"));
    CHECK(has(listing("fn h(a, b) { if a <= b { 1 } else { 2 } }\n", "h"), "TestLe", "r0 r1 \\d"));
    // A comparison used as a value is materialised with Lt.
    CHECK(has(listing("fn v(a, b) { a < b }\n", "v"), "Lt", "r\\d+ r0 r1"));
}

TEST_CASE("compiler: a captured var lives in a cell", "[compiler][codegen]") {
    const char* source = "fn counter() {\n  var c = 0\n  fn() { c += 1; c }\n}\n";
    std::string outer = listing(source, "counter");
    INFO(outer);
    CHECK(has(outer, "NewCell"));
    CHECK(has(outer, "Closure"));
    std::string inner = listing(source, "");
    INFO(inner);
    CHECK(has(inner, "GetUpCell", "r\\d+ u0"));
    CHECK(has(inner, "SetUpCell", "u0 r\\d+"));
    CHECK_THAT(inner, Catch::Contains("1 captures"));

    // A captured `let` is copied: no cell.
    const char* by_value = "fn adder(n) {\n  let k = n * 2\n  fn(x) { x + k }\n}\n";
    std::string outer_let = listing(by_value, "adder");
    INFO(outer_let);
    CHECK_FALSE(has(outer_let, "NewCell"));
    std::string inner_let = listing(by_value, "");
    INFO(inner_let);
    CHECK(has(inner_let, "GetUpval", "r\\d+ u0"));
    CHECK_FALSE(has(inner_let, "GetUpCell"));

    // A var that no closure captures stays in a register.
    std::string plain = listing("fn p() { var c = 0\n c += 1\n c }\n", "p");
    INFO(plain);
    CHECK_FALSE(has(plain, "NewCell"));
}

TEST_CASE("compiler: the line table follows the source", "[compiler][codegen]") {
    CompileResult result = compile("let a = 1\n\nlet b = a + 2\nprint(b)\n");
    REQUIRE(result.ok);
    const image::Function& top = result.image.modules[result.image.entry].functions[0];
    REQUIRE(top.lines.size() == top.code.size());
    std::set<uint32_t> lines(top.lines.begin(), top.lines.end());
    CHECK(lines.count(1));
    CHECK(lines.count(3));
    CHECK(lines.count(4));
    CHECK_FALSE(lines.count(2));
}
