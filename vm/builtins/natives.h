// vm/builtins/natives.h — the table of native functions (natives.def) and the
// helpers native code uses to check its arguments and build results.
#pragma once

#include <string>
#include <string_view>

#include "vm/errors.h"
#include "vm/object/objects.h"
#include "vm/proc/process.h"

namespace vb {

enum NativeEffects : uint8_t {
    N_PURE = 1 << 0,
    N_ALLOC = 1 << 1,
    N_BLOCK = 1 << 2,
    N_RAISE = 1 << 3,
    N_IO = 1 << 4,
};

#define NATIVE(module, name, min, max, fn, effects) \
    NativeResult fn(Process& p, Value* args, uint32_t count, Value& result);
#include "vm/builtins/natives.def"
#undef NATIVE

struct NativeEntry {
    const char* module;
    const char* name;
    int min_args;
    int max_args;
    NativeFn fn;
    uint8_t effects;
};

// Every entry of natives.def, in order.
const NativeEntry* native_table(size_t* count);
// The entry for module.name, or nullptr.
const NativeEntry* find_native(std::string_view module, std::string_view name);

// Argument helpers: raise :type_error naming the function and the argument.
int64_t arg_int(const char* fn, Value* args, uint32_t index);
double arg_number(const char* fn, Value* args, uint32_t index);
StringObj* arg_string(const char* fn, Value* args, uint32_t index);
ArrayObj* arg_array(const char* fn, Value* args, uint32_t index);
MapObj* arg_map(const char* fn, Value* args, uint32_t index);
[[noreturn]] void bad_argument(const char* fn, uint32_t index, const char* expected, Value got);

}  // namespace vb
