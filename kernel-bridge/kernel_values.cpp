// kernel-bridge/kernel_values.cpp — the kernel's own writer and reader of the
// portable value encoding (see kernel_values.h). The reader walks a value only
// far enough to find a request's operation; it skips the rest without building
// anything, with the encoding's depth limit bounding its recursion.
#include "kernel-bridge/kernel_values.h"

#include <cmath>
#include <cstring>

namespace vb::kernel {

namespace {

using wire::ValueTag;

constexpr uint64_t kCanonicalNan = 0x7FF8000000000000ull;
// The decoder's default max_depth (docs/value-encoding.md, "Limits").
constexpr int kMaxDepth = 256;

// Steps over one value; false when the bytes do not hold one.
bool skip_value(wire::Reader& in, int depth) {
    if (depth > kMaxDepth) return false;
    uint8_t tag;
    if (!in.u8(&tag)) return false;
    uint64_t n, fixed;
    int64_t number;
    std::string_view run;
    switch (static_cast<ValueTag>(tag)) {
        case ValueTag::Nil:
        case ValueTag::False:
        case ValueTag::True: return true;
        case ValueTag::Int: return in.svar(&number);
        case ValueTag::Float:
        case ValueTag::Pid: return in.u64be(&fixed);
        case ValueTag::String:
        case ValueTag::Symbol:
        case ValueTag::Bytes: return in.text(&run);
        case ValueTag::Tuple:
        case ValueTag::Array:
            if (!in.count(&n, 1)) return false;
            for (uint64_t i = 0; i < n; i++)
                if (!skip_value(in, depth + 1)) return false;
            return true;
        case ValueTag::Map:
            if (!in.count(&n, 2)) return false;
            for (uint64_t i = 0; i < 2 * n; i++)
                if (!skip_value(in, depth + 1)) return false;
            return true;
        case ValueTag::Range: {
            uint8_t flags;
            return in.svar(&number) && in.svar(&number) && in.svar(&number) && in.u8(&flags);
        }
    }
    return false;
}

// A symbol's name, when the next value is a symbol; otherwise steps over it.
bool read_symbol(wire::Reader& in, std::string_view* name, bool* is_symbol) {
    wire::Reader peek = in;
    uint8_t tag;
    if (!peek.u8(&tag)) return false;
    *is_symbol = tag == static_cast<uint8_t>(ValueTag::Symbol);
    if (!*is_symbol) return skip_value(in, 2);  // inside the request's map
    in = peek;
    return in.text(name);
}

}  // namespace

ValueWriter::ValueWriter(std::string& out) : m_out(out) { m_out.u8(kValueEncodingVersion); }

void ValueWriter::nil() { m_out.tag(ValueTag::Nil); }
void ValueWriter::boolean(bool b) { m_out.tag(b ? ValueTag::True : ValueTag::False); }

void ValueWriter::integer(int64_t n) {
    m_out.tag(ValueTag::Int);
    m_out.svar(n);
}

void ValueWriter::real(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    if (std::isnan(d)) bits = kCanonicalNan;
    m_out.tag(ValueTag::Float);
    m_out.u64be(bits);
}

void ValueWriter::string(std::string_view s) {
    m_out.tag(ValueTag::String);
    m_out.text(s);
}

void ValueWriter::symbol(std::string_view name) {
    m_out.tag(ValueTag::Symbol);
    m_out.text(name);
}

void ValueWriter::pid(uint64_t id) {
    m_out.tag(ValueTag::Pid);
    m_out.u64be(id);
}

void ValueWriter::array(size_t count) {
    m_out.tag(ValueTag::Array);
    m_out.uvar(count);
}

void ValueWriter::map(size_t count) {
    m_out.tag(ValueTag::Map);
    m_out.uvar(count);
}

std::string request_operation(std::string_view bytes) {
    wire::Reader in(bytes);
    uint8_t version, tag;
    if (!in.u8(&version) || version != kValueEncodingVersion) return {};
    if (!in.u8(&tag)) return {};
    std::string_view op;
    bool is_symbol;
    if (tag == static_cast<uint8_t>(ValueTag::Symbol)) {
        if (!in.text(&op)) return {};
    } else if (tag == static_cast<uint8_t>(ValueTag::Map)) {
        uint64_t entries;
        if (!in.count(&entries, 2)) return {};
        std::string_view found;
        for (uint64_t i = 0; i < entries; i++) {
            std::string_view key;
            if (!read_symbol(in, &key, &is_symbol)) return {};
            bool is_op = is_symbol && key == "op";
            std::string_view name;
            if (!read_symbol(in, &name, &is_symbol)) return {};
            if (is_op && is_symbol) found = name;
        }
        op = found;
    } else {
        return {};
    }
    // A value is the whole input: trailing bytes make it no request at all.
    if (!in.at_end()) return {};
    return std::string(op);
}

}  // namespace vb::kernel
