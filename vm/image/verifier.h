// vm/image/verifier.h — checks an image before any of it runs.
//
// The verifier is the VM's defence against a malformed image (a compiler bug,
// a corrupt file, a hostile sender): every operand, register window, jump target
// and constant reference is checked against the operand columns of opcodes.def,
// so the interpreter can trust the code it runs. The failure kinds are a closed
// list; each has a test.
#pragma once

#include <cstdint>
#include <string>

#include "vm/image/image.h"

namespace vb::image {

#define VB_VERIFY_ERRORS(X)                                                  \
    X(NoModules, "the image has no modules")                                 \
    X(EntryOutOfRange, "the entry module does not exist")                    \
    X(NoFunctions, "a module has no top-level function")                     \
    X(EmptyCode, "a function has no instructions")                           \
    X(LinesMismatch, "the line table does not match the code")               \
    X(BadFrameSize, "a frame size is 0, over 255, or below the parameter count (a rest parameter counts)") \
    X(UnknownOpcode, "an unknown opcode")                                    \
    X(RegisterOutOfRange, "a register beyond the frame")                     \
    X(ConstantOutOfRange, "a constant index beyond the constant pool")       \
    X(ConstantKind, "a constant of the wrong kind")                          \
    X(UpvalueOutOfRange, "an upvalue index beyond the captures")             \
    X(FunctionOutOfRange, "a function index beyond the module")              \
    X(GlobalOutOfRange, "a global index beyond the module's globals")        \
    X(PreludeOutOfRange, "a prelude index beyond the prelude")               \
    X(ImportOutOfRange, "an import index beyond the imports")                \
    X(JumpOutOfRange, "a jump outside the function")                         \
    X(TestWithoutJump, "a test instruction not followed by a jump")          \
    X(FallsOffEnd, "the last instruction does not end the function")        \
    X(CaptureOutOfRange, "a closure captures a register or upvalue that does not exist") \
    X(BadReference, "a module by reference is not a stdlib module, has code, or is the entry")

enum class VerifyError : uint8_t {
#define X(name, text) name,
    VB_VERIFY_ERRORS(X)
#undef X
        Count
};

struct VerifyResult {
    bool ok = true;
    VerifyError error = VerifyError::NoModules;
    std::string where;  // "module M, function F, instruction N"
    std::string message() const;
};

// `prelude_globals`: how many globals the prelude the image will run with has.
VerifyResult verify(const Image& image, size_t prelude_globals);

}  // namespace vb::image
