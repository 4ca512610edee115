// tests/unit/interpreter.test.cpp — whole programs run in-process through the
// interpreter (vm/interp/interpreter.{h,cpp}) and the team's scheduler.
//
// The limits and the scheduling that the .vb golden suite cannot see from
// outside: overflow detection, deep non-tail recursion, unbounded tail calls,
// stack overflow caught as :stack_overflow, a heap limit that raises a catchable
// :out_of_memory after which the team keeps working, processes preempted by
// reductions, and a deadlock reported as :dead. A session is set up as the host
// does it (servers/host/main.cpp: start_session, run_image), and the standard
// streams are captured around each run.
#include "vm/interp/interpreter.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "tests/unit/program_run.h"
#include "vm/value_ops.h"

using namespace vb;
using namespace vb::testing;

namespace {

// Runs `source` in a fresh session and requires it to succeed.
std::string output_of(const std::string& source, TeamOptions options = {}) {
    Session session(options);
    ProgramRun r = session.run(source);
    INFO("stderr: " << r.err);
    REQUIRE(r.compiled);
    REQUIRE(r.status == 0);
    return r.out;
}


}  // namespace

TEST_CASE("interpreter: a program runs and prints", "[interpreter]") {
    CHECK(output_of("print(1 + 2)\nprint(\"a\", [1, 2.5], {k: :v})\n") == "3\na [1, 2.5] {k: :v}\n");
}

TEST_CASE("interpreter: REPL-style runs return the last value", "[interpreter]") {
    Session session;
    ProgramRun r = session.run("let x = 20\nx * 2 + 2", true);
    REQUIRE(r.status == 0);
    CHECK(to_repr(r.value) == "42");
    r = session.run("[1, \"two\"]", true);
    CHECK(to_repr(r.value) == "[1, \"two\"]");
}

