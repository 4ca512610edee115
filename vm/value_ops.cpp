// vm/value_ops.cpp — equality, hashing, ordering and printing of values.
#include "vm/value_ops.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <new>
#include <vector>

#include "kernel-bridge/entity.h"
#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/object/map.h"
#include "vm/object/string.h"

namespace vb {

namespace {

constexpr int kMaxDepth = 10000;  // deeper nesting is treated as a cycle

uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

bool equal_at(Value a, Value b, int depth);

bool sequences_equal(const Value* a, const Value* b, uint32_t n, int depth) {
    for (uint32_t i = 0; i < n; i++)
        if (!equal_at(a[i], b[i], depth + 1)) return false;
    return true;
}

bool equal_at(Value a, Value b, int depth) {
    if (depth > kMaxDepth) raise_error(ErrorKind::StackOverflow, "values nest too deeply to compare (cyclic?)");
    if (a.tag != b.tag) {
        if (a.is_number() && b.is_number()) {
            // Exact comparison of an int with a float.
            int64_t n = a.is_int() ? a.i : b.i;
            double d = a.is_int() ? b.f : a.f;
            if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return false;
            return static_cast<double>(static_cast<int64_t>(d)) == d && static_cast<int64_t>(d) == n;
        }
        return false;
    }
    switch (a.tag) {
        case Tag::Nil:
        case Tag::Missing: return true;
        case Tag::Bool:
        case Tag::Int:
        case Tag::Pid: return a.bits == b.bits;
        case Tag::Float: return a.f == b.f;
        case Tag::String: return strings_equal(as_string(a), as_string(b));
        case Tag::Tuple: {
            auto *x = as_tuple(a), *y = as_tuple(b);
            return x == y || (x->length == y->length && sequences_equal(x->items, y->items, x->length, depth));
        }
        case Tag::Array: {
            auto *x = as_array(a), *y = as_array(b);
            return x == y || (x->length == y->length && sequences_equal(x->items, y->items, x->length, depth));
        }
        case Tag::Map: {
            auto *x = as_map(a), *y = as_map(b);
            if (x == y) return true;
            if (x->live != y->live) return false;
            for (uint32_t i = 0; i < x->entry_count; i++) {
                const MapEntry& e = x->entries[i];
                if (e.key.is_missing()) continue;
                const MapEntry* other = map_find(y, e.key);
                if (!other || !equal_at(e.value, other->value, depth + 1)) return false;
            }
            return true;
        }
        case Tag::Bytes: {
            auto *x = as_bytes(a), *y = as_bytes(b);
            return x->length == y->length && (x->length == 0 || std::memcmp(x->data, y->data, x->length) == 0);
        }
        case Tag::Range: {
            auto *x = as_range(a), *y = as_range(b);
            return x->start == y->start && x->stop == y->stop && x->step == y->step && x->inclusive == y->inclusive;
        }
        default: return a.o == b.o;
    }
}

}  // namespace

bool values_equal(Value a, Value b) {
    if (a.tag == b.tag && a.bits == b.bits && a.tag != Tag::Float) return true;
    return equal_at(a, b, 0);
}

bool values_identical(Value a, Value b) {
    if (a.tag != b.tag) return false;
    if (a.tag == Tag::Float) return a.f == b.f || (std::isnan(a.f) && std::isnan(b.f));
    if (a.tag == Tag::Nil || a.tag == Tag::Missing) return true;
    return a.bits == b.bits;
}

static uint64_t hash_at(Value v, int depth) {
    if (depth > kMaxDepth) raise_error(ErrorKind::StackOverflow, "key nests too deeply to hash");
    switch (v.tag) {
        case Tag::Nil: return 0x9e3779b97f4a7c15ULL;
        case Tag::Bool: return v.bits ? 0x51ed270b2b8a1c5dULL : 0x2545f4914f6cdd1dULL;
        case Tag::Int: return mix(static_cast<uint64_t>(v.i));
        case Tag::Float: {
            double d = v.f;
            if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::floor(d) == d)
                return mix(static_cast<uint64_t>(static_cast<int64_t>(d)));  // same as the equal int
            if (d == 0) return mix(0);
            uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            return mix(bits ^ 0x7ff0000000000000ULL);
        }
        case Tag::Pid: return mix(v.bits ^ 0x1234567ULL);
        case Tag::String: return string_hash(as_string(v));
        case Tag::Symbol: return as_symbol(v)->hash;
        case Tag::Tuple: {
            auto* t = as_tuple(v);
            uint64_t h = 0x345678ULL + t->length;
            for (uint32_t i = 0; i < t->length; i++) h = mix(h ^ hash_at(t->items[i], depth + 1)) + i;
            return h;
        }
        case Tag::Range: {
            auto* r = as_range(v);
            return mix(static_cast<uint64_t>(r->start) * 31 + static_cast<uint64_t>(r->stop) * 7 + r->step);
        }
        case Tag::Function:
        case Tag::Native:
        case Tag::Module: return mix(reinterpret_cast<uintptr_t>(v.o));
        default:
            raise_error(ErrorKind::TypeError, std::string("a value of type ") + type_name(v) +
                                                  " is mutable and cannot be a map key; use a tuple");
    }
}

