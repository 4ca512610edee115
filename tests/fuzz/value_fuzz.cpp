// tests/fuzz/value_fuzz.cpp — fuzz target for the portable value decoder
// (vm/encoding/value_codec.cpp): any bytes decoded into a fresh team's heap
// under small limits.
//
// A refusal is a fine outcome, and so is :out_of_memory at the heap limit; a
// crash, a sanitizer report or an unbounded allocation is not. What decodes must
// encode again, and that encoding must be a fixed point: decoding and encoding it
// once more gives the same bytes. Small inputs decode with the collector running
// at every allocation, so a half-built value the decoder forgot to root is freed
// under it and ASan reports the use. Built as a libFuzzer target
// (scripts/fuzz.sh) and, with replay_main.cpp, as a plain program that ctest runs
// over corpus/value/.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vm/encoding/value_codec.h"
#include "vm/gc/heap.h"
#include "vm/team.h"

namespace {

using namespace vb;

constexpr size_t kMaxHeap = size_t{16} << 20;
constexpr size_t kStressBelow = 2048;  // bytes of input

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "value_fuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    TeamOptions options;
    options.max_heap = kMaxHeap;
    options.gc_stress = size < kStressBelow;
    Team team(options);
    codec::Limits limits;
    limits.max_depth = 64;
    limits.max_bytes = 1 << 20;
    try {
        codec::DecodeResult first = codec::decode(team.heap, input, limits);
        if (!first.ok) return 0;
        TempRoot keep_first(team.heap, first.value);
        std::string encoded;
        codec::EncodeResult again = codec::encode(first.value, encoded, limits);
        if (!again.ok) fail("a decoded value does not encode", again.error);
        codec::DecodeResult second = codec::decode(team.heap, encoded, limits);
        if (!second.ok) fail("an encoded value does not decode", second.error);
        TempRoot keep_second(team.heap, second.value);
        std::string reencoded;
        codec::EncodeResult last = codec::encode(second.value, reencoded, limits);
        if (!last.ok) fail("a value decoded from an encoding does not encode", last.error);
        if (reencoded != encoded) fail("encoding is not a fixed point", std::to_string(encoded.size()) + " bytes, then " +
                                                                          std::to_string(reencoded.size()));
    } catch (OutOfMemory&) {
        // The input describes more than the heap limit holds: refused the way
        // a team refuses it.
    }
    return 0;
}
