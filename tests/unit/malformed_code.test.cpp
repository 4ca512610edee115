// tests/unit/malformed_code.test.cpp — images that pass the verifier but use
// registers as the compiler never would, run by the interpreter
// (vm/interp/interpreter.cpp).
//
// The verifier checks operands, not the types registers hold at run time, so the
// instructions that the compiler emits only where it knows those types (a cell
// for GetCell, an array for Append, ints for ForLoop, IterPrep's state for
// IterNext, a Try for EndTry) check them. Each case here is a hand-built image
// that once read or wrote memory it did not own (image_fuzz found the first, an
// Append to an int); now each ends in an error, or safely, and never in a crash.
#include "vm/interp/interpreter.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "tests/unit/program_run.h"
#include "vm/image/verifier.h"
#include "vm/isa/isa.h"
#include "vm/team.h"

using namespace vb;
using namespace vb::testing;
using isa::encode_abc;
using isa::encode_abx;
using isa::encode_asbx;
using isa::encode_sj;
using isa::Opcode;

namespace {

image::Image image_of(std::vector<image::Function> functions) {
    image::Image image;
    image::Module m;
    m.name = "main";
    m.path = "main.vb";
    m.functions = std::move(functions);
    image.modules.push_back(std::move(m));
    return image;
}

struct Outcome {
    int status = -1;
    std::string err;  // the uncaught error report
};

// Verifies (it must pass) and runs `image` in a fresh team, stderr captured.
Outcome run(const image::Image& image, TeamOptions options = {}) {
    image::VerifyResult check = image::verify(image, 0);
    INFO(check.message());
    REQUIRE(check.ok);
    Team team(options);
    Outcome outcome;
    Capture err(2);
    outcome.status = team.run_main(team.load(image));
    outcome.err = err.text();
    return outcome;
}

void check_malformed(const image::Image& image, const char* what) {
    Outcome outcome = run(image);
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 1);
    CHECK_THAT(outcome.err, Catch::Contains("error[:type_error]: malformed code: ") && Catch::Contains(what));
}

const isa::Instr kReturnR0 = encode_abc(Opcode::Return, 0, 0, 0);

}  // namespace

TEST_CASE("malformed code: cells, arrays, maps and handlers are checked", "[malformed_code]") {
    // r0 = 5, then each instruction uses r0 as what it is not.
    const isa::Instr five = encode_asbx(Opcode::LoadInt, 0, 5);
    check_malformed(image_of({function("<main>", 3, {five, encode_abc(Opcode::Append, 0, 0, 0), kReturnR0})}),
                    "Append");
    check_malformed(image_of({function("<main>", 3, {five, encode_abc(Opcode::GetCell, 1, 0, 0), kReturnR0})}),
                    "GetCell");
    check_malformed(image_of({function("<main>", 3, {five, encode_abc(Opcode::SetCell, 0, 0, 0), kReturnR0})}),
                    "SetCell");
    check_malformed(image_of({function("<main>", 3, {five, encode_abc(Opcode::SliceFrom, 1, 0, 0), kReturnR0})}),
                    "SliceFrom");
    check_malformed(image_of({function("<main>", 3,
                                       {five, encode_abc(Opcode::TestKey, 0, 0, 0), encode_sj(Opcode::Jmp, 0),
                                        kReturnR0})}),
                    "TestKey");
    check_malformed(image_of({function("<main>", 3, {five, encode_abc(Opcode::EndTry, 0, 0, 0), kReturnR0})}),
                    "EndTry");
}

TEST_CASE("malformed code: upvalues that are not cells are checked", "[malformed_code]") {
    // The closure captures r1, a plain int, and then treats it as a cell.
    for (Opcode op : {Opcode::GetUpCell, Opcode::SetUpCell}) {
        image::Function top = function("<main>", 3,
                                       {encode_asbx(Opcode::LoadInt, 1, 7), encode_abx(Opcode::Closure, 0, 1),
                                        encode_abc(Opcode::Call, 0, 0, 0), kReturnR0});
        image::Function child =
            function("child", 2, {encode_asbx(Opcode::LoadInt, 0, 1), encode_abc(op, 0, 0, 0), kReturnR0});
        child.captures.push_back(image::Capture{true, 1});
        check_malformed(image_of({top, child}), op == Opcode::GetUpCell ? "GetUpCell" : "SetUpCell");
    }
}

