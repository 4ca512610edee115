// vm/builtins/str.cpp — the natives of the `str` module. Strings are immutable
// byte sequences holding UTF-8: indices (find) are byte offsets; chars, ord and
// chr work by code point; upper, lower and trim touch ASCII only.
//
// GC rule: args[] and `result` are roots; a new array goes into `result` before
// the strings that fill it are allocated. Results whose size depends on the
// input are sized first and built in place, so a huge request fails in the heap
// (:out_of_memory) before any C++ buffer of that size exists.
#include <cstring>
#include <string>
#include <vector>

#include "vm/builtins/natives.h"
#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/object/string.h"
#include "vm/team.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

// Strings cannot be longer than this (Heap::new_string_uninitialized).
constexpr uint64_t kMaxStringBytes = UINT32_MAX - 64;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

uint32_t sequence_at(const StringObj* s, uint32_t i) {
    uint32_t len = static_cast<uint32_t>(utf8_sequence_length(static_cast<unsigned char>(s->chars[i])));
    return len > s->length - i ? s->length - i : len;
}

uint64_t count_code_points(const StringObj* s) {
    uint64_t n = 0;
    for (uint32_t i = 0; i < s->length; i += sequence_at(s, i)) n++;
    return n;
}

[[noreturn]] void too_large(const char* fn, uint64_t bytes) {
    raise_error(ErrorKind::ValueError,
                std::string(fn) + "(): the result would be " + std::to_string(bytes) + " bytes, too large for a string");
}

// The code point of a complete, valid UTF-8 sequence of `len` bytes, or -1.
int64_t decode_utf8(const unsigned char* p, uint32_t len) {
    if (len == 1) return p[0] < 0x80 ? p[0] : -1;
    uint32_t cp;
    uint32_t min;
    if (len == 2 && (p[0] >> 5) == 0x6) {
        cp = p[0] & 0x1F;
        min = 0x80;
    } else if (len == 3 && (p[0] >> 4) == 0xE) {
        cp = p[0] & 0x0F;
        min = 0x800;
    } else if (len == 4 && (p[0] >> 3) == 0x1E) {
        cp = p[0] & 0x07;
        min = 0x10000;
    } else {
        return -1;
    }
    for (uint32_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    return cp;
}

}  // namespace

NativeResult native_str_split(Process& p, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("split", args, 0);
    StringObj* sep = arg_string("split", args, 1);
    if (sep->length == 0) raise_error(ErrorKind::ValueError, "split() separator must not be empty");
    std::string_view text = s->view(), by = sep->view();
    std::vector<std::pair<uint32_t, uint32_t>> pieces;  // (start, length)
    size_t from = 0;
    for (;;) {
        size_t at = text.find(by, from);
        if (at == std::string_view::npos) break;
        pieces.emplace_back(static_cast<uint32_t>(from), static_cast<uint32_t>(at - from));
        from = at + by.size();
    }
    pieces.emplace_back(static_cast<uint32_t>(from), static_cast<uint32_t>(text.size() - from));
    Heap& heap = p.team().heap;
    ArrayObj* out = heap.new_array(static_cast<uint32_t>(pieces.size()));
    result = make_array(out);
    for (auto [start, length] : pieces) {
        StringObj* piece = heap.new_string(std::string_view(s->chars + start, length));
        array_push(heap, out, make_string(piece));
    }
    return NativeResult::Ok;
}

NativeResult native_str_join(Process& p, Value* args, uint32_t, Value& result) {
    const Value* items;
    uint32_t n;
    if (args[0].is(Tag::Array)) {
        items = as_array(args[0])->items;
        n = as_array(args[0])->length;
    } else if (args[0].is(Tag::Tuple)) {
        items = as_tuple(args[0])->items;
        n = as_tuple(args[0])->length;
    } else {
        bad_argument("join", 0, "an array of strings", args[0]);
    }
    StringObj* sep = arg_string("join", args, 1);
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!items[i].is(Tag::String))
            raise_error(ErrorKind::TypeError, "join() needs strings, but element " + std::to_string(i) +
                                                  " is a value of type " + type_name(items[i]));
        total += as_string(items[i])->length;
        if (i) total += sep->length;
    }
    if (total > kMaxStringBytes) too_large("join", total);
    StringObj* out = p.team().heap.new_string_uninitialized(static_cast<size_t>(total));
    // Reload: the allocation cannot change the array, but be plain about where items live.
    items = args[0].is(Tag::Array) ? as_array(args[0])->items : as_tuple(args[0])->items;
    char* at = out->chars;
    for (uint32_t i = 0; i < n; i++) {
        if (i && sep->length) {
            std::memcpy(at, sep->chars, sep->length);
            at += sep->length;
        }
        StringObj* piece = as_string(items[i]);
        if (piece->length) std::memcpy(at, piece->chars, piece->length);
        at += piece->length;
    }
    result = make_string(out);
    return NativeResult::Ok;
}

