// vm/value.h — the representation of a vb value.
//
// A Value is 16 bytes: an 8-byte payload and a tag, as Lua's TValue. This keeps
// full 64-bit integers (the language promises them, with overflow detection) and
// IEEE doubles unboxed, so arithmetic never allocates. Heap values carry their
// object kind in the tag too, so a type test never touches memory. Objects are
// defined in vm/object/objects.h.
#pragma once

#include <cstdint>
#include <cstring>

namespace vb {

struct Object;

// Tags up to Missing are immediate; the rest point to a heap object whose kind is
// the same tag (see objects.def).
enum class Tag : uint8_t {
    Nil,
    Bool,
    Int,
    Float,
    Pid,
    Missing,  // internal: a parameter the caller did not pass, a global not yet defined
#define OBJECT_KIND(name, lower, type, doc) name,
#include "vm/object/objects.def"
#undef OBJECT_KIND
};

constexpr Tag kFirstObjectTag = static_cast<Tag>(static_cast<int>(Tag::Missing) + 1);

struct Value {
    union {
        int64_t i;
        double f;
        Object* o;
        uint64_t bits;
    };
    Tag tag;

    constexpr Value() : bits(0), tag(Tag::Nil) {}

    static constexpr Value nil() { return Value(); }
    static constexpr Value missing() {
        Value v;
        v.tag = Tag::Missing;
        return v;
    }
    static constexpr Value boolean(bool b) {
        Value v;
        v.bits = b ? 1 : 0;
        v.tag = Tag::Bool;
        return v;
    }
    static constexpr Value integer(int64_t n) {
        Value v;
        v.i = n;
        v.tag = Tag::Int;
        return v;
    }
    static constexpr Value number(double d) {
        Value v;
        v.f = d;
        v.tag = Tag::Float;
        return v;
    }
    static constexpr Value pid(uint64_t id) {
        Value v;
        v.bits = id;
        v.tag = Tag::Pid;
        return v;
    }
    static Value object(Object* obj, Tag kind) {
        Value v;
        v.o = obj;
        v.tag = kind;
        return v;
    }

    bool is_nil() const { return tag == Tag::Nil; }
    bool is_missing() const { return tag == Tag::Missing; }
    bool is_bool() const { return tag == Tag::Bool; }
    bool is_int() const { return tag == Tag::Int; }
    bool is_float() const { return tag == Tag::Float; }
    bool is_number() const { return tag == Tag::Int || tag == Tag::Float; }
    bool is_pid() const { return tag == Tag::Pid; }
    bool is_object() const { return tag >= kFirstObjectTag; }
    bool is(Tag t) const { return tag == t; }
    bool truthy() const { return !(tag == Tag::Nil || (tag == Tag::Bool && bits == 0)); }

    double as_number() const { return tag == Tag::Int ? static_cast<double>(i) : f; }
};

static_assert(sizeof(Value) == 16);

}  // namespace vb
