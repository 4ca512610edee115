// kernel-bridge/kernel_values.h — the few shapes of the portable value encoding
// (docs/value-encoding.md) that the kernel writes and reads by itself. The
// kernel has no heap and includes nothing of the VM's runtime, so the kernel
// servers (kernel_servers.h) write their replies straight to bytes with
// ValueWriter and recognise requests with request_operation; what a team
// decodes from them is exactly what the VM's encoder (vm/encoding/value_codec.h)
// would have written for the same value, as tests/unit/kernel_values.test.cpp
// checks. Built on vm/encoding/wire.h and tags.def, which are plain byte layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/encoding/wire.h"

namespace vb::kernel {

// The version byte of the encoding this writes and reads (codec::kVersion).
constexpr uint8_t kValueEncodingVersion = 1;

// Writes one value, in the encoding's canonical form, to the end of a string.
// Containers are written count first: array(n) is followed by n values, map(n)
// by n key-value pairs, keys distinct (the caller's promise, as the encoding's).
class ValueWriter {
public:
    // Appends the version byte; exactly one value is to follow.
    explicit ValueWriter(std::string& out);

    void nil();
    void boolean(bool b);
    void integer(int64_t n);
    void real(double d);  // every NaN as the one canonical NaN
    void string(std::string_view s);
    void symbol(std::string_view name);  // a name from C++ source: ASCII
    void pid(uint64_t id);
    void array(size_t count);
    void map(size_t count);

private:
    wire::Writer m_out;
};

// The operation a request names: the symbol itself (:list), or the symbol under
// the key :op of a map ({op: :list, ...}). Empty for anything else, including
// bytes that are not one well-formed value: a kernel server answers those with
// what it understands, never by failing.
std::string request_operation(std::string_view bytes);

}  // namespace vb::kernel