NativeResult native_str_find(Process&, Value* args, uint32_t count, Value& result) {
    StringObj* s = arg_string("find", args, 0);
    StringObj* sub = arg_string("find", args, 1);
    int64_t start = 0;
    if (count > 2 && !args[2].is_missing() && !args[2].is_nil()) start = arg_int("find", args, 2);
    if (start < 0) {
        start += s->length;
        if (start < 0) start = 0;
    }
    if (start > static_cast<int64_t>(s->length)) {
        result = Value::nil();
        return NativeResult::Ok;
    }
    size_t at = s->view().find(sub->view(), static_cast<size_t>(start));
    result = at == std::string_view::npos ? Value::nil() : Value::integer(static_cast<int64_t>(at));
    return NativeResult::Ok;
}

NativeResult native_str_count(Process&, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("count", args, 0);
    StringObj* sub = arg_string("count", args, 1);
    if (sub->length == 0) {
        // As Python: the empty string occurs before every character and at the end.
        result = Value::integer(static_cast<int64_t>(count_code_points(s)) + 1);
        return NativeResult::Ok;
    }
    std::string_view text = s->view(), what = sub->view();
    int64_t n = 0;
    for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) n++;
    result = Value::integer(n);
    return NativeResult::Ok;
}

NativeResult native_str_replace(Process& p, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("replace", args, 0);
    StringObj* old = arg_string("replace", args, 1);
    StringObj* with = arg_string("replace", args, 2);
    std::string_view text = s->view(), what = old->view();
    if (what.empty()) {
        // As Python: `with` goes before every character (code point) and at the end.
        uint64_t points = count_code_points(s);
        uint64_t total = s->length + (points + 1) * with->length;
        if (total > kMaxStringBytes) too_large("replace", total);
        StringObj* out = p.team().heap.new_string_uninitialized(static_cast<size_t>(total));
        char* at = out->chars;
        for (uint32_t i = 0;;) {
            if (with->length) std::memcpy(at, with->chars, with->length);
            at += with->length;
            if (i >= s->length) break;
            uint32_t len = sequence_at(s, i);
            std::memcpy(at, s->chars + i, len);
            at += len;
            i += len;
        }
        result = make_string(out);
        return NativeResult::Ok;
    }
    uint64_t occurrences = 0;
    for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size()))
        occurrences++;
    if (occurrences == 0) {
        result = args[0];
        return NativeResult::Ok;
    }
    uint64_t total = s->length - occurrences * old->length + occurrences * with->length;
    if (total > kMaxStringBytes) too_large("replace", total);
    StringObj* out = p.team().heap.new_string_uninitialized(static_cast<size_t>(total));
    char* to = out->chars;
    size_t from = 0;
    for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) {
        std::memcpy(to, text.data() + from, at - from);
        to += at - from;
        if (with->length) std::memcpy(to, with->chars, with->length);
        to += with->length;
        from = at + what.size();
    }
    std::memcpy(to, text.data() + from, text.size() - from);
    result = make_string(out);
    return NativeResult::Ok;
}

namespace {

NativeResult map_ascii(Process& p, Value* args, Value& result, const char* fn, char from_lo, char from_hi, int shift) {
    StringObj* s = arg_string(fn, args, 0);
    uint32_t first = 0;
    while (first < s->length && !(s->chars[first] >= from_lo && s->chars[first] <= from_hi)) first++;
    if (first == s->length) {
        result = args[0];  // nothing to change
        return NativeResult::Ok;
    }
    StringObj* out = p.team().heap.new_string_uninitialized(s->length);
    std::memcpy(out->chars, s->chars, s->length);
    for (uint32_t i = first; i < s->length; i++) {
        char c = out->chars[i];
        if (c >= from_lo && c <= from_hi) out->chars[i] = static_cast<char>(c + shift);
    }
    result = make_string(out);
    return NativeResult::Ok;
}

}  // namespace