uint64_t value_hash(Value key) { return hash_at(key, 0); }

static int compare_at(Value a, Value b, int depth) {
    if (depth > kMaxDepth) raise_error(ErrorKind::StackOverflow, "values nest too deeply to compare");
    if (a.is_int() && b.is_int()) return a.i < b.i ? -1 : a.i > b.i;
    if (a.is_number() && b.is_number()) {
        if (a.is_int() != b.is_int()) {
            // Mixed: compare exactly where the double is integral and in range.
            double d = a.is_float() ? a.f : b.f;
            int64_t n = a.is_int() ? a.i : b.i;
            int sign;
            if (std::isnan(d)) return 2;  // unordered
            if (d >= 9223372036854775808.0) sign = 1;
            else if (d < -9223372036854775808.0) sign = -1;
            else {
                double fl = std::floor(d);
                auto di = static_cast<int64_t>(fl);
                if (di != n) sign = di > n ? 1 : -1;
                else sign = fl < d ? 1 : 0;
            }
            return a.is_float() ? sign : -sign;  // sign is (float vs int)
        }
        double x = a.f, y = b.f;
        if (x < y) return -1;
        if (x > y) return 1;
        if (x == y) return 0;
        return 2;  // NaN: unordered, every comparison false
    }
    if (a.is(Tag::String) && b.is(Tag::String)) {
        auto x = as_string(a)->view(), y = as_string(b)->view();
        int c = x.compare(y);
        return c < 0 ? -1 : c > 0;
    }
    auto seq = [&](const Value* xs, uint32_t nx, const Value* ys, uint32_t ny) {
        uint32_t n = nx < ny ? nx : ny;
        for (uint32_t i = 0; i < n; i++) {
            if (values_equal(xs[i], ys[i])) continue;
            return compare_at(xs[i], ys[i], depth + 1);
        }
        return nx < ny ? -1 : nx > ny;
    };
    if (a.is(Tag::Tuple) && b.is(Tag::Tuple))
        return seq(as_tuple(a)->items, as_tuple(a)->length, as_tuple(b)->items, as_tuple(b)->length);
    if (a.is(Tag::Array) && b.is(Tag::Array))
        return seq(as_array(a)->items, as_array(a)->length, as_array(b)->items, as_array(b)->length);
    raise_error(ErrorKind::TypeError, std::string("cannot order ") + type_name(a) + " and " + type_name(b));
}

int compare_values(Value a, Value b) { return compare_at(a, b, 0); }

std::string format_float(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    // Shortest round-trip digits, in scientific form, then laid out as Python's repr.
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    bool negative = sci[0] == '-';
    if (negative) sci.erase(0, 1);
    size_t e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    int exponent = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : mantissa)
        if (c != '.') digits += c;
    std::string out;
    if (exponent < -4 || exponent >= 16) {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
        out += exp;
    } else if (exponent < 0) {
        out = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    } else {
        size_t point = static_cast<size_t>(exponent) + 1;
        if (digits.size() <= point) {
            out = digits + std::string(point - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, point) + "." + digits.substr(point);
        }
    }
    return negative ? "-" + out : out;
}

