// vm/encoding/wire.h — the byte-level primitives of every format vb writes for
// another machine: image files (docs/image-format.md) and the portable value
// encoding (docs/value-encoding.md).
//
// One byte order (most significant first for fixed-width fields), LEB128 for
// counts and zigzag LEB128 for signed integers, so that what one architecture
// writes every other reads the same. The reader never reads past its input: each
// read reports failure instead, and the caller turns that into an error that says
// where.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace vb::wire {

enum class ValueTag : uint8_t {
#define VALUE_TAG(name, byte, payload, doc) name = byte,
#include "vm/encoding/tags.def"
#undef VALUE_TAG
};

inline bool is_value_tag(uint8_t byte) {
    switch (byte) {
#define VALUE_TAG(name, value, payload, doc) case value:
#include "vm/encoding/tags.def"
#undef VALUE_TAG
        return true;
        default: return false;
    }
}

inline uint64_t zigzag(int64_t n) { return (static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63); }
inline int64_t unzigzag(uint64_t n) { return static_cast<int64_t>(n >> 1) ^ -static_cast<int64_t>(n & 1); }

class Writer {
public:
    explicit Writer(std::string& out) : m_out(out) {}

    void u8(uint8_t b) { m_out.push_back(static_cast<char>(b)); }
    void tag(ValueTag t) { u8(static_cast<uint8_t>(t)); }
    void u32be(uint32_t n) {
        for (int shift = 24; shift >= 0; shift -= 8) u8(static_cast<uint8_t>(n >> shift));
    }
    void u64be(uint64_t n) {
        for (int shift = 56; shift >= 0; shift -= 8) u8(static_cast<uint8_t>(n >> shift));
    }
    void f64be(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        u64be(bits);
    }
    void uvar(uint64_t n) {
        while (n >= 0x80) {
            u8(static_cast<uint8_t>(n | 0x80));
            n >>= 7;
        }
        u8(static_cast<uint8_t>(n));
    }
    void svar(int64_t n) { uvar(zigzag(n)); }
    void raw(const void* data, size_t size) { m_out.append(static_cast<const char*>(data), size); }
    // A length-prefixed run of bytes (strings, symbols, names).
    void text(std::string_view s) {
        uvar(s.size());
        raw(s.data(), s.size());
    }
    size_t size() const { return m_out.size(); }
    std::string& buffer() { return m_out; }

private:
    std::string& m_out;
};

// Reads from a byte range it does not own. Every read returns false at the end of
// the input (or on an over-long LEB128) and leaves the output untouched.
class Reader {
public:
    Reader(const void* data, size_t size)
        : m_begin(static_cast<const uint8_t*>(data)), m_at(m_begin), m_end(m_begin + size) {}
    explicit Reader(std::string_view bytes) : Reader(bytes.data(), bytes.size()) {}

    size_t offset() const { return static_cast<size_t>(m_at - m_begin); }
    size_t remaining() const { return static_cast<size_t>(m_end - m_at); }
    bool at_end() const { return m_at == m_end; }

    bool u8(uint8_t* out) {
        if (m_at == m_end) return false;
        *out = *m_at++;
        return true;
    }
    bool u32be(uint32_t* out) {
        if (remaining() < 4) return false;
        uint32_t n = 0;
        for (int i = 0; i < 4; i++) n = (n << 8) | *m_at++;
        *out = n;
        return true;
    }
    bool u64be(uint64_t* out) {
        if (remaining() < 8) return false;
        uint64_t n = 0;
        for (int i = 0; i < 8; i++) n = (n << 8) | *m_at++;
        *out = n;
        return true;
    }
    bool f64be(double* out) {
        uint64_t bits;
        if (!u64be(&bits)) return false;
        std::memcpy(out, &bits, sizeof bits);
        return true;
    }
    bool uvar(uint64_t* out) {
        uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at == m_end) return false;
            uint8_t b = *m_at++;
            if (shift == 63 && b > 1) return false;  // more than 64 bits
            n |= static_cast<uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) {
                *out = n;
                return true;
            }
        }
        return false;
    }
    bool svar(int64_t* out) {
        uint64_t n;
        if (!uvar(&n)) return false;
        *out = unzigzag(n);
        return true;
    }
    // A count of items that each take at least `min_item_size` bytes: a count the
    // remaining input cannot hold is refused before anything is allocated for it.
    bool count(uint64_t* out, size_t min_item_size = 1) {
        uint64_t n;
        if (!uvar(&n)) return false;
        if (min_item_size && n > remaining() / min_item_size) return false;
        *out = n;
        return true;
    }
    bool raw(size_t size, std::string_view* out) {
        if (remaining() < size) return false;
        *out = std::string_view(reinterpret_cast<const char*>(m_at), size);
        m_at += size;
        return true;
    }
    bool text(std::string_view* out) {
        uint64_t n;
        if (!count(&n)) return false;
        return raw(static_cast<size_t>(n), out);
    }
    bool text(std::string* out) {
        std::string_view view;
        if (!text(&view)) return false;
        out->assign(view);
        return true;
    }

private:
    const uint8_t* m_begin;
    const uint8_t* m_at;
    const uint8_t* m_end;
};

}  // namespace vb::wire
