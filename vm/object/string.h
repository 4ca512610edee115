// vm/object/string.h — operations on strings: hashing, comparison, building.
#pragma once

#include <string>
#include <string_view>

#include "vm/object/objects.h"

namespace vb {

class Heap;

// FNV-1a over the bytes, cached in the string (never 0 once computed).
uint32_t string_hash(const StringObj* s);

inline bool strings_equal(const StringObj* a, const StringObj* b) {
    if (a == b) return true;
    if (a->length != b->length) return false;
    if (a->hash && b->hash && a->hash != b->hash) return false;
    return a->view() == b->view();
}

StringObj* string_concat(Heap& heap, const StringObj* a, const StringObj* b);

// Number of bytes of the UTF-8 sequence that starts with byte `lead` (1 for an
// invalid lead byte, so iteration always makes progress).
inline int utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

void append_utf8(std::string& out, uint32_t code_point);

}  // namespace vb