namespace {

// Stops once `out` is longer than `limit`; the caller sees that.
void append_quoted(std::string& out, std::string_view s, size_t limit = SIZE_MAX) {
    out += '"';
    for (unsigned char c : s) {
        if (out.size() > limit) return;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '$': out += "\\$"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "\\u{%x}", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

struct Printer {
    std::string& out;
    size_t limit;                     // bytes of `out`; past them printing stops
    std::vector<const Object*> open;  // containers being printed, to stop at cycles
    bool cut = false;

    // Checked before each part, so a shared part printed again and again stops
    // the whole at once.
    bool full() {
        if (out.size() > limit) cut = true;
        return cut;
    }

    bool enter(const Object* o, const char* cycle) {
        for (const Object* p : open)
            if (p == o) {
                out += cycle;
                return false;
            }
        if (open.size() > 1000) {
            out += "...";
            return false;
        }
        open.push_back(o);
        return true;
    }

    void value(Value v, bool quote) {
        if (full()) return;
        switch (v.tag) {
            case Tag::Nil: out += "nil"; break;
            case Tag::Missing: out += "<missing>"; break;
            case Tag::Bool: out += v.bits ? "true" : "false"; break;
            case Tag::Int: {
                char buf[32];
                auto r = std::to_chars(buf, buf + sizeof buf, v.i);
                out.append(buf, r.ptr);
                break;
            }
            case Tag::Float: out += format_float(v.f); break;
            case Tag::Pid: out += kernel::format_entity(v.bits); break;
            case Tag::String:
                if (quote) append_quoted(out, as_string(v)->view(), limit);
                else out += as_string(v)->view().substr(0, limit - out.size() + 1);
                break;
            case Tag::Symbol:
                out += ':';
                out += as_symbol(v)->name->view();
                break;
            case Tag::Tuple: {
                auto* t = as_tuple(v);
                if (!enter(t, "(...)")) break;
                out += '(';
                for (uint32_t i = 0; i < t->length && !full(); i++) {
                    if (i) out += ", ";
                    value(t->items[i], true);
                }
                if (t->length == 1) out += ',';
                out += ')';
                open.pop_back();
                break;
            }
            case Tag::Array: {
                auto* a = as_array(v);
                if (!enter(a, "[...]")) break;
                out += '[';
                for (uint32_t i = 0; i < a->length && !full(); i++) {
                    if (i) out += ", ";
                    value(a->items[i], true);
                }
                out += ']';
                open.pop_back();
                break;
            }
            case Tag::Map: {
                auto* m = as_map(v);
                if (!enter(m, "{...}")) break;
                out += '{';
                bool first = true;
                for (uint32_t i = 0; i < m->entry_count && !full(); i++) {
                    const MapEntry& e = m->entries[i];
                    if (e.key.is_missing()) continue;
                    if (!first) out += ", ";
                    first = false;
                    if (e.key.is(Tag::Symbol)) {
                        out += as_symbol(e.key)->name->view();
                    } else {
                        value(e.key, true);
                    }
                    out += ": ";
                    value(e.value, true);
                }
                out += '}';
                open.pop_back();
                break;
            }
            case Tag::Bytes: {
                auto* b = as_bytes(v);
                out += "b\"";
                for (uint32_t i = 0; i < b->length && !full(); i++) {
                    unsigned char c = b->data[i];
                    if (c == '"' || c == '\\') {
                        out += '\\';
                        out += static_cast<char>(c);
                    } else if (c >= 0x20 && c < 0x7f) {
                        out += static_cast<char>(c);
                    } else {
                        char buf[8];
                        std::snprintf(buf, sizeof buf, "\\x%02x", c);
                        out += buf;
                    }
                }
                out += '"';
                break;
            }
            case Tag::Range: {
                auto* r = as_range(v);
                char buf[96];
                if (r->explicit_step)
                    std::snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", static_cast<long long>(r->start),
                                  static_cast<long long>(r->stop), static_cast<long long>(r->step));
                else
                    std::snprintf(buf, sizeof buf, "%lld%s%lld", static_cast<long long>(r->start),
                                  r->inclusive ? "..=" : "..", static_cast<long long>(r->stop));
                out += buf;
                break;
            }
            case Tag::Function: {
                auto* c = as_function(v);
                out += "<fn";
                if (c->proto->name) {
                    out += ' ';
                    out += c->proto->name->view();
                }
                out += '>';
                break;
            }
            case Tag::Native:
                out += "<fn ";
                out += as_native(v)->name;
                out += '>';
                break;
            case Tag::Cell: out += "<cell>"; break;
            case Tag::Module:
                out += "<module ";
                out += as_module(v)->name->view();
                out += '>';
                break;
            case Tag::Proto: out += "<proto>"; break;
        }
    }
};

}  // namespace

std::string quote_string(std::string_view s) {
    std::string out;
    append_quoted(out, s);
    return out;
}

void append_value(std::string& out, Value v, bool quote_strings, size_t limit) {
    size_t start = out.size();
    Printer printer{out, limit > SIZE_MAX - start ? SIZE_MAX : start + limit, {}};
    try {
        printer.value(v, quote_strings);
    } catch (std::bad_alloc&) {
        throw OutOfMemory{out.size() - start};
    }
    if (printer.full()) throw OutOfMemory{out.size() - start};
}

namespace {

std::string brief(Value v, bool quote_strings, size_t limit) {
    std::string out;
    Printer printer{out, limit, {}};
    printer.value(v, quote_strings);
    if (printer.full()) {
        out.resize(limit);
        out += "...";
    }
    return out;
}

}  // namespace

std::string brief_display(Value v, size_t limit) { return brief(v, false, limit); }
std::string brief_repr(Value v, size_t limit) { return brief(v, true, limit); }

std::string to_display(Value v) {
    std::string out;
    append_value(out, v, false);
    return out;
}

std::string to_repr(Value v) {
    std::string out;
    append_value(out, v, true);
    return out;
}

const char* type_name(Tag tag) {
    switch (tag) {
        case Tag::Nil: return "nil";
        case Tag::Bool: return "bool";
        case Tag::Int: return "int";
        case Tag::Float: return "float";
        case Tag::Pid: return "pid";
        case Tag::Missing: return "missing";
        case Tag::String: return "string";
        case Tag::Symbol: return "symbol";
        case Tag::Tuple: return "tuple";
        case Tag::Array: return "array";
        case Tag::Map: return "map";
        case Tag::Bytes: return "bytes";
        case Tag::Range: return "range";
        case Tag::Function:
        case Tag::Native: return "function";
        case Tag::Cell: return "cell";
        case Tag::Module: return "module";
        case Tag::Proto: return "proto";
    }
    return "?";
}

const char* type_name(Value v) { return type_name(v.tag); }

}  // namespace vb