TEST_CASE("malformed code: loops over what no prologue prepared end safely", "[malformed_code]") {
    // ForLoop with a counter at the largest int: no overflow, no jump.
    image::Function top = function("<main>", 4,
                                   {encode_abx(Opcode::LoadK, 0, 0), encode_abx(Opcode::LoadK, 1, 0),
                                    encode_asbx(Opcode::ForLoop, 0, -1), kReturnR0});
    top.constants.push_back(image::Constant{image::ConstantKind::Int, INT64_MAX, 0, ""});
    CHECK(run(image_of({top})).status == 0);

    // ForLoop over an array and an int: the counter becomes an int, not a pointer
    // moved by one; the loop then runs to the bound and ends.
    CHECK(run(image_of({function("<main>", 4,
                                 {encode_abc(Opcode::NewArray, 0, 0, 0), encode_asbx(Opcode::LoadInt, 1, 3),
                                  encode_asbx(Opcode::ForLoop, 0, -1), kReturnR0})}))
              .status == 0);

    // IterNext whose state is no int.
    check_malformed(image_of({function("<main>", 4,
                                       {encode_abc(Opcode::NewArray, 0, 0, 0), encode_abc(Opcode::NewArray, 1, 0, 0),
                                        encode_asbx(Opcode::IterNext, 0, 0), kReturnR0})}),
                    "IterNext");

    // IterNext over an array from a negative index: the loop is over at once.
    CHECK(run(image_of({function("<main>", 4,
                                 {encode_abc(Opcode::NewArray, 0, 0, 0), encode_asbx(Opcode::LoadInt, 1, -5),
                                  encode_asbx(Opcode::IterNext, 0, 0), kReturnR0})}))
              .status == 0);
}

TEST_CASE("malformed code: a rest parameter must be counted among the parameters", "[malformed_code]") {
    // param_count 0 with a rest parameter made the argument code count
    // 0 - 1 fixed parameters and write past the stack (image_fuzz).
    image::Function top = function("<main>", 2, {encode_abc(Opcode::LoadNil, 0, 0, 0), kReturnR0});
    top.has_rest = true;
    image::VerifyResult check = image::verify(image_of({top}), 0);
    CHECK_FALSE(check.ok);
    CHECK(check.error == image::VerifyError::BadFrameSize);
    top.param_count = 1;
    CHECK(image::verify(image_of({top}), 0).ok);
}

TEST_CASE("malformed code: every backward jump costs a reduction", "[malformed_code]") {
    // Loops the compiler never makes, each jumping back with something other than
    // Jmp or ForLoop: a bounded run still ends them.
    TeamOptions bounded;
    bounded.max_reductions = 10000;
    const isa::Instr nil = encode_abc(Opcode::LoadNil, 0, 3, 0);
    std::vector<std::vector<isa::Instr>> loops = {
        {nil, encode_abc(Opcode::TestEq, 0, 0, 1), encode_sj(Opcode::Jmp, -2), kReturnR0},
        {nil, encode_asbx(Opcode::JmpIfPassed, 0, -1), kReturnR0},
        {encode_asbx(Opcode::LoadInt, 0, 5), encode_asbx(Opcode::LoadInt, 1, 0), encode_asbx(Opcode::ForPrep, 0, -1),
         kReturnR0},
        {encode_asbx(Opcode::LoadInt, 0, 5), encode_asbx(Opcode::LoadInt, 1, 0),
         encode_asbx(Opcode::ForPrepIncl, 0, -1), kReturnR0},
        {encode_abc(Opcode::NewArray, 0, 0, 0), encode_asbx(Opcode::LoadInt, 1, 0), encode_asbx(Opcode::IterNext, 0, -1),
         kReturnR0},
    };
    for (size_t n = 0; n < loops.size(); n++) {
        Outcome outcome = run(image_of({function("<main>", 4, loops[n])}), bounded);
        INFO("loop " << n << ", stderr: " << outcome.err);
        CHECK(outcome.status == 1);
        CHECK_THAT(outcome.err, Catch::Contains("error[:timeout]: the program ran past its reduction limit"));
    }
}

TEST_CASE("malformed code: a top level that wants arguments", "[malformed_code]") {
    image::Function top = function("<main>", 2, {encode_abc(Opcode::LoadNil, 0, 0, 0), kReturnR0});
    top.param_count = 1;
    top.required_count = 1;
    Outcome outcome = run(image_of({top}));
    INFO("stderr: " << outcome.err);
    CHECK(outcome.status == 1);
    CHECK_THAT(outcome.err, Catch::Contains("error[:arity]"));
}
