// vm/encoding/value_codec.h — the portable value encoding of team values
// (docs/value-encoding.md): what leaves a team — a message to another team or
// node, the arguments of a remote program — is encoded here and decoded into
// the receiving team's heap. The tags are vm/encoding/tags.def, the byte-level
// primitives vm/encoding/wire.h; the `codec` stdlib module (vm/builtins/codec.cpp)
// shows the same two functions to programs.
//
// Encoding refuses what cannot leave a team (functions, natives, cells, modules)
// and cycles (through the depth limit); decoding checks every byte against the
// limits, so a hostile or corrupt input is an error that says what and at which
// byte offset, never a crash or an unbounded allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/value.h"

namespace vb {

class Heap;

namespace codec {

// The first byte of every encoded value stream.
constexpr uint8_t kVersion = 1;

// The same limits apply on both sides, so that what one side encodes with them
// the other side decodes with them. Both sides recurse once per level of
// nesting (a few hundred bytes of C stack each), so max_depth also bounds the
// stack they use: keep it in the thousands at most.
struct Limits {
    uint32_t max_depth = 256;                 // nesting of tuples, arrays and maps
    uint64_t max_bytes = uint64_t{1} << 30;   // size of the encoded input or output
};

enum class EncodeError : uint8_t {
    None,
    NotPortable,  // a function, native, cell, module or proto: it belongs to its team
    TooDeep,      // nesting over max_depth; a cyclic value always ends here
    TooLarge,     // the encoding would be longer than max_bytes
};

struct EncodeResult {
    bool ok = false;
    EncodeError kind = EncodeError::None;
    std::string error;  // "a function cannot leave its team (at [2].handler)"
};

// Appends the encoding of `v` (version byte first) to `out`. On failure `out`
// is left as it was. Encoding never allocates in a heap, so it never collects.
EncodeResult encode(Value v, std::string& out, const Limits& limits = {});

struct DecodeResult {
    bool ok = false;
    Value value;         // rooted by the caller before the next allocation
    std::string error;   // "at byte 17: a string of 40 bytes, but only 3 bytes remain"
    uint64_t offset = 0; // of the error, from the start of the input (the version byte)
};

// Decodes one value that must fill `bytes` exactly, allocating in `heap`. Throws
// only what heap allocation throws (OutOfMemory); the heap's temporary roots are
// as they were on every way out.
DecodeResult decode(Heap& heap, std::string_view bytes, const Limits& limits = {});

}  // namespace codec
}  // namespace vb
