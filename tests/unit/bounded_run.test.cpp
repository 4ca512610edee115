// tests/unit/bounded_run.test.cpp — the bounded run of a team
// (TeamOptions::max_reductions, vm/team.{h,cpp}): past the limit the main
// process fails with :timeout whatever the program is doing — spinning,
// recursing, passing messages between processes that never go back to the
// scheduler, catching errors, or building a big value at every step — and a
// program under the limit is not touched. The image fuzzer
// (tests/fuzz/image_fuzz.cpp) relies on it to end any image. Also here: a loop
// of map literals fits in a small heap (NewMap once leaked a root per map).
#include "vm/team.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "tests/unit/program_run.h"

using namespace vb;
using namespace vb::testing;

namespace {

TeamOptions bounded(uint64_t max_reductions, size_t max_heap) {
    TeamOptions options;
    options.max_reductions = max_reductions;
    options.max_heap = max_heap;
    return options;
}

// A team with the prelude loaded and a reduction limit, as the host sets one up;
// every program given to it must compile and verify.
class BoundedSession : public Session {
public:
    explicit BoundedSession(uint64_t max_reductions, size_t max_heap = 0)
        : Session(bounded(max_reductions, max_heap), "bounded") {}

    ProgramRun run(const std::string& source) {
        ProgramRun r = Session::run(source);
        INFO(r.err);
        REQUIRE(r.compiled);
        REQUIRE(r.status != 2);
        return r;
    }
};

void check_stopped(const ProgramRun& r) {
    INFO("stderr: " << r.err);
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("error[:timeout]: the program ran past its reduction limit"));
}

}  // namespace

TEST_CASE("bounded run: an endless loop ends at the limit", "[bounded_run]") {
    auto start = std::chrono::steady_clock::now();
    BoundedSession session(100000);
    ProgramRun r = session.run("print(\"start\")\nvar i = 0\nwhile true { i += 1 }\n");
    check_stopped(r);
    CHECK(r.out == "start\n");
    // The trace names the loop (the line of the backward jump's target, or the
    // one before it: the process stopped between two instructions).
    CHECK_THAT(r.err, Catch::Contains("bounded1.vb:") && Catch::Contains(" in <main>"));
    CHECK(seconds_since(start) < 5);
}

TEST_CASE("bounded run: endless recursion and tail calls end", "[bounded_run]") {
    BoundedSession session(50000);
    check_stopped(session.run("fn f(n) { f(n + 1) }\nf(0)\n"));
    check_stopped(session.run("fn g(n) { if n == 0 { 0 } else { 1 + g(n - 1) } }\nwhile true { g(100) }\n"));
}

TEST_CASE("bounded run: a try cannot catch the limit", "[bounded_run]") {
    BoundedSession session(20000);
    ProgramRun r = session.run(R"(
while true {
  try { while true { } } catch e { print("caught", e.kind) }
}
)");
    check_stopped(r);
    CHECK(r.out == "");
}

TEST_CASE("bounded run: processes that only hand off to each other end", "[bounded_run]") {
    // A message transaction switches processes inside the interpreter without
    // going back to the scheduler: those reductions count too.
    BoundedSession session(100000);
    ProgramRun r = session.run(R"(
fn echo() {
  while true {
    let (from, msg) = v.receive()
    v.reply(from, msg + 1)
  }
}
let e = spawn(echo)
var n = 0
while true { n = v.send(e, n) }
)");
    check_stopped(r);

    // The main process blocked for good while others spin.
    r = session.run(R"(
fn spin() { while true { } }
spawn(spin)
spawn(spin)
v.receive()
)");
    check_stopped(r);
}

TEST_CASE("bounded run: a program under the limit runs, run after run", "[bounded_run]") {
    // Each run_main gets the whole limit: the count starts again.
    BoundedSession session(100000);
    const char* program = R"(
var total = 0
for i in 0..30000 { total += i }
print(total)
)";
    for (int run = 0; run < 5; run++) {
        ProgramRun r = session.run(program);
        INFO("run " << run << ", stderr: " << r.err);
        CHECK(r.status == 0);
        CHECK(r.out == "449985000\n");
    }
    // Stopping a run leaves the team usable.
    check_stopped(session.run("while true { }\n"));
    ProgramRun r = session.run("print(\"after\")\n");
    CHECK(r.status == 0);
    CHECK(r.out == "after\n");
}

TEST_CASE("bounded run: the limit is reached at the heap limit too", "[bounded_run]") {
    // The error value is built even when the heap is full.
    BoundedSession session(200000, 4 << 20);
    ProgramRun r = session.run(R"(
var keep = []
while true {
  try { push(keep, [0, 1, 2, 3, 4, 5, 6, 7]) } catch e { }
}
)");
    check_stopped(r);
}

TEST_CASE("bounded run: a loop whose steps build big values ends soon", "[bounded_run]") {
    // Few reductions, much work: allocation counts too (one reduction per KiB),
    // and the limit stops the process in the middle of its time slice.
    auto start = std::chrono::steady_clock::now();
    BoundedSession session(100000);
    check_stopped(session.run("import str\nwhile true { str.repeat(\"x\", 50000000) }\n"));
    check_stopped(session.run("var s = \"\"\nwhile true { s = \"${s}0123456789\" }\n"));
    // In a process other than the main one: that process ends, then the run.
    ProgramRun r = session.run(R"(
fn grow() {
  var s = ""
  while true { s = "${s}0123456789" }
}
spawn(grow)
v.receive()
)");
    check_stopped(r);
    CHECK(seconds_since(start) < 10);
}

TEST_CASE("bounded run: printing a value stays within the heap limit", "[bounded_run]") {
    // `a` is 41 small arrays, but prints as 2^40 strings: printing stops at the
    // heap limit with :out_of_memory (it once ran out of all memory and aborted
    // vb), and error messages show such values cut short.
    BoundedSession session(0, 16 << 20);
    ProgramRun r = session.run(R"(
import str as strings
var a = ["xxxxxxxxxx"]
for i in 0..40 { a = [a, a] }
print(try { len("${a}") } catch e { e.kind })
print(try { len(str(a)) } catch e { e.kind })
print(try { len(fmt(a, "")) } catch e { e.kind })
let s = strings.repeat("x", 4000000)
print(try { len("${s}${s}${s}${s}${s}${s}") } catch e { e.kind })
print(try { match a { (x,) => 1 } } catch e { len(e.msg) })
)");
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out == ":out_of_memory\n:out_of_memory\n:out_of_memory\n:out_of_memory\n222\n");
}

TEST_CASE("bounded run: map literals in a loop fit in a small heap", "[bounded_run]") {
    // NewMap once left a temporary root behind at every map literal (GCC's
    // computed goto skipped the root's destructor), so no map was ever freed.
    BoundedSession session(0, 8 << 20);
    ProgramRun r = session.run("var i = 0\nwhile i < 300000 { let m = {a: i, b: 2}; i += 1 }\nprint(i)\n");
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out == "300000\n");
    CHECK(session.team->heap.temp_roots.empty());
}

TEST_CASE("bounded run: no limit means no limit", "[bounded_run]") {
    BoundedSession session(0);
    ProgramRun r = session.run("var i = 0\nwhile i < 3000000 { i += 1 }\nprint(i)\n");
    CHECK(r.status == 0);
    CHECK(r.out == "3000000\n");
}
