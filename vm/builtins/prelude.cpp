// vm/builtins/prelude.cpp — the native half of the prelude (natives.def, module
// "prelude"): printing, conversions, fmt, args/exit/assert, bytes, range, and
// the collection helpers. The vb half (map, filter, fold, each, sort, zip) is
// stdlib/prelude.vb; it leans on _to_array and _sort_plain from here.
//
// GC rule for everything below: args[] and `result` are registers (roots); any
// object made here is stored into `result` (or pushed into an object that is)
// before the next allocation.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "vm/builtins/format.h"
#include "vm/builtins/natives.h"
#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/object/map.h"
#include "vm/object/string.h"
#include "vm/team.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

// Largest range _to_array (and so sort, reverse ...) turns into an array.
constexpr int64_t kMaxRangeElements = 100'000'000;

bool has_arg(Value* args, uint32_t count, uint32_t index) {
    return index < count && !args[index].is_missing();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_space(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) b++;
    while (e > b && is_space(s[e - 1])) e--;
    return s.substr(b, e - b);
}

// A string as it appears in an error message: quoted, escaped, shortened.
std::string quote_for_message(std::string_view s) {
    size_t shown = std::min<size_t>(s.size(), 60);
    std::string out = quote_string(s.substr(0, shown));
    if (shown < s.size()) out.insert(out.size() - 1, "...");
    return out;
}

enum class ParseStatus { Ok, Syntax, Overflow };

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// [sign] (decimal | 0x hex | 0b binary), single underscores between digits (and
// after a prefix, as Python), surrounding ASCII whitespace.
ParseStatus parse_int_text(std::string_view text, int64_t* out) {
    std::string_view s = trim_space(text);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    int base = 10;
    bool underscore_ok = false;
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        base = 16;
        i += 2;
        underscore_ok = true;
    } else if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'b' || s[i + 1] == 'B')) {
        base = 2;
        i += 2;
        underscore_ok = true;
    }
    uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
    uint64_t value = 0;
    bool any = false, pending_underscore = false, overflow = false;
    for (; i < s.size(); i++) {
        char c = s[i];
        if (c == '_') {
            if (!underscore_ok) return ParseStatus::Syntax;
            underscore_ok = false;
            pending_underscore = true;
            continue;
        }
        int d = digit_value(c);
        if (d >= base) return ParseStatus::Syntax;
        any = true;
        underscore_ok = true;
        pending_underscore = false;
        if (value > (limit - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) overflow = true;
        else value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    }
    if (!any || pending_underscore) return ParseStatus::Syntax;
    if (overflow) return ParseStatus::Overflow;
    *out = negative ? static_cast<int64_t>(uint64_t{0} - value) : static_cast<int64_t>(value);
    return ParseStatus::Ok;
}

