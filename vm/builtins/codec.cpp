// vm/builtins/codec.cpp — the natives of the `codec` module: the portable value
// encoding (vm/encoding/value_codec.h, docs/value-encoding.md) as a program
// sees it, the way Erlang has term_to_binary and Python has pickle.
//
// encode(value) -> bytes raises :type_error for a value that cannot leave its
// team (a function) and :value_error for one too deep (a cycle) or too large;
// decode(bytes) -> value raises :value_error with the decoder's "at byte N"
// message. Both use the codec's default limits, the ones the kernel uses for
// messages, so that what a program encodes a message can carry.
#include <algorithm>
#include <cstring>
#include <string>

#include "vm/builtins/natives.h"
#include "vm/encoding/value_codec.h"
#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/team.h"

namespace vb {

NativeResult native_codec_encode(Process& p, Value* args, uint32_t, Value& result) {
    Heap& heap = p.team().heap;
    codec::Limits limits;
    // Under --max-heap, an encoding the heap could not hold fails before the
    // C++ buffer for it grows that large.
    if (heap.max_bytes) limits.max_bytes = std::min<uint64_t>(limits.max_bytes, heap.max_bytes);
    std::string out;
    codec::EncodeResult encoded = codec::encode(args[0], out, limits);
    if (!encoded.ok)
        raise_error(encoded.kind == codec::EncodeError::NotPortable ? ErrorKind::TypeError : ErrorKind::ValueError,
                    "codec.encode(): " + encoded.error);
    BytesObj* bytes = heap.new_bytes(out.size());
    std::memcpy(bytes->data, out.data(), out.size());
    result = make_bytes(bytes);
    return NativeResult::Ok;
}

NativeResult native_codec_decode(Process& p, Value* args, uint32_t, Value& result) {
    if (!args[0].is(Tag::Bytes)) bad_argument("codec.decode", 0, "bytes", args[0]);
    // args[0] is a root and the collector never moves a buffer, so the view
    // stays valid while the decoder allocates.
    const BytesObj* input = as_bytes(args[0]);
    std::string_view bytes(reinterpret_cast<const char*>(input->data), input->length);
    codec::DecodeResult decoded = codec::decode(p.team().heap, bytes);
    if (!decoded.ok) raise_error(ErrorKind::ValueError, "codec.decode(): " + decoded.error);
    result = decoded.value;
    return NativeResult::Ok;
}

}  // namespace vb
