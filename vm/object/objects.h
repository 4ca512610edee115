// vm/object/objects.h — the layouts of heap objects.
//
// Every object starts with the Object header, which links it into its heap's list
// of all objects (the sweep walks it) and holds the mark bit. Small fixed parts
// (tuples, closures, strings) keep their elements inline in one allocation; growable
// ones (arrays, maps, bytes) own a separately allocated buffer that the heap counts.
// The operations on each kind live in the .cpp file of the same name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/image/image.h"
#include "vm/value.h"

namespace vb {

class Process;
class Team;

struct Object {
    Object* next;
    Tag kind;
    uint8_t marked;
};

struct StringObj : Object {
    uint32_t length;
    mutable uint32_t hash;  // 0 = not computed yet
    char chars[1];          // length bytes, then a NUL for C interop

    std::string_view view() const { return {chars, length}; }
};

struct SymbolObj : Object {
    uint32_t hash;
    StringObj* name;
};

struct TupleObj : Object {
    uint32_t length;
    Value items[1];
};

struct ArrayObj : Object {
    Value* items;
    uint32_t length;
    uint32_t capacity;
};

struct MapEntry {
    Value key;    // Tag::Missing marks a removed entry
    Value value;
    uint64_t hash;
};

struct MapObj : Object {
    MapEntry* entries;      // insertion order, with holes where keys were removed
    int32_t* index;         // open addressing: entry number, or -1 for empty
    uint32_t entry_count;   // used entries, holes included
    uint32_t entry_capacity;
    uint32_t live;          // entries that are not holes
    uint32_t index_mask;    // index size - 1 (size is a power of two), 0 when no index
};

struct BytesObj : Object {
    uint8_t* data;
    uint32_t length;
    uint32_t capacity;
};

struct RangeObj : Object {
    int64_t start;
    int64_t stop;       // as written
    int64_t step;
    bool inclusive;     // written with ..=
    bool explicit_step; // made by range(a, b, step): printed that way
};

struct ProtoObj;
struct ModuleObj;

struct ClosureObj : Object {
    ProtoObj* proto;
    uint32_t upvalue_count;
    Value upvalues[1];
};

enum class NativeResult : uint8_t { Ok, Raise, Block };
using NativeFn = NativeResult (*)(Process& process, Value* args, uint32_t count, Value& result);

struct NativeObj : Object {
    NativeFn fn;
    const char* module;
    const char* name;
    int16_t min_args;
    int16_t max_args;  // -1: any number
};

struct CellObj : Object {
    Value value;
};

struct ProtoObj : Object {
    std::vector<isa::Instr> code;
    std::vector<uint32_t> lines;
    std::vector<Value> constants;
    std::vector<image::Capture> captures;
    // Inline caches of GetField/SetField, one per constant: the map entry (or
    // module global) where that field name was found last time. Only a hint: it
    // is checked before use.
    std::vector<uint32_t> field_cache;
    StringObj* name;  // nullptr for anonymous functions
    ModuleObj* module;
    uint32_t line;
    uint8_t param_count;
    uint8_t required_count;
    bool has_rest;
    uint16_t register_count;
};

enum class ModuleState : uint8_t { Loaded, Running, Ready };

struct ModuleObj : Object {
    StringObj* name;
    StringObj* path;
    ModuleState state;
    bool is_stdlib;
    std::vector<Value> globals;
    std::vector<SymbolObj*> global_names;
    std::unordered_map<SymbolObj*, uint32_t> exports;  // exported name -> global slot
    std::vector<ProtoObj*> protos;
    uint32_t top_level;                                // protos[top_level] runs the module (REPL lines add more)
    std::vector<ModuleObj*> imports;                   // Import Bx -> module
};

// ---- allocation sizes of the objects with inline parts ----------------------

inline size_t string_size(uint32_t length) { return sizeof(StringObj) + length; }
inline size_t tuple_size(uint32_t length) { return sizeof(TupleObj) + sizeof(Value) * (length ? length - 1 : 0); }
inline size_t closure_size(uint32_t upvalues) {
    return sizeof(ClosureObj) + sizeof(Value) * (upvalues ? upvalues - 1 : 0);
}

// ---- typed access ------------------------------------------------------------

#define OBJECT_KIND(name, lower, type, doc)                                           \
    inline type* as_##lower(Value v) { return static_cast<type*>(v.o); }               \
    inline Value make_##lower(type* obj) { return Value::object(obj, Tag::name); }
#include "vm/object/objects.def"
#undef OBJECT_KIND

// The name of a value's type as the language shows it (`type(x)`).
const char* type_name(Tag tag);
const char* type_name(Value v);

}  // namespace vb
