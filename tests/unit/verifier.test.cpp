// tests/unit/verifier.test.cpp — unit tests of vm/image/verifier.{h,cpp}.
//
// One hand-built malformed image per VerifyError kind, each rejected with exactly
// that kind; the table of cases is checked against VerifyError::Count at compile
// time, so a new kind without a test does not build. Valid images (hand-built,
// and everything the compiler produces for the prelude) pass.
#include "vm/image/verifier.h"

#include <catch2/catch.hpp>

#include <iterator>
#include <set>
#include <string>

#include "compiler/compile.h"
#include "vm/isa/isa.h"
#include "tests/unit/program_run.h"

using namespace vb;
using namespace vb::image;
using isa::encode_abc;
using isa::encode_abx;
using isa::encode_asbx;
using isa::encode_sj;
using isa::Opcode;
using vb::testing::function;

namespace {

// `return nil`: the smallest valid body.
std::vector<isa::Instr> return_nil() {
    return {encode_abc(Opcode::LoadNil, 0, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)};
}

// An image of one module "main" whose top level is `top`.
Image image_with(Function top) {
    Image image;
    Module m;
    m.name = "main";
    m.path = "main.vb";
    m.functions.push_back(std::move(top));
    image.modules.push_back(std::move(m));
    return image;
}

// An image of one module whose top level runs `code` in a frame of `registers`.
Image image_of(std::vector<isa::Instr> code, uint16_t registers = 4) {
    return image_with(function("<main>", registers, std::move(code)));
}

struct Case {
    Image image;
    size_t prelude_globals = 0;
};

// A malformed image that fails with exactly `kind`. The switch has no default,
// so -Wswitch names a kind that has no case here.
Case case_for(VerifyError kind) {
    switch (kind) {
        case VerifyError::NoModules: return {Image{}};
        case VerifyError::EntryOutOfRange: {
            Image image = image_of(return_nil());
            image.entry = 1;
            return {image};
        }
        case VerifyError::NoFunctions: {
            Image image = image_of(return_nil());
            image.modules[0].functions.clear();
            return {image};
        }
        case VerifyError::EmptyCode: return {image_of({})};
        case VerifyError::LinesMismatch: {
            Image image = image_of(return_nil());
            image.modules[0].functions[0].lines.pop_back();
            return {image};
        }
        case VerifyError::BadFrameSize: return {image_of(return_nil(), 0)};
        case VerifyError::UnknownOpcode:
            return {image_of({static_cast<isa::Instr>(isa::kOpcodeCount), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::RegisterOutOfRange:
            return {image_of({encode_abc(Opcode::Move, 4, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::ConstantOutOfRange:
            return {image_of({encode_abx(Opcode::LoadK, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::ConstantKind: {
            // GetField needs a symbol constant; this one is an int.
            Image image = image_of({encode_abc(Opcode::GetField, 0, 1, 0), encode_abc(Opcode::Return, 0, 0, 0)});
            Constant k;
            k.kind = ConstantKind::Int;
            k.int_value = 3;
            image.modules[0].functions[0].constants.push_back(k);
            return {image};
        }
        case VerifyError::UpvalueOutOfRange:
            return {image_of({encode_abc(Opcode::GetUpval, 0, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::FunctionOutOfRange:
            return {image_of({encode_abx(Opcode::Closure, 0, 1), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::GlobalOutOfRange:
            return {image_of({encode_abx(Opcode::GetGlobal, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::PreludeOutOfRange:
            return {image_of({encode_abx(Opcode::GetBuiltin, 0, 2), encode_abc(Opcode::Return, 0, 0, 0)}), 2};
        case VerifyError::ImportOutOfRange:
            return {image_of({encode_abx(Opcode::Import, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::JumpOutOfRange:
            return {image_of({encode_sj(Opcode::Jmp, 5), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::TestWithoutJump:
            return {image_of({encode_abc(Opcode::TestEq, 0, 1, 1), encode_abc(Opcode::Return, 0, 0, 0)})};
        case VerifyError::FallsOffEnd: return {image_of({encode_abc(Opcode::LoadNil, 0, 0, 0)})};
        case VerifyError::CaptureOutOfRange: {
            // The child captures register 9 of a parent that has 4.
            Image image = image_of({encode_abx(Opcode::Closure, 0, 1), encode_abc(Opcode::Return, 0, 0, 0)});
            Function child = function("child", 1, return_nil());
            child.captures.push_back(Capture{true, 9});
            image.modules[0].functions.push_back(child);
            return {image};
        }
        case VerifyError::BadReference: {
            // A module by reference that is not a stdlib module.
            Image image = image_of(return_nil());
            Module reference;
            reference.name = "helper";
            reference.by_reference = true;
            image.modules.push_back(reference);
            return {image};
        }
        case VerifyError::Count: break;
    }
    FAIL("no case for this kind");
    return {};
}

// Every kind that has a case above, in enum order.
constexpr VerifyError kTestedKinds[] = {
    VerifyError::NoModules,          VerifyError::EntryOutOfRange,   VerifyError::NoFunctions,
    VerifyError::EmptyCode,          VerifyError::LinesMismatch,     VerifyError::BadFrameSize,
    VerifyError::UnknownOpcode,      VerifyError::RegisterOutOfRange, VerifyError::ConstantOutOfRange,
    VerifyError::ConstantKind,       VerifyError::UpvalueOutOfRange, VerifyError::FunctionOutOfRange,
    VerifyError::GlobalOutOfRange,   VerifyError::PreludeOutOfRange, VerifyError::ImportOutOfRange,
    VerifyError::JumpOutOfRange,     VerifyError::TestWithoutJump,   VerifyError::FallsOffEnd,
    VerifyError::CaptureOutOfRange,  VerifyError::BadReference,
};
static_assert(std::size(kTestedKinds) == static_cast<size_t>(VerifyError::Count),
              "every VerifyError kind needs a malformed image in case_for() and an entry here");

constexpr bool tested_kinds_in_enum_order() {
    for (size_t n = 0; n < std::size(kTestedKinds); n++)
        if (static_cast<size_t>(kTestedKinds[n]) != n) return false;
    return true;
}
static_assert(tested_kinds_in_enum_order(), "kTestedKinds lists each kind once, in enum order");

const char* kind_name(VerifyError kind) {
    switch (kind) {
#define X(name, text) \
    case VerifyError::name: return #name;
        VB_VERIFY_ERRORS(X)
#undef X
        case VerifyError::Count: break;
    }
    return "?";
}

void expect_kind(const Image& image, size_t prelude_globals, VerifyError expected) {
    VerifyResult result = verify(image, prelude_globals);
    INFO("expected " << kind_name(expected) << ", got "
                     << (result.ok ? std::string("ok") : std::string(kind_name(result.error)) + ": " + result.message()));
    REQUIRE_FALSE(result.ok);
    CHECK(result.error == expected);
    CHECK_FALSE(result.message().empty());
}

void expect_case(VerifyError kind) {
    Case c = case_for(kind);
    expect_kind(c.image, c.prelude_globals, kind);
}

// A valid image that touches most operand kinds: constants, symbols, globals,
// prelude globals, imports, upvalues, closures, tests with jumps, call windows.
Image valid_image() {
    Image image;
    Module lib;
    lib.name = "lib";
    lib.path = "lib.vb";
    lib.functions.push_back(function("<main>", 1, return_nil()));
    Module m;
    m.name = "main";
    m.path = "main.vb";
    m.globals = {"x", "f"};
    m.imports = {0};
    Function top = function("<main>", 6,
                            {
                                encode_abx(Opcode::LoadK, 0, 0),          // 0: r0 = "text"
                                encode_abx(Opcode::SetGlobal, 0, 0),      // 1: x = r0
                                encode_abc(Opcode::NewCell, 1, 0, 0),     // 2: r1 = cell(r0)
                                encode_abx(Opcode::Closure, 2, 1),        // 3: r2 = child, capturing r1
                                encode_abx(Opcode::SetGlobal, 2, 1),      // 4: f = r2
                                encode_abx(Opcode::GetBuiltin, 3, 0),     // 5: r3 = P[0]
                                encode_asbx(Opcode::LoadInt, 4, -5),      // 6: r4 = -5
                                encode_abc(Opcode::Call, 3, 1, 1),        // 7: r3 = r3(r4)
                                encode_abc(Opcode::TestLt, 3, 4, 1),      // 8: if r3 < r4
                                encode_sj(Opcode::Jmp, 2),                // 9:   goto 12
                                encode_abc(Opcode::GetField, 5, 0, 1),    // 10: r5 = r0.:name
                                encode_asbx(Opcode::JmpIfNot, 5, -11),    // 11: if not r5: goto 1
                                encode_abx(Opcode::Import, 5, 0),         // 12: r5 = import lib
                                encode_abc(Opcode::Return, 5, 0, 0),      // 13
                            });
    Constant text;
    text.kind = ConstantKind::String;
    text.text = "text";
    Constant name;
    name.kind = ConstantKind::Symbol;
    name.text = "name";
    top.constants = {text, name};
    Function child = function("child", 3,
                              {
                                  encode_abc(Opcode::GetUpCell, 1, 0, 0),  // r1 = cell U[0]
                                  encode_abc(Opcode::AddI, 2, 0, 129),     // r2 = r0 + 1
                                  encode_abc(Opcode::SetUpCell, 0, 2, 0),  // cell U[0] = r2
                                  encode_abc(Opcode::Return, 1, 0, 0),
                              });
    child.param_count = 1;
    child.required_count = 1;
    child.captures.push_back(Capture{true, 1});
    m.functions = {top, child};
    image.modules = {lib, m};
    image.entry = 1;
    return image;
}

}  // namespace

TEST_CASE("verifier: a valid image passes", "[verifier]") {
    VerifyResult result = verify(valid_image(), 1);
    INFO(result.message());
    CHECK(result.ok);
    CHECK(verify(image_of(return_nil(), 1), 0).ok);
}

TEST_CASE("verifier: the compiled prelude passes", "[verifier]") {
    compiler::CompileResult prelude = compiler::compile_prelude();
    REQUIRE(prelude.ok);
    VerifyResult result = verify(prelude.image, 0);
    INFO(result.message());
    CHECK(result.ok);
}

TEST_CASE("verifier: compiled programs pass", "[verifier]") {
    compiler::CompileResult prelude = compiler::compile_prelude();
    REQUIRE(prelude.ok);
    compiler::CompileOptions options;
    options.builtins = prelude.image.modules[prelude.image.entry].globals;
    const char* program = R"(
import str
fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
var counter = 0
let inc = fn() { counter += 1; counter }
let m = {a: 1, "b": [1, 2, (3,)]}
for (k, v) in m { print(k, v) }
for i in 0..=10 { inc() }
let r = match m { {a: 1, b} => b, _ => nil }
let e = try { raise {kind: :x, msg: "m"} } catch err { err.kind }
print(str.upper("x"), fib(10), r, e, m.a, [1, 2, 3][1..2])
)";
    compiler::CompileResult compiled = compiler::compile_program("program.vb", program, options);
    INFO(compiled.errors);
    REQUIRE(compiled.ok);
    VerifyResult result = verify(compiled.image, options.builtins.size());
    INFO(result.message());
    CHECK(result.ok);
}

TEST_CASE("verifier: every kind of failure has a malformed image", "[verifier]") {
    std::set<VerifyError> seen;
    for (VerifyError kind : kTestedKinds) {
        Case c = case_for(kind);
        VerifyResult result = verify(c.image, c.prelude_globals);
        INFO("case " << kind_name(kind));
        REQUIRE_FALSE(result.ok);
        CHECK(result.error == kind);
        seen.insert(result.error);
    }
    CHECK(seen.size() == static_cast<size_t>(VerifyError::Count));
}

TEST_CASE("verifier: NoModules", "[verifier][kinds]") { expect_case(VerifyError::NoModules); }
TEST_CASE("verifier: EntryOutOfRange", "[verifier][kinds]") { expect_case(VerifyError::EntryOutOfRange); }
TEST_CASE("verifier: NoFunctions", "[verifier][kinds]") { expect_case(VerifyError::NoFunctions); }
TEST_CASE("verifier: EmptyCode", "[verifier][kinds]") { expect_case(VerifyError::EmptyCode); }
TEST_CASE("verifier: LinesMismatch", "[verifier][kinds]") { expect_case(VerifyError::LinesMismatch); }

TEST_CASE("verifier: BadFrameSize", "[verifier][kinds]") {
    expect_case(VerifyError::BadFrameSize);
    Function f = function("f", 2, return_nil());
    f.param_count = 3;  // more parameters than registers
    expect_kind(image_with(f), 0, VerifyError::BadFrameSize);
    f.param_count = 1;
    f.required_count = 2;  // more required than declared
    expect_kind(image_with(f), 0, VerifyError::BadFrameSize);
    expect_kind(image_of(return_nil(), 300), 0, VerifyError::BadFrameSize);
}

TEST_CASE("verifier: UnknownOpcode", "[verifier][kinds]") {
    expect_case(VerifyError::UnknownOpcode);
    expect_kind(image_of({0xff, encode_abc(Opcode::Return, 0, 0, 0)}), 0, VerifyError::UnknownOpcode);
}

TEST_CASE("verifier: RegisterOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::RegisterOutOfRange);
    auto ret = encode_abc(Opcode::Return, 0, 0, 0);
    // A source register, a third operand, and the window of a call.
    expect_kind(image_of({encode_abc(Opcode::Move, 0, 4, 0), ret}), 0, VerifyError::RegisterOutOfRange);
    expect_kind(image_of({encode_abc(Opcode::Add, 0, 1, 7), ret}), 0, VerifyError::RegisterOutOfRange);
    expect_kind(image_of({encode_abc(Opcode::Call, 2, 2, 0), ret}), 0, VerifyError::RegisterOutOfRange);
    expect_kind(image_of({encode_abc(Opcode::NewArray, 0, 2, 3), ret}), 0, VerifyError::RegisterOutOfRange);
    expect_kind(image_of({encode_abc(Opcode::NewMap, 0, 1, 2), ret}), 0, VerifyError::RegisterOutOfRange);
    expect_kind(image_of({encode_asbx(Opcode::ForPrep, 2, 0), ret}), 0, VerifyError::RegisterOutOfRange);
    expect_kind(image_of({encode_abc(Opcode::Return, 4, 0, 0)}), 0, VerifyError::RegisterOutOfRange);
    // The windows that fit are accepted, an empty one anywhere.
    CHECK(verify(image_of({encode_abc(Opcode::Call, 1, 2, 0), ret}), 0).ok);
    CHECK(verify(image_of({encode_abc(Opcode::NewArray, 0, 1, 3), ret}), 0).ok);
    CHECK(verify(image_of({encode_abc(Opcode::NewArray, 0, 200, 0), ret}), 0).ok);
}

TEST_CASE("verifier: ConstantOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::ConstantOutOfRange);
    // A symbol operand past the pool is out of range before it is of the wrong kind.
    expect_kind(image_of({encode_abc(Opcode::GetField, 0, 1, 0), encode_abc(Opcode::Return, 0, 0, 0)}), 0,
                VerifyError::ConstantOutOfRange);
}

TEST_CASE("verifier: ConstantKind", "[verifier][kinds]") {
    expect_case(VerifyError::ConstantKind);
    // SetField's symbol is its B operand; a string with the same text is not a symbol.
    Image image = image_of({encode_abc(Opcode::SetField, 0, 0, 1), encode_abc(Opcode::Return, 0, 0, 0)});
    Constant k;
    k.kind = ConstantKind::String;
    k.text = "name";
    image.modules[0].functions[0].constants.push_back(k);
    expect_kind(image, 0, VerifyError::ConstantKind);
    image.modules[0].functions[0].constants[0].kind = ConstantKind::Symbol;
    CHECK(verify(image, 0).ok);
}

TEST_CASE("verifier: UpvalueOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::UpvalueOutOfRange);
    expect_kind(image_of({encode_abc(Opcode::SetUpCell, 0, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)}), 0,
                VerifyError::UpvalueOutOfRange);
}

TEST_CASE("verifier: FunctionOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::FunctionOutOfRange);
    // Function 0 is the module's top level and cannot be made into a closure.
    expect_kind(image_of({encode_abx(Opcode::Closure, 0, 0), encode_abc(Opcode::Return, 0, 0, 0)}), 0,
                VerifyError::FunctionOutOfRange);
}

TEST_CASE("verifier: GlobalOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::GlobalOutOfRange);
    Image image = image_of({encode_abx(Opcode::SetGlobal, 0, 1), encode_abc(Opcode::Return, 0, 0, 0)});
    image.modules[0].globals = {"only"};
    expect_kind(image, 0, VerifyError::GlobalOutOfRange);
}

TEST_CASE("verifier: PreludeOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::PreludeOutOfRange);
    Image image = image_of({encode_abx(Opcode::GetBuiltin, 0, 1), encode_abc(Opcode::Return, 0, 0, 0)});
    CHECK(verify(image, 2).ok);
    expect_kind(image, 1, VerifyError::PreludeOutOfRange);
}

TEST_CASE("verifier: ImportOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::ImportOutOfRange);
    // A module's import list naming a module the image does not have.
    Image image = image_of(return_nil());
    image.modules[0].imports = {1};
    expect_kind(image, 0, VerifyError::ImportOutOfRange);
}

TEST_CASE("verifier: JumpOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::JumpOutOfRange);
    auto ret = encode_abc(Opcode::Return, 0, 0, 0);
    expect_kind(image_of({encode_sj(Opcode::Jmp, -2), ret}), 0, VerifyError::JumpOutOfRange);
    expect_kind(image_of({encode_asbx(Opcode::JmpIf, 0, 1), ret}), 0, VerifyError::JumpOutOfRange);
    expect_kind(image_of({encode_asbx(Opcode::Try, 0, 100), ret}), 0, VerifyError::JumpOutOfRange);
    CHECK(verify(image_of({encode_sj(Opcode::Jmp, 0), ret}), 0).ok);
    CHECK(verify(image_of({encode_asbx(Opcode::JmpIf, 0, 0), ret}), 0).ok);
}

TEST_CASE("verifier: TestWithoutJump", "[verifier][kinds]") {
    expect_case(VerifyError::TestWithoutJump);
    // A test as the last instruction has no jump after it.
    expect_kind(image_of({encode_abc(Opcode::LoadNil, 0, 0, 0), encode_abc(Opcode::TestMap, 0, 0, 0)}), 0,
                VerifyError::TestWithoutJump);
    // The jump must be a Jmp, not a conditional jump.
    expect_kind(image_of({encode_abc(Opcode::TestLtI, 0, 128, 1), encode_asbx(Opcode::JmpIf, 0, 0),
                          encode_abc(Opcode::Return, 0, 0, 0)}),
                0, VerifyError::TestWithoutJump);
}

TEST_CASE("verifier: FallsOffEnd", "[verifier][kinds]") {
    expect_case(VerifyError::FallsOffEnd);
    // A conditional jump may fall through, so it cannot end a function.
    expect_kind(image_of({encode_abc(Opcode::LoadNil, 0, 0, 0), encode_asbx(Opcode::JmpIf, 0, -2)}), 0,
                VerifyError::FallsOffEnd);
    // Raise, NoMatch and an unconditional Jmp end a function as well as Return.
    CHECK(verify(image_of({encode_abc(Opcode::LoadNil, 0, 0, 0), encode_abc(Opcode::Raise, 0, 0, 0)}), 0).ok);
    CHECK(verify(image_of({encode_abc(Opcode::LoadNil, 0, 0, 0), encode_sj(Opcode::Jmp, -2)}), 0).ok);
}

TEST_CASE("verifier: CaptureOutOfRange", "[verifier][kinds]") {
    expect_case(VerifyError::CaptureOutOfRange);
    // Capturing an upvalue the parent does not have.
    Image image = image_of({encode_abx(Opcode::Closure, 0, 1), encode_abc(Opcode::Return, 0, 0, 0)});
    Function child = function("child", 1, return_nil());
    child.captures.push_back(Capture{false, 0});
    image.modules[0].functions.push_back(child);
    expect_kind(image, 0, VerifyError::CaptureOutOfRange);
}

TEST_CASE("verifier: BadReference", "[verifier][kinds]") {
    expect_case(VerifyError::BadReference);
    Image image = image_of(return_nil());
    Module reference;
    reference.name = "str";
    reference.is_stdlib = true;
    reference.by_reference = true;
    image.modules.push_back(reference);
    CHECK(verify(image, 0).ok);  // a stdlib module by reference is what files hold
    image.modules[1].functions.push_back(function("<main>", 1, return_nil()));
    expect_kind(image, 0, VerifyError::BadReference);  // ... but it carries no code
    image.modules[1].functions.clear();
    image.entry = 1;
    expect_kind(image, 0, VerifyError::BadReference);  // ... and is never the program
}

TEST_CASE("verifier: the message names the kind and the place", "[verifier]") {
    Image image = image_of(return_nil());
    Function f = function("helper", 2, {encode_abc(Opcode::LoadNil, 0, 0, 0), encode_abc(Opcode::Move, 0, 9, 0),
                                        encode_abc(Opcode::Return, 0, 0, 0)});
    image.modules[0].functions.push_back(f);
    VerifyResult result = verify(image, 0);
    REQUIRE_FALSE(result.ok);
    CHECK(result.error == VerifyError::RegisterOutOfRange);
    CHECK(result.where == "module main, function 1 'helper', instruction 1");
    CHECK(result.message() == "a register beyond the frame (module main, function 1 'helper', instruction 1)");
    CHECK(verify(Image{}, 0).message() == "the image has no modules");
}
