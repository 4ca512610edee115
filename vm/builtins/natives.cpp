// vm/builtins/natives.cpp — the native table expanded from natives.def, and the
// argument-checking helpers shared by every native.
#include "vm/builtins/natives.h"

#include <cstring>

#include "vm/value_ops.h"

namespace vb {

namespace {
const NativeEntry kNatives[] = {
#define NATIVE(module, name, min, max, fn, effects) {#module, #name, min, max, fn, static_cast<uint8_t>(effects)},
#include "vm/builtins/natives.def"
#undef NATIVE
};
}  // namespace

const NativeEntry* native_table(size_t* count) {
    *count = sizeof(kNatives) / sizeof(kNatives[0]);
    return kNatives;
}

const NativeEntry* find_native(std::string_view module, std::string_view name) {
    for (const NativeEntry& e : kNatives)
        if (module == e.module && name == e.name) return &e;
    return nullptr;
}

void bad_argument(const char* fn, uint32_t index, const char* expected, Value got) {
    static const char* const ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth"};
    std::string which = index < 6 ? ordinals[index] : "argument " + std::to_string(index + 1);
    raise_error(ErrorKind::TypeError, std::string(fn) + "() needs " + expected + " as its " + which +
                                          " argument, not " + type_name(got));
}

int64_t arg_int(const char* fn, Value* args, uint32_t index) {
    if (!args[index].is_int()) bad_argument(fn, index, "an int", args[index]);
    return args[index].i;
}

double arg_number(const char* fn, Value* args, uint32_t index) {
    if (!args[index].is_number()) bad_argument(fn, index, "a number", args[index]);
    return args[index].as_number();
}

StringObj* arg_string(const char* fn, Value* args, uint32_t index) {
    if (!args[index].is(Tag::String)) bad_argument(fn, index, "a string", args[index]);
    return as_string(args[index]);
}

ArrayObj* arg_array(const char* fn, Value* args, uint32_t index) {
    if (!args[index].is(Tag::Array)) bad_argument(fn, index, "an array", args[index]);
    return as_array(args[index]);
}

MapObj* arg_map(const char* fn, Value* args, uint32_t index) {
    if (!args[index].is(Tag::Map)) bad_argument(fn, index, "a map", args[index]);
    return as_map(args[index]);
}

}  // namespace vb