NativeResult native_str_upper(Process& p, Value* args, uint32_t, Value& result) {
    return map_ascii(p, args, result, "upper", 'a', 'z', 'A' - 'a');
}

NativeResult native_str_lower(Process& p, Value* args, uint32_t, Value& result) {
    return map_ascii(p, args, result, "lower", 'A', 'Z', 'a' - 'A');
}

NativeResult native_str_trim(Process& p, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("trim", args, 0);
    uint32_t b = 0, e = s->length;
    while (b < e && is_space(s->chars[b])) b++;
    while (e > b && is_space(s->chars[e - 1])) e--;
    if (b == 0 && e == s->length) {
        result = args[0];
        return NativeResult::Ok;
    }
    result = make_string(p.team().heap.new_string(std::string_view(s->chars + b, e - b)));
    return NativeResult::Ok;
}

NativeResult native_str_starts_with(Process&, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("starts_with", args, 0);
    StringObj* prefix = arg_string("starts_with", args, 1);
    result = Value::boolean(s->view().starts_with(prefix->view()));
    return NativeResult::Ok;
}

NativeResult native_str_ends_with(Process&, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("ends_with", args, 0);
    StringObj* suffix = arg_string("ends_with", args, 1);
    result = Value::boolean(s->view().ends_with(suffix->view()));
    return NativeResult::Ok;
}

NativeResult native_str_repeat(Process& p, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("repeat", args, 0);
    int64_t n = arg_int("repeat", args, 1);
    if (n <= 0 || s->length == 0) {
        result = make_string(p.team().heap.new_string(""));
        return NativeResult::Ok;
    }
    if (n == 1) {
        result = args[0];
        return NativeResult::Ok;
    }
    if (static_cast<uint64_t>(n) > kMaxStringBytes / s->length) {
        raise_error(ErrorKind::ValueError, "repeat(): " + std::to_string(s->length) + " bytes repeated " +
                                               std::to_string(n) + " times is too large for a string");
    }
    uint64_t total = static_cast<uint64_t>(n) * s->length;
    StringObj* out = p.team().heap.new_string_uninitialized(static_cast<size_t>(total));
    // Doubling copies: log2(n) memcpy calls.
    std::memcpy(out->chars, s->chars, s->length);
    uint64_t filled = s->length;
    while (filled < total) {
        uint64_t chunk = filled < total - filled ? filled : total - filled;
        std::memcpy(out->chars + filled, out->chars, static_cast<size_t>(chunk));
        filled += chunk;
    }
    result = make_string(out);
    return NativeResult::Ok;
}

NativeResult native_str_chars(Process& p, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("chars", args, 0);
    Heap& heap = p.team().heap;
    ArrayObj* out = heap.new_array(static_cast<uint32_t>(count_code_points(s)));
    result = make_array(out);
    for (uint32_t i = 0; i < s->length;) {
        uint32_t len = sequence_at(s, i);
        StringObj* c = heap.new_string(std::string_view(s->chars + i, len));
        array_push(heap, out, make_string(c));
        i += len;
    }
    return NativeResult::Ok;
}

NativeResult native_str_ord(Process&, Value* args, uint32_t, Value& result) {
    StringObj* s = arg_string("ord", args, 0);
    if (s->length == 0) raise_error(ErrorKind::ValueError, "ord() needs a one-character string, not an empty one");
    uint32_t len = sequence_at(s, 0);
    if (len != s->length)
        raise_error(ErrorKind::ValueError, "ord() needs a one-character string, not " + brief_repr(args[0], 80));
    int64_t cp = decode_utf8(reinterpret_cast<const unsigned char*>(s->chars), len);
    if (cp < 0) raise_error(ErrorKind::ValueError, "ord() of a string that is not valid UTF-8");
    result = Value::integer(cp);
    return NativeResult::Ok;
}

NativeResult native_str_chr(Process& p, Value* args, uint32_t, Value& result) {
    int64_t n = arg_int("chr", args, 0);
    if (n < 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
        raise_error(ErrorKind::ValueError, "chr() of " + std::to_string(n) + " is not a Unicode code point");
    std::string text;
    append_utf8(text, static_cast<uint32_t>(n));
    result = make_string(p.team().heap.new_string(text));
    return NativeResult::Ok;
}

}  // namespace vb
