// vm/object/string.cpp — string hashing and building.
#include "vm/object/string.h"

#include <cstring>

#include "vm/gc/heap.h"

namespace vb {

uint32_t string_hash(const StringObj* s) {
    if (s->hash) return s->hash;
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < s->length; i++) {
        h ^= static_cast<unsigned char>(s->chars[i]);
        h *= 16777619u;
    }
    if (h == 0) h = 1;
    s->hash = h;
    return h;
}

StringObj* string_concat(Heap& heap, const StringObj* a, const StringObj* b) {
    StringObj* s = heap.new_string_uninitialized(size_t(a->length) + b->length);
    std::memcpy(s->chars, a->chars, a->length);
    std::memcpy(s->chars + a->length, b->chars, b->length);
    return s;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace vb
