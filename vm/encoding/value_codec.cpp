// vm/encoding/value_codec.cpp — the encoder and decoder of the portable value
// encoding (the API is value_codec.h, the format docs/value-encoding.md).
//
// Both walk a value recursively; the depth limit bounds the recursion, so the C
// stack needed is max_depth small frames. The encoder writes through a raw
// pointer into spare room at the end of the output string and hands long
// payloads to std::string::append, so that the spare room it zero-fills stays
// small. The decoder reads with wire::Reader, builds each container before its
// elements, and keeps every container under construction (and a map key waiting
// for its value) on the heap's temporary roots, because any allocation may
// collect. Errors are built only on the way out of a failure, so the fast path
// does no string work.
#include "vm/encoding/value_codec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "vm/encoding/wire.h"
#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/object/map.h"
#include "vm/value_ops.h"

namespace vb::codec {

namespace {

constexpr uint64_t kCanonicalNan = 0x7FF8000000000000ull;


using wire::ValueTag;

// Heap::new_string_uninitialized and new_bytes refuse anything longer.
constexpr uint64_t kMaxHeapBytes = UINT32_MAX - 64;
// A run of bytes (string, bytes) at least this long is copied straight from its
// source to its destination: appended to the output, not copied into zero-filled
// room; on decoding, not written into a zero-filled buffer first.
constexpr size_t kLongRun = 512;
// An uvar takes at most 10 bytes; tag + uvar fits in this.
constexpr size_t kMaxHead = 11;

inline size_t uvar_size(uint64_t n) {
    size_t size = 1;
    while (n >= 0x80) n >>= 7, size++;
    return size;
}

inline char* put_uvar(char* p, uint64_t n) {
    while (n >= 0x80) {
        *p++ = static_cast<char>(n | 0x80);
        n >>= 7;
    }
    *p++ = static_cast<char>(n);
    return p;
}

inline char* put_u64be(char* p, uint64_t n) {
    for (int shift = 56; shift >= 0; shift -= 8) *p++ = static_cast<char>(n >> shift);
    return p;
}

const char* not_portable_kind(Tag tag) {
    switch (tag) {
        case Tag::Function: return "a function";
        case Tag::Native: return "a native function";
        case Tag::Cell: return "a captured variable's cell";
        case Tag::Module: return "a module";
        case Tag::Proto: return "compiled code";
        case Tag::Missing: return "the runtime's missing-value marker";
        default: return "a value of this kind";
    }
}

bool is_identifier(std::string_view s) {
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

// How a path names the entry of a map under `key`: `.name` for a symbol that
// reads as a field, `[key]` for anything else.
std::string key_segment(Value key) {
    if (key.is(Tag::Symbol) && is_identifier(as_symbol(key)->name->view()))
        return "." + std::string(as_symbol(key)->name->view());
    std::string shown = to_repr(key);
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    return "[" + shown + "]";
}

// ---- encoding -----------------------------------------------------------------

class Encoder {
public:
    Encoder(std::string& out, const Limits& limits)
        : m_out(out), m_limits(limits), m_start(out.size()), m_size(out.size()) {}

    EncodeResult run(Value v) {
        // A lone string or bytes value (a common message) gets its exact room now.
        if (v.is(Tag::String)) m_out.reserve(m_size + kMaxHead + 1 + as_string(v)->length);
        if (v.is(Tag::Bytes)) m_out.reserve(m_size + kMaxHead + 1 + as_bytes(v)->length);
        put_byte(kVersion);
        EncodeResult result;
        if (value(v, 0) && fits()) {
            m_out.resize(m_size);
            result.ok = true;
            return result;
        }
        if (m_kind == EncodeError::None) too_large();
        m_out.resize(m_start);
        result.kind = m_kind;
        result.error = m_error + path();
        return result;
    }

private:
    bool value(Value v, uint32_t depth) {
        switch (v.tag) {
            case Tag::Nil: put_byte(static_cast<uint8_t>(ValueTag::Nil)); return true;
            case Tag::Bool: put_byte(static_cast<uint8_t>(v.bits ? ValueTag::True : ValueTag::False)); return true;
            case Tag::Int: {
                char* p = room(kMaxHead);
                *p++ = static_cast<char>(ValueTag::Int);
                commit(put_uvar(p, wire::zigzag(v.i)));
                return true;
            }
            case Tag::Float: {
                uint64_t bits;
                std::memcpy(&bits, &v.f, sizeof bits);
                // Machines make NaNs with different sign and payload bits
                // (x86-64 sets the sign): one NaN, so the bytes are the same everywhere.
                if (std::isnan(v.f)) bits = kCanonicalNan;
                return fixed64(ValueTag::Float, bits);
            }
            case Tag::Pid: return fixed64(ValueTag::Pid, v.bits);
            case Tag::String: return run_of_bytes(ValueTag::String, as_string(v)->chars, as_string(v)->length);
            case Tag::Symbol: {
                const StringObj* name = as_symbol(v)->name;
                return run_of_bytes(ValueTag::Symbol, name->chars, name->length);
            }
            case Tag::Bytes: return run_of_bytes(ValueTag::Bytes, as_bytes(v)->data, as_bytes(v)->length);
            case Tag::Range: {
                const RangeObj* r = as_range(v);
                char* p = room(1 + 3 * 10 + 1);
                *p++ = static_cast<char>(ValueTag::Range);
                p = put_uvar(p, wire::zigzag(r->start));
                p = put_uvar(p, wire::zigzag(r->stop));
                p = put_uvar(p, wire::zigzag(r->step));
                *p++ = static_cast<char>((r->inclusive ? 1 : 0) | (r->explicit_step ? 2 : 0));
                commit(p);
                return true;
            }
            case Tag::Tuple: return sequence(ValueTag::Tuple, as_tuple(v)->items, as_tuple(v)->length, depth);
            case Tag::Array: return sequence(ValueTag::Array, as_array(v)->items, as_array(v)->length, depth);
            case Tag::Map: return map(as_map(v), depth);
            default:
                m_kind = EncodeError::NotPortable;
                m_error = std::string(not_portable_kind(v.tag)) + " cannot leave its team";
                return false;
        }
    }

    bool sequence(ValueTag tag, const Value* items, uint32_t length, uint32_t depth) {
        if (depth >= m_limits.max_depth) return too_deep();
        head(tag, length);
        for (uint32_t i = 0; i < length; i++) {
            if (!value(items[i], depth + 1) || !fits()) {
                m_path.push_back("[" + std::to_string(i) + "]");
                return false;
            }
        }
        return true;
    }

    bool map(const MapObj* m, uint32_t depth) {
        if (depth >= m_limits.max_depth) return too_deep();
        head(ValueTag::Map, m->live);
        uint32_t number = 0;  // of the entry, holes not counted
        for (uint32_t i = 0; i < m->entry_count; i++) {
            const MapEntry& e = m->entries[i];
            if (e.key.is_missing()) continue;
            if (!value(e.key, depth + 1)) {
                m_path.push_back("<key " + std::to_string(number) + ">");
                return false;
            }
            if (!value(e.value, depth + 1) || !fits()) {
                m_path.push_back(key_segment(e.key));
                return false;
            }
            number++;
        }
        return true;
    }

    bool too_deep() {
        m_kind = EncodeError::TooDeep;
        m_error = "the value nests deeper than " + std::to_string(m_limits.max_depth) + " levels (is it cyclic?)";
        return false;
    }

    bool too_large() {
        m_kind = EncodeError::TooLarge;
        m_error = "the encoding is longer than the limit of " + std::to_string(m_limits.max_bytes) + " bytes";
        return false;
    }

    bool fits() const { return m_size - m_start <= m_limits.max_bytes; }

    // Where the failure was, outermost first: " (at [2].handler)". A cycle makes a
    // path as long as the depth limit, so the middle of a long one is left out.
    std::string path() const {
        if (m_path.empty()) return "";
        constexpr size_t kHead = 8, kTail = 4;
        std::string out = " (at ";
        size_t n = m_path.size();
        for (size_t i = 0; i < n; i++) {
            size_t segment = n - 1 - i;
            if (n > kHead + kTail && i == kHead) {
                out += "...";
                i = n - kTail - 1;
                continue;
            }
            out += m_path[segment];
        }
        return out + ")";
    }

    bool run_of_bytes(ValueTag tag, const void* data, uint32_t length) {
        if (length < kLongRun) {
            // Most strings are short: one check for room, then tag, length and bytes.
            char* p = room(kMaxHead + length);
            *p++ = static_cast<char>(tag);
            p = put_uvar(p, length);
            std::memcpy(p, data, length);
            commit(p + length);
            return true;
        }
        if (m_size - m_start + 1 + uvar_size(length) + length > m_limits.max_bytes) return too_large();
        head(tag, length);
        m_out.resize(m_size);
        m_out.append(static_cast<const char*>(data), length);
        m_size += length;
        return true;
    }

    bool fixed64(ValueTag tag, uint64_t bits) {
        char* p = room(9);
        *p++ = static_cast<char>(tag);
        commit(put_u64be(p, bits));
        return true;
    }

    void head(ValueTag tag, uint64_t count) {
        char* p = room(kMaxHead);
        *p++ = static_cast<char>(tag);
        commit(put_uvar(p, count));
    }

    void put_byte(uint8_t b) {
        *room(1) = static_cast<char>(b);
        m_size++;
    }

    // A pointer to at least `n` writable bytes at the end of the output.
    char* room(size_t n) {
        if (m_out.size() - m_size < n) grow(n);
        return m_out.data() + m_size;
    }
    void commit(char* end) { m_size = static_cast<size_t>(end - m_out.data()); }

    // Out of line, so that room() stays small enough to inline everywhere.
    [[gnu::noinline]] void grow(size_t n) {
        size_t written = m_size - m_start;
        m_out.resize(m_size + std::max({n, written / 2, size_t{256}}));
    }

    std::string& m_out;
    const Limits& m_limits;
    size_t m_start;  // where this value's encoding begins in m_out
    size_t m_size;   // bytes of m_out written so far; past it is spare room
    EncodeError m_kind = EncodeError::None;
    std::string m_error;
    std::vector<std::string> m_path;  // innermost first
};

// ---- decoding -----------------------------------------------------------------

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t length;
        uint32_t cp, min;
        if ((c >> 5) == 0x6) length = 2, cp = c & 0x1F, min = 0x80;
        else if ((c >> 4) == 0xE) length = 3, cp = c & 0x0F, min = 0x800;
        else if ((c >> 3) == 0x1E) length = 4, cp = c & 0x07, min = 0x10000;
        else return false;
        if (static_cast<size_t>(end - p) < length) return false;
        for (size_t i = 1; i < length; i++) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += length;
    }
    return true;
}

// "1 entry", "2 entries".
std::string count_of(uint64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ", but only 2 bytes remain".
std::string but_only(size_t remaining) {
    if (remaining == 0) return ", but nothing remains";
    return ", but only " + count_of(remaining, "byte", "bytes") + (remaining == 1 ? " remains" : " remain");
}

// Gives the heap's temporary roots back to the size they had, however the
// decoder leaves (success, a decoding error, or OutOfMemory thrown through it).
class RootsMark {
public:
    explicit RootsMark(Heap& heap) : m_heap(heap), m_size(heap.temp_roots.size()) {}
    ~RootsMark() { m_heap.temp_roots.resize(m_size); }
    RootsMark(const RootsMark&) = delete;
    RootsMark& operator=(const RootsMark&) = delete;

private:
    Heap& m_heap;
    size_t m_size;
};

class Decoder {
public:
    Decoder(Heap& heap, std::string_view bytes, const Limits& limits)
        : m_heap(heap), m_bytes(bytes), m_in(bytes), m_limits(limits) {}

    DecodeResult run() {
        DecodeResult result;
        uint8_t version;
        if (!m_in.u8(&version)) {
            fail(0, "the input is empty (no version byte)");
        } else if (version != kVersion) {
            fail(0, "version " + std::to_string(version) + " of the value encoding, but this vb reads version " +
                        std::to_string(kVersion));
        } else if (value(&result.value, 0) && !m_in.at_end()) {
            fail(m_in.offset(), count_of(m_in.remaining(), "more byte", "more bytes") + " after the end of the value");
        }
        if (m_failed) {
            result.value = Value::nil();
            result.offset = m_error_at;
            result.error = "at byte " + std::to_string(m_error_at) + ": " + m_error;
            return result;
        }
        result.ok = true;
        return result;
    }

private:
    bool value(Value* out, uint32_t depth) {
        size_t at = m_in.offset();
        uint8_t tag;
        if (!m_in.u8(&tag)) return fail(at, "the input ends where a value should start");
        switch (static_cast<ValueTag>(tag)) {
            case ValueTag::Nil: *out = Value::nil(); return true;
            case ValueTag::False: *out = Value::boolean(false); return true;
            case ValueTag::True: *out = Value::boolean(true); return true;
            case ValueTag::Int: {
                uint64_t n = 0;
                if (!uvar(&n, "an int")) return false;
                *out = Value::integer(wire::unzigzag(n));
                return true;
            }
            case ValueTag::Float: {
                double d;
                if (!m_in.f64be(&d)) return ends_inside(at, "a float", 8);
                uint64_t bits;
                std::memcpy(&bits, &d, sizeof bits);
                if (std::isnan(d) && bits != kCanonicalNan)
                    return fail(at, "a NaN other than 7FF8000000000000 (every NaN is written as that one)");
                *out = Value::number(d);
                return true;
            }
            case ValueTag::Pid: {
                uint64_t id;
                if (!m_in.u64be(&id)) return ends_inside(at, "a pid", 8);
                *out = Value::pid(id);
                return true;
            }
            case ValueTag::String: {
                std::string_view text;
                if (!run_of_bytes(&text, "a string")) return false;
                StringObj* s = m_heap.new_string_uninitialized(text.size());
                if (!text.empty()) std::memcpy(s->chars, text.data(), text.size());
                *out = make_string(s);
                return true;
            }
            case ValueTag::Symbol: {
                std::string_view name;
                if (!run_of_bytes(&name, "a symbol")) return false;
                if (!valid_utf8(name)) return fail(at, "a symbol whose name is not valid UTF-8");
                *out = make_symbol(m_heap.intern(name));
                return true;
            }
            case ValueTag::Bytes: {
                std::string_view data;
                if (!run_of_bytes(&data, "a bytes value")) return false;
                *out = make_bytes(bytes(data));
                return true;
            }
            case ValueTag::Tuple: return tuple(out, at, depth);
            case ValueTag::Array: return array(out, at, depth);
            case ValueTag::Map: return map(out, at, depth);
            case ValueTag::Range: return range(out, at);
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", tag);
        return fail(at, std::string("unknown tag ") + hex);
    }

    // Heap::new_bytes zero-fills its buffer; a long one is filled here at once
    // instead, so its bytes are written once, not twice.
    BytesObj* bytes(std::string_view data) {
        if (data.size() < kLongRun) {
            BytesObj* b = m_heap.new_bytes(data.size());
            if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
            return b;
        }
        BytesObj* b = m_heap.new_bytes(0);
        m_heap.temp_roots.push_back(make_bytes(b));
        void* buffer = m_heap.allocate_buffer(data.size());  // may collect: b is rooted and whole
        std::memcpy(buffer, data.data(), data.size());
        m_heap.free_buffer(b->data, b->capacity);
        b->data = static_cast<uint8_t*>(buffer);
        b->length = b->capacity = static_cast<uint32_t>(data.size());
        m_heap.temp_roots.pop_back();
        return b;
    }

    bool tuple(Value* out, size_t at, uint32_t depth) {
        uint64_t n = 0;
        if (!container(at, depth, &n, 1, "a tuple")) return false;
        TupleObj* t = m_heap.new_tuple(static_cast<uint32_t>(n));
        m_heap.temp_roots.push_back(make_tuple(t));
        for (uint32_t i = 0; i < n; i++) {
            Value item;
            if (!value(&item, depth + 1)) return false;
            t->items[i] = item;  // the collector does not move objects: t is still t
        }
        m_heap.temp_roots.pop_back();
        *out = make_tuple(t);
        return true;
    }

    bool array(Value* out, size_t at, uint32_t depth) {
        uint64_t n = 0;
        if (!container(at, depth, &n, 1, "an array")) return false;
        ArrayObj* a = m_heap.new_array(static_cast<uint32_t>(n));
        m_heap.temp_roots.push_back(make_array(a));
        for (uint32_t i = 0; i < n; i++) {
            Value item;
            if (!value(&item, depth + 1)) return false;
            a->items[a->length++] = item;  // room for n was made up front
        }
        m_heap.temp_roots.pop_back();
        *out = make_array(a);
        return true;
    }

    bool map(Value* out, size_t at, uint32_t depth) {
        uint64_t n = 0;
        if (!container(at, depth, &n, 2, "a map")) return false;
        MapObj* m = m_heap.new_map(static_cast<uint32_t>(n));
        std::vector<Value>& roots = m_heap.temp_roots;
        roots.push_back(make_map(m));
        for (uint64_t i = 0; i < n; i++) {
            size_t key_at = m_in.offset();
            Value key, item;
            if (!value(&key, depth + 1)) return false;
            roots.push_back(key);
            if (!value(&item, depth + 1)) return false;
            roots.push_back(item);
            uint32_t before = m->live;
            try {
                map_set(m_heap, m, key, item);
            } catch (const VmError& e) {
                // The hashing rules are value_hash's; a key it refuses is a malformed map.
                return fail(key_at, "a map key that cannot be a key: " + e.message);
            }
            if (m->live == before) return fail(key_at, "a map that repeats a key");
            roots.resize(roots.size() - 2);
        }
        roots.pop_back();
        *out = make_map(m);
        return true;
    }

    bool range(Value* out, size_t at) {
        int64_t start, stop, step;
        uint64_t n = 0;
        if (!uvar(&n, "a range", "'s start")) return false;
        start = wire::unzigzag(n);
        if (!uvar(&n, "a range", "'s stop")) return false;
        stop = wire::unzigzag(n);
        if (!uvar(&n, "a range", "'s step")) return false;
        step = wire::unzigzag(n);
        uint8_t flags;
        if (!m_in.u8(&flags)) return fail(m_in.offset(), "the input ends inside a range's flags");
        if (flags & ~3u) return fail(at, "a range with unknown flags " + std::to_string(flags));
        bool inclusive = flags & 1, explicit_step = flags & 2;
        if (step == 0) return fail(at, "a range with step 0");
        if (!explicit_step && step != 1) return fail(at, "a range whose step is not 1 but not marked as written");
        *out = make_range(m_heap.new_range(start, stop, step, inclusive, explicit_step));
        return true;
    }

    // The common start of a tuple, array or map: the depth, then a count whose
    // items (each at least `min_item` bytes) the remaining input can hold.
    bool container(size_t at, uint32_t depth, uint64_t* n, size_t min_item, const char* what) {
        if (depth >= m_limits.max_depth) return too_deep(at, what);
        size_t count_at = m_in.offset();
        if (!uvar(n, what, "'s length")) return false;
        if (*n > m_in.remaining() / min_item || *n > UINT32_MAX) return too_many(count_at, what, *n, min_item);
        return true;
    }

    // A length, then that many bytes: returned as a view of the input.
    bool run_of_bytes(std::string_view* out, const char* what) {
        size_t at = m_in.offset();
        uint64_t n = 0;
        if (!uvar(&n, what, "'s length")) return false;
        if (n > m_in.remaining() || n > kMaxHeapBytes) return too_many(at, what, n, 0);
        m_in.raw(static_cast<size_t>(n), out);
        return true;
    }

    // An unsigned LEB128 number in its shortest form (its last byte is not 0
    // unless it is the only one); `what` and `part` name it in an error.
    bool uvar(uint64_t* n, const char* what, const char* part = "") {
        size_t at = m_in.offset();
        if (m_in.uvar(n) && (m_in.offset() - at == 1 || m_bytes[m_in.offset() - 1] != 0)) return true;
        return bad_uvar(at, what, part);
    }

    // ---- the errors, out of the way of the fast path

    [[gnu::cold, gnu::noinline]] bool bad_uvar(size_t at, const char* what, const char* part) {
        std::string name = std::string(what) + part;
        // Find where the number ends to tell apart the ways it can be wrong.
        size_t i = at;
        while (i < m_bytes.size() && i - at < 10 && (static_cast<uint8_t>(m_bytes[i]) & 0x80)) i++;
        if (i == m_bytes.size()) return fail(at, "the input ends inside " + name);
        if (i - at == 10 || (i - at == 9 && static_cast<uint8_t>(m_bytes[i]) > 1))
            return fail(at, name + " does not fit in 64 bits");
        return fail(at, name + " is not in its shortest form (it ends in a zero byte)");
    }

    [[gnu::cold, gnu::noinline]] bool too_deep(size_t at, const char* what) {
        return fail(at, std::string(what) + " nested deeper than the limit of " + std::to_string(m_limits.max_depth) +
                            " levels");
    }

    // A count the input cannot hold; min_item 0 for a run of bytes.
    [[gnu::cold, gnu::noinline]] bool too_many(size_t at, const char* what, uint64_t n, size_t min_item) {
        std::string counted = min_item == 0   ? count_of(n, "byte", "bytes")
                              : min_item == 2 ? count_of(n, "entry", "entries")
                                              : count_of(n, "item", "items");
        if (n <= m_in.remaining() / std::max<size_t>(min_item, 1))
            return fail(at, std::string(what) + " of " + counted + " is too long for vb");
        return fail(at, std::string(what) + " of " + counted + but_only(m_in.remaining()));
    }

    [[gnu::cold, gnu::noinline]] bool ends_inside(size_t at, const char* what, size_t needed) {
        size_t remaining = m_in.remaining();
        return fail(at, "the input ends inside " + std::string(what) + " (it needs " + count_of(needed, "byte", "bytes") + ", " +
                            std::to_string(remaining) + (remaining == 1 ? " remains)" : " remain)"));
    }

    [[gnu::cold, gnu::noinline]] bool fail(size_t at, std::string what) {
        m_failed = true;
        m_error_at = at;
        m_error = std::move(what);
        return false;
    }

    Heap& m_heap;
    std::string_view m_bytes;
    wire::Reader m_in;
    const Limits& m_limits;
    bool m_failed = false;
    size_t m_error_at = 0;
    std::string m_error;
};

}  // namespace

EncodeResult encode(Value v, std::string& out, const Limits& limits) {
    size_t start = out.size();
    try {
        return Encoder(out, limits).run(v);
    } catch (...) {
        out.resize(start);  // std::bad_alloc while growing: drop the spare room and the partial value
        throw;
    }
}

DecodeResult decode(Heap& heap, std::string_view bytes, const Limits& limits) {
    if (bytes.size() > limits.max_bytes) {
        DecodeResult result;
        result.error = "at byte 0: the input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                       std::to_string(limits.max_bytes);
        return result;
    }
    RootsMark mark(heap);
    return Decoder(heap, bytes, limits).run();
}

}  // namespace vb::codec
