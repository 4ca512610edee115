// vm/errors.h — the kinds of runtime error and how C++ code raises them.
//
// Native functions and runtime helpers raise a vb error by throwing VmError; the
// interpreter catches it at the instruction that called them and unwinds the vb
// stack to the nearest `try`. The C++ exception costs nothing until it is thrown.
#pragma once

#include <cstdint>
#include <string>

namespace vb {

#define VB_ERROR_KINDS(X)                                        \
    X(TypeError, "type_error")                                   \
    X(IndexError, "index_error")                                 \
    X(KeyError, "key_error")                                     \
    X(ValueError, "value_error")                                 \
    X(ZeroDivision, "zero_division")                             \
    X(Overflow, "overflow")                                      \
    X(NoMatch, "no_match")                                       \
    X(Arity, "arity")                                            \
    X(Undefined, "undefined")                                    \
    X(StackOverflow, "stack_overflow")                           \
    X(OutOfMemory, "out_of_memory")                              \
    X(Dead, "dead")                                              \
    X(Timeout, "timeout")                                        \
    X(Assert, "assert")

enum class ErrorKind : uint8_t {
#define X(name, text) name,
    VB_ERROR_KINDS(X)
#undef X
};

inline const char* error_kind_name(ErrorKind kind) {
    static const char* const names[] = {
#define X(name, text) text,
        VB_ERROR_KINDS(X)
#undef X
    };
    return names[static_cast<int>(kind)];
}

struct VmError {
    ErrorKind kind;
    std::string message;
};

[[noreturn]] inline void raise_error(ErrorKind kind, std::string message) {
    throw VmError{kind, std::move(message)};
}

}  // namespace vb