TEST_CASE("interpreter: integer overflow raises :overflow", "[interpreter][arith]") {
    Session session;
    ProgramRun r = session.run("let big = 9223372036854775807\nprint(\"before\")\nprint(big + 1)\n");
    CHECK(r.status == 1);
    CHECK(r.out == "before\n");
    CHECK_THAT(r.err, Catch::Contains("error[:overflow]") && Catch::Contains(":3 in <main>"));

    r = session.run(R"(
let big = 9223372036854775807
let small = -9223372036854775807 - 1
for f in [fn() { big + 1 }, fn() { small - 1 }, fn() { big * 2 }, fn() { -small },
          fn() { small // -1 }, fn() { 3 ** 40 }, fn() { small * -1 }] {
  print(try { f() } catch e { e.kind })
}
print(big + 0, small)
print(4611686018427387904 * 2 - 1 + 4611686018427387904 * 2 == big)
)");
    INFO(r.err);
    REQUIRE(r.status == 1);  // the last line overflows on purpose: 2^62 * 2 = 2^63
    CHECK(r.out == ":overflow\n:overflow\n:overflow\n:overflow\n:overflow\n:overflow\n:overflow\n"
                   "9223372036854775807 -9223372036854775808\n");
    CHECK_THAT(r.err, Catch::Contains("error[:overflow]"));
}

TEST_CASE("interpreter: division by zero and type errors raise", "[interpreter][arith]") {
    std::string out = output_of(R"(
print(try { 1 // 0 } catch e { e.kind })
print(try { 1 % 0 } catch e { e.kind })
print(1 / 0, -1 / 0)
print(try { 1 + "a" } catch e { e.kind })
print(try { [1] < (1,) } catch e { e.kind })
print(7 // -2, 7 % -2, -7 // 2, 2 ** 62)
)");
    CHECK(out == ":zero_division\n:zero_division\ninf -inf\n:type_error\n:type_error\n-4 -1 -4 4611686018427387904\n");
}

TEST_CASE("interpreter: 100,000 nested non-tail calls", "[interpreter][calls]") {
    auto start = std::chrono::steady_clock::now();
    CHECK(output_of(R"(
fn depth(n) { if n == 0 { 0 } else { 1 + depth(n - 1) } }
print(depth(100000))
fn sum(xs, i) { if i == len(xs) { 0 } else { xs[i] + sum(xs, i + 1) } }
print(sum(range(0, 100000) |> map(fn(x) { x }), 0))
)") == "100000\n4999950000\n");
    CHECK(seconds_since(start) < 5);
}

TEST_CASE("interpreter: 1,000,000 tail calls run in constant stack", "[interpreter][calls]") {
    CHECK(output_of(R"(
fn count(n, acc) { if n == 0 { acc } else { count(n - 1, acc + 1) } }
print(count(1000000, 0))
fn ping(n) { if n == 0 { "done" } else { pong(n - 1) } }
fn pong(n) { if n == 0 { "done" } else { ping(n - 1) } }
print(ping(1000001))
)") == "1000000\ndone\n");
}

TEST_CASE("interpreter: unbounded recursion is caught as :stack_overflow", "[interpreter][calls]") {
    Session session;
    ProgramRun r = session.run(R"(
fn down(n) { 1 + down(n + 1) }
let e = try { down(0) } catch err { err }
print(e.kind)
print(len(e.trace) > 0)
fn depth(n) { if n == 0 { 0 } else { 1 + depth(n - 1) } }
print(depth(1000))
)");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out == ":stack_overflow\ntrue\n1000\n");

    // Uncaught, it ends the program with a report and a shortened trace.
    r = session.run("fn down(n) { 1 + down(n + 1) }\nprint(down(0))\n");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("error[:stack_overflow]") && Catch::Contains("more frames"));
    // The team is still usable.
    r = session.run("print(\"still here\")\n");
    CHECK(r.status == 0);
    CHECK(r.out == "still here\n");
}

TEST_CASE("interpreter: a heap limit raises a catchable :out_of_memory", "[interpreter][memory]") {
    TeamOptions options;
    options.max_heap = 8 << 20;
    Session session(options);
    const char* fill = R"(
fn fill() {
  var xs = []
  while true { push(xs, "some text to fill the heap " ++ str(len(xs))) }
}
)";
    ProgramRun r = session.run(std::string(fill) + R"(
let e = try { fill() } catch err { err }
print(e.kind, e.msg)
print(len(e.trace) > 0)
)");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out == ":out_of_memory the heap limit (--max-heap) is reached\ntrue\n");

    // The team keeps working: the next program can use the whole heap again.
    // About 3 MiB, held in locals so that nothing stays reachable after the run.
    const char* allocate = R"(
fn use_heap() {
  var ys = []
  for i in 0..20000 { push(ys, (i, str(i))) }
  let m = {}
  for i in 0..1000 { m[i] = [i] }
  (len(ys), len(m))
}
print(use_heap())
)";
    r = session.run(allocate);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == "(20000, 1000)\n");
    session.team->heap.collect();
    CHECK(session.team->heap.bytes_in_use() <= options.max_heap);

    // Uncaught, it ends the program with status 1, and the team still works after it.
    r = session.run(std::string(fill) + "fill()\n");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("error[:out_of_memory]: the heap limit (--max-heap) is reached"));
    r = session.run(allocate);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == "(20000, 1000)\n");
}

// The collector scans every register of every frame up to the frame's register
// count. When a `try` catches an error, the registers the abandoned code used are
// cleared, so what it held (here, until :out_of_memory) can be collected and the
// next allocation in the same frame succeeds.
TEST_CASE("interpreter: memory is reusable in the same frame after a caught :out_of_memory",
          "[interpreter][memory]") {
    TeamOptions options;
    options.max_heap = 8 << 20;
    Session session(options);
    // The array lived only in fill()'s frame, which the error unwound.
    ProgramRun r = session.run(R"(
fn fill() {
  var xs = []
  while true { push(xs, "some text to fill the heap " ++ str(len(xs))) }
}
let e = try { fill() } catch err { err }
print(e.kind)
var ys = []
for i in 0..20000 { push(ys, (i, str(i))) }
print(len(ys))
)");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == ":out_of_memory\n20000\n");

    // A global array, released by assigning nil after the error.
    r = session.run(R"(
var xs = []
let e = try {
  while true { push(xs, "some text to fill the heap " ++ str(len(xs))) }
} catch err { err }
print(e.kind)
xs = nil
var ys = []
for i in 0..20000 { push(ys, (i, str(i))) }
print(len(ys))
)");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == ":out_of_memory\n20000\n");
}