// Digits with single underscores between them, appended to `out` without the
// underscores. Returns the number of digits, or -1 for a misplaced underscore.
int take_digits(std::string_view s, size_t& i, std::string& out) {
    int n = 0;
    while (i < s.size()) {
        if (s[i] >= '0' && s[i] <= '9') {
            out += s[i++];
            n++;
        } else if (s[i] == '_' && n > 0 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
            i++;
        } else {
            break;
        }
    }
    if (i < s.size() && s[i] == '_') return -1;
    return n;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

// Python's float(str): decimal with optional fraction and exponent, inf,
// infinity, nan (any case), with a sign, underscores between digits, whitespace.
bool parse_float_text(std::string_view text, double* out) {
    std::string_view s = trim_space(text);
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::string_view rest = s.substr(i);
    if (equals_ignoring_case(rest, "inf") || equals_ignoring_case(rest, "infinity")) {
        *out = negative ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (equals_ignoring_case(rest, "nan")) {
        *out = negative ? -std::nan("") : std::nan("");
        return true;
    }
    std::string clean = negative ? "-" : "";
    int whole = take_digits(s, i, clean);
    if (whole < 0) return false;
    int fraction = 0;
    if (i < s.size() && s[i] == '.') {
        clean += '.';
        i++;
        fraction = take_digits(s, i, clean);
        if (fraction < 0) return false;
    }
    if (whole == 0 && fraction == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean += 'e';
        i++;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean += s[i++];
        if (take_digits(s, i, clean) <= 0) return false;
    }
    if (i != s.size()) return false;
    *out = std::strtod(clean.c_str(), nullptr);
    return true;
}

NativeResult ok_nil(Value& result) {
    result = Value::nil();
    return NativeResult::Ok;
}

// Stable merge sort by compare_values (insertion-sorted runs, then bottom-up
// merges). Safe with any comparator: indices never leave the vector, and if
// compare_values raises, the vector is simply dropped.
void sort_values(std::vector<Value>& v) {
    size_t n = v.size();
    if (n < 2) return;
    bool all_ints = true, all_strings = true;
    for (const Value& x : v) {
        all_ints = all_ints && x.is_int();
        all_strings = all_strings && x.is(Tag::String);
    }
    if (all_ints) {
        std::stable_sort(v.begin(), v.end(), [](const Value& a, const Value& b) { return a.i < b.i; });
        return;
    }
    if (all_strings) {
        std::stable_sort(v.begin(), v.end(),
                         [](const Value& a, const Value& b) { return as_string(a)->view() < as_string(b)->view(); });
        return;
    }
    auto less = [](Value a, Value b) { return compare_values(a, b) < 0; };
    constexpr size_t kRun = 16;
    for (size_t lo = 0; lo < n; lo += kRun) {
        size_t hi = std::min(lo + kRun, n);
        for (size_t i = lo + 1; i < hi; i++) {
            Value x = v[i];
            size_t j = i;
            while (j > lo && less(x, v[j - 1])) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
    }
    std::vector<Value> buffer(n);
    for (size_t width = kRun; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) buffer[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
            while (i < mid) buffer[k++] = v[i++];
            while (j < hi) buffer[k++] = v[j++];
        }
        v.swap(buffer);
    }
}

// A new array of the elements of any iterable except iterator functions,
// stored into `result` as soon as it exists.
ArrayObj* elements_into(Heap& heap, const char* fn, Value xs, Value& result) {
    switch (xs.tag) {
        case Tag::Array: {
            ArrayObj* out = array_slice_from(heap, as_array(xs), 0);
            result = make_array(out);
            return out;
        }
        case Tag::Tuple: {
            uint32_t n = as_tuple(xs)->length;
            ArrayObj* out = heap.new_array(n);
            result = make_array(out);
            TupleObj* t = as_tuple(xs);
            for (uint32_t i = 0; i < n; i++) out->items[i] = t->items[i];
            out->length = n;
            return out;
        }
        case Tag::Range: {
            RangeObj* r = as_range(xs);
            int64_t n = range_count(r);
            if (n > kMaxRangeElements)
                raise_error(ErrorKind::ValueError, "a range of " + std::to_string(n) +
                                                       " elements is too large to make an array");
            ArrayObj* out = heap.new_array(static_cast<uint32_t>(n));
            result = make_array(out);
            r = as_range(xs);
            // Wrapping arithmetic: every element is in range, so the result is exact.
            uint64_t at = static_cast<uint64_t>(r->start), step = static_cast<uint64_t>(r->step);
            for (int64_t i = 0; i < n; i++, at += step) out->items[i] = Value::integer(static_cast<int64_t>(at));
            out->length = static_cast<uint32_t>(n);
            return out;
        }
        case Tag::Map: {
            ArrayObj* out = heap.new_array(as_map(xs)->live);
            result = make_array(out);
            for (uint32_t i = 0; i < as_map(xs)->entry_count; i++) {
                if (as_map(xs)->entries[i].key.is_missing()) continue;
                TupleObj* t = heap.new_tuple(2);
                const MapEntry& e = as_map(xs)->entries[i];
                t->items[0] = e.key;
                t->items[1] = e.value;
                array_push(heap, out, make_tuple(t));
            }
            return out;
        }
        case Tag::String: {
            StringObj* s = as_string(xs);
            uint32_t n = 0;
            for (uint32_t i = 0; i < s->length; i += static_cast<uint32_t>(utf8_sequence_length(static_cast<unsigned char>(s->chars[i]))))
                n++;
            ArrayObj* out = heap.new_array(n);
            result = make_array(out);
            for (uint32_t i = 0; i < s->length;) {
                uint32_t len = static_cast<uint32_t>(utf8_sequence_length(static_cast<unsigned char>(s->chars[i])));
                if (len > s->length - i) len = s->length - i;
                StringObj* c = heap.new_string(std::string_view(s->chars + i, len));
                array_push(heap, out, make_string(c));
                i += len;
            }
            return out;
        }
        case Tag::Bytes: {
            uint32_t n = as_bytes(xs)->length;
            ArrayObj* out = heap.new_array(n);
            result = make_array(out);
            BytesObj* b = as_bytes(xs);
            for (uint32_t i = 0; i < n; i++) out->items[i] = Value::integer(b->data[i]);
            out->length = n;
            return out;
        }
        case Tag::Function:
        case Tag::Native:
            raise_error(ErrorKind::TypeError, std::string(fn) + "() cannot take an iterator function");
        default:
            raise_error(ErrorKind::TypeError, std::string("cannot iterate over a value of type ") + type_name(xs));
    }
}

}  // namespace

// ---- values and conversion ------------------------------------------------------

NativeResult native_print(Process& p, Value* args, uint32_t count, Value& result) {
    static thread_local std::string line;
    line.clear();
    for (uint32_t i = 0; i < count; i++) {
        if (i) line += ' ';
        p.team().print_value(line, args[i], false);
    }
    line += '\n';
    p.team().write_output(1, line);
    if (line.capacity() > (1u << 20)) std::string().swap(line);
    return ok_nil(result);
}

NativeResult native_len(Process&, Value* args, uint32_t, Value& result) {
    result = Value::integer(length_of(args[0]));
    return NativeResult::Ok;
}

NativeResult native_str(Process& p, Value* args, uint32_t, Value& result) {
    if (args[0].is(Tag::String)) {
        result = args[0];
        return NativeResult::Ok;
    }
    std::string text;
    p.team().print_value(text, args[0], false);
    result = make_string(p.team().heap.new_string(text));
    return NativeResult::Ok;
}

NativeResult native_int(Process&, Value* args, uint32_t, Value& result) {
    Value x = args[0];
    switch (x.tag) {
        case Tag::Int: result = x; return NativeResult::Ok;
        case Tag::Bool: result = Value::integer(x.bits ? 1 : 0); return NativeResult::Ok;
        case Tag::Float: {
            double d = x.f;
            if (std::isnan(d) || std::isinf(d))
                raise_error(ErrorKind::ValueError, "int() cannot convert " + format_float(d) + " to an int");
            double t = std::trunc(d);
            if (!(t >= -9223372036854775808.0 && t < 9223372036854775808.0))
                raise_error(ErrorKind::Overflow, "int() of " + format_float(d) + " is out of the range of an int");
            result = Value::integer(static_cast<int64_t>(t));
            return NativeResult::Ok;
        }
        case Tag::String: {
            int64_t n = 0;
            switch (parse_int_text(as_string(x)->view(), &n)) {
                case ParseStatus::Ok: result = Value::integer(n); return NativeResult::Ok;
                case ParseStatus::Overflow:
                    raise_error(ErrorKind::Overflow,
                                "int() of " + quote_for_message(as_string(x)->view()) + " is out of the range of an int");
                case ParseStatus::Syntax:
                    raise_error(ErrorKind::ValueError, "int() cannot parse " + quote_for_message(as_string(x)->view()));
            }
            break;
        }
        default: break;
    }
    raise_error(ErrorKind::TypeError, std::string("int() cannot convert a value of type ") + type_name(x));
}

NativeResult native_float(Process&, Value* args, uint32_t, Value& result) {
    Value x = args[0];
    switch (x.tag) {
        case Tag::Int: result = Value::number(static_cast<double>(x.i)); return NativeResult::Ok;
        case Tag::Float: result = x; return NativeResult::Ok;
        case Tag::Bool: result = Value::number(x.bits ? 1.0 : 0.0); return NativeResult::Ok;
        case Tag::String: {
            double d = 0;
            if (!parse_float_text(as_string(x)->view(), &d))
                raise_error(ErrorKind::ValueError, "float() cannot parse " + quote_for_message(as_string(x)->view()));
            result = Value::number(d);
            return NativeResult::Ok;
        }
        default: break;
    }
    raise_error(ErrorKind::TypeError, std::string("float() cannot convert a value of type ") + type_name(x));
}

NativeResult native_type(Process& p, Value* args, uint32_t, Value& result) {
    result = make_symbol(p.team().heap.intern(type_name(args[0])));
    return NativeResult::Ok;
}

NativeResult native_fmt(Process& p, Value* args, uint32_t, Value& result) {
    StringObj* spec = arg_string("fmt", args, 1);
    if (spec->length == 0 && args[0].is(Tag::String)) {
        result = args[0];
        return NativeResult::Ok;
    }
    std::string text = format_value(p.team(), args[0], spec->view());
    result = make_string(p.team().heap.new_string(text));
    return NativeResult::Ok;
}

NativeResult native_args(Process& p, Value*, uint32_t, Value& result) {
    Heap& heap = p.team().heap;
    const std::vector<std::string>& argv = p.team().options().args;
    ArrayObj* out = heap.new_array(static_cast<uint32_t>(argv.size()));
    result = make_array(out);
    for (const std::string& a : argv) {
        StringObj* s = heap.new_string(a);
        array_push(heap, out, make_string(s));
    }
    return NativeResult::Ok;
}

NativeResult native_exit(Process&, Value* args, uint32_t count, Value&) {
    int64_t code = 0;
    if (has_arg(args, count, 0) && !args[0].is_nil()) code = arg_int("exit", args, 0);
    if (code < INT32_MIN || code > INT32_MAX)
        raise_error(ErrorKind::ValueError, "exit() code " + std::to_string(code) + " is out of range");
    std::fflush(stdout);
    throw ExitProgram{static_cast<int>(code)};
}

NativeResult native_assert(Process&, Value* args, uint32_t count, Value& result) {
    if (args[0].truthy()) return ok_nil(result);
    if (!has_arg(args, count, 1)) raise_error(ErrorKind::Assert, "assertion failed");
    raise_error(ErrorKind::Assert, brief_display(args[1], 1 << 16));
}

NativeResult native_bytes(Process& p, Value* args, uint32_t, Value& result) {
    Heap& heap = p.team().heap;
    Value x = args[0];
    switch (x.tag) {
        case Tag::Int: {
            if (x.i < 0) raise_error(ErrorKind::ValueError, "bytes() size " + std::to_string(x.i) + " is negative");
            if (static_cast<uint64_t>(x.i) > UINT32_MAX - 64)
                raise_error(ErrorKind::ValueError, "bytes() size " + std::to_string(x.i) + " is too large");
            result = make_bytes(heap.new_bytes(static_cast<size_t>(x.i)));
            return NativeResult::Ok;
        }
        case Tag::String: {
            BytesObj* b = heap.new_bytes(as_string(x)->length);
            if (b->length) std::memcpy(b->data, as_string(x)->chars, b->length);
            result = make_bytes(b);
            return NativeResult::Ok;
        }
        case Tag::Bytes: {
            BytesObj* b = heap.new_bytes(as_bytes(x)->length);
            if (b->length) std::memcpy(b->data, as_bytes(x)->data, b->length);
            result = make_bytes(b);
            return NativeResult::Ok;
        }
        default: bad_argument("bytes", 0, "an int or a string", x);
    }
}

NativeResult native_range(Process& p, Value* args, uint32_t count, Value& result) {
    int64_t start = arg_int("range", args, 0);
    int64_t stop = arg_int("range", args, 1);
    int64_t step = has_arg(args, count, 2) ? arg_int("range", args, 2) : 1;
    if (step == 0) raise_error(ErrorKind::ValueError, "range() step must not be 0");
    result = make_range(p.team().heap.new_range(start, stop, step, false, true));
    return NativeResult::Ok;
}

// ---- collections ------------------------------------------------------------------

NativeResult native_push(Process& p, Value* args, uint32_t, Value& result) {
    ArrayObj* a = arg_array("push", args, 0);
    array_push(p.team().heap, a, args[1]);
    return ok_nil(result);
}

NativeResult native_pop(Process&, Value* args, uint32_t, Value& result) {
    ArrayObj* a = arg_array("pop", args, 0);
    if (a->length == 0) raise_error(ErrorKind::IndexError, "pop() of an empty array");
    result = a->items[--a->length];
    a->items[a->length] = Value::nil();
    return NativeResult::Ok;
}

NativeResult native_insert(Process& p, Value* args, uint32_t, Value& result) {
    ArrayObj* a = arg_array("insert", args, 0);
    int64_t index = arg_int("insert", args, 1);
    int64_t length = a->length;
    int64_t at = index < 0 ? index + length : index;
    if (at < 0 || at > length)
        raise_error(ErrorKind::IndexError, "insert() index " + std::to_string(index) +
                                               " out of range for array of length " + std::to_string(length));
    array_push(p.team().heap, a, args[2]);  // grows the array (items may move)
    std::memmove(a->items + at + 1, a->items + at, sizeof(Value) * static_cast<size_t>(length - at));
    a->items[at] = args[2];
    return ok_nil(result);
}

NativeResult native_remove(Process&, Value* args, uint32_t, Value& result) {
    Value target = args[0];
    if (target.is(Tag::Map)) {
        Value removed;
        if (!map_remove(as_map(target), args[1], &removed))
            raise_error(ErrorKind::KeyError, "remove(): key " + brief_repr(args[1], 200) + " not found");
        result = removed;
        return NativeResult::Ok;
    }
    if (target.is(Tag::Array)) {
        ArrayObj* a = as_array(target);
        if (!args[1].is_int()) bad_argument("remove", 1, "an int index for an array", args[1]);
        uint32_t at = index_in(args[1].i, a->length, "array");
        result = a->items[at];
        std::memmove(a->items + at, a->items + at + 1, sizeof(Value) * (a->length - at - 1));
        a->items[--a->length] = Value::nil();
        return NativeResult::Ok;
    }
    bad_argument("remove", 0, "a map or an array", target);
}

NativeResult native_get(Process&, Value* args, uint32_t count, Value& result) {
    Value target = args[0], key = args[1];
    Value fallback = has_arg(args, count, 2) ? args[2] : Value::nil();
    auto sequence = [&](const Value* items, uint32_t length, const char* kind) {
        if (!key.is_int()) bad_argument("get", 1, (std::string("an int index for ") + kind).c_str(), key);
        int64_t i = key.i < 0 ? key.i + length : key.i;
        result = (i >= 0 && i < length) ? items[i] : fallback;
    };
    switch (target.tag) {
        case Tag::Map: {
            const MapEntry* e = map_find(as_map(target), key);
            result = e ? e->value : fallback;
            return NativeResult::Ok;
        }
        case Tag::Array: sequence(as_array(target)->items, as_array(target)->length, "an array"); return NativeResult::Ok;
        case Tag::Tuple: sequence(as_tuple(target)->items, as_tuple(target)->length, "a tuple"); return NativeResult::Ok;
        default: bad_argument("get", 0, "a map or an array", target);
    }
}

NativeResult native_keys(Process& p, Value* args, uint32_t, Value& result) {
    MapObj* m = arg_map("keys", args, 0);
    ArrayObj* out = p.team().heap.new_array(m->live);
    result = make_array(out);
    for (uint32_t i = 0; i < m->entry_count; i++)
        if (!m->entries[i].key.is_missing()) out->items[out->length++] = m->entries[i].key;
    return NativeResult::Ok;
}

NativeResult native_values(Process& p, Value* args, uint32_t, Value& result) {
    MapObj* m = arg_map("values", args, 0);
    ArrayObj* out = p.team().heap.new_array(m->live);
    result = make_array(out);
    for (uint32_t i = 0; i < m->entry_count; i++)
        if (!m->entries[i].key.is_missing()) out->items[out->length++] = m->entries[i].value;
    return NativeResult::Ok;
}

NativeResult native_reverse(Process& p, Value* args, uint32_t, Value& result) {
    Heap& heap = p.team().heap;
    if (args[0].is(Tag::String)) {
        StringObj* s = as_string(args[0]);
        StringObj* out = heap.new_string_uninitialized(s->length);
        uint32_t n = s->length;
        for (uint32_t i = 0; i < n;) {
            uint32_t len = static_cast<uint32_t>(utf8_sequence_length(static_cast<unsigned char>(s->chars[i])));
            if (len > n - i) len = n - i;
            std::memcpy(out->chars + (n - i - len), s->chars + i, len);
            i += len;
        }
        result = make_string(out);
        return NativeResult::Ok;
    }
    ArrayObj* out = elements_into(heap, "reverse", args[0], result);
    std::reverse(out->items, out->items + out->length);
    return NativeResult::Ok;
}

NativeResult native_to_array(Process& p, Value* args, uint32_t, Value& result) {
    elements_into(p.team().heap, "_to_array", args[0], result);
    return NativeResult::Ok;
}

NativeResult native_sort_plain(Process& p, Value* args, uint32_t, Value& result) {
    ArrayObj* a = arg_array("sort", args, 0);
    // Sorted outside the heap: compare_values never allocates, and every value
    // stays reachable through the argument array meanwhile.
    std::vector<Value> sorted(a->items, a->items + a->length);
    sort_values(sorted);
    ArrayObj* out = p.team().heap.new_array(static_cast<uint32_t>(sorted.size()));
    if (!sorted.empty()) std::memcpy(out->items, sorted.data(), sizeof(Value) * sorted.size());
    out->length = static_cast<uint32_t>(sorted.size());
    result = make_array(out);
    return NativeResult::Ok;
}

}  // namespace vb