TEST_CASE("interpreter: :out_of_memory in one process does not end the others", "[interpreter][memory]") {
    TeamOptions options;
    options.max_heap = 8 << 20;
    Session session(options);
    ProgramRun r = session.run(R"(
fn hog() {
  var xs = []
  while true { push(xs, "x" ++ str(len(xs))) }
}
fn echo() {
  let (from, msg) = v.receive()
  v.reply(from, msg)
}
let h = spawn(hog)
let e = spawn(echo)
# The hog never replies: this waits until it ends, then raises :dead.
print(try { v.send(h, :are_you_there) } catch err { err.kind })
print(v.send(e, :alive))
)");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == ":dead\n:alive\n");
    CHECK_THAT(r.err, Catch::Contains("ended by an uncaught error") && Catch::Contains("error[:out_of_memory]"));
}

TEST_CASE("interpreter: a spinning process does not starve another", "[interpreter][processes]") {
    auto start = std::chrono::steady_clock::now();
    CHECK(output_of(R"(
fn spin() {
  var i = 0
  while true { i += 1 }
}
fn spin_calls() {
  fn f(n) { n + 1 }
  var i = 0
  while true { i = f(i) }
}
fn echo() {
  while true {
    let (from, msg) = v.receive()
    v.reply(from, msg)
  }
}
spawn(spin)
spawn(spin_calls)
let e = spawn(echo)
print(v.send(e, 42))
var total = 0
for i in 0..100000 { total += i }
print(total)
print(v.send(e, "again"))
)") == "42\n4999950000\nagain\n");
    CHECK(seconds_since(start) < 5);
}

TEST_CASE("interpreter: processes interleave by reductions", "[interpreter][processes]") {
    // Two busy workers report their progress; both make progress before either ends.
    CHECK(output_of(R"(
fn worker(main, name) {
  for round in 0..5 {
    var i = 0
    while i < 20000 { i += 1 }
    v.datagram(main, (name, round))
  }
}
let me = v.self()
spawn(worker, me, :a)
spawn(worker, me, :b)
var order = []
for _ in 0..10 {
  let (from, (name, round)) = v.receive()
  push(order, name)
}
let a_first = len(filter(order[0..4], fn(x) { x == :a }))
print(a_first >= 1 and a_first <= 3, len(order))
)") == "true 10\n");
}

TEST_CASE("interpreter: a deadlock is reported as :dead", "[interpreter][processes]") {
    Session session;
    ProgramRun r = session.run("print(\"waiting\")\nlet msg = v.receive()\n");
    CHECK(r.status == 1);
    CHECK(r.out == "waiting\n");
    CHECK_THAT(r.err, Catch::Contains("error[:dead]: deadlock: every process is blocked"));
    CHECK_THAT(r.err, Catch::Contains(":2 in <main>"));

    r = session.run(R"(
fn asks_back(main) {
  let (from, msg) = v.receive()
  v.send(main, :question)
}
let p = spawn(asks_back, v.self())
let e = try { v.send(p, :hello) } catch err { err }
print(e.kind)
print(e.msg)
)");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out == ":dead\ndeadlock: every process is blocked\n");
}

TEST_CASE("interpreter: an uncaught error reports kind, message and trace", "[interpreter][errors]") {
    Session session;
    ProgramRun r = session.run("fn f(xs) {\n  xs[5]\n}\nf([1, 2, 3])\n");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("error[:index_error]: "));
    CHECK_THAT(r.err, Catch::Contains("  at test1.vb:2 in f\n  at test1.vb:4 in <main>\n"));
    r = session.run("raise 42\n");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::StartsWith("error: 42"));
}

TEST_CASE("interpreter: exit(n) ends the program with status n", "[interpreter][errors]") {
    Session session;
    ProgramRun r = session.run("print(1)\nexit(3)\nprint(2)\n");
    CHECK(r.status == 3);
    CHECK(r.out == "1\n");
    r = session.run("let x = try { exit(4) } catch e { 0 }\nprint(x)\n");
    CHECK(r.status == 4);
    CHECK(r.out.empty());
}

TEST_CASE("interpreter: gc stress mode runs a program correctly", "[interpreter][memory]") {
    TeamOptions options;
    options.gc_stress = true;
    CHECK(output_of(R"(
var m = {}
for i in 0..200 { m[str(i)] = [i, (i, "x" ++ str(i))] }
var total = 0
for (k, v) in m { total += v[0] + len(v[1][1]) }
let f = fn(a) { fn(b) { a ++ b } }
print(total, f("x")("y"), len(m))
)",
                    options) == "20590 xy 200\n");
}

