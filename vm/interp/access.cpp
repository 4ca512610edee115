// vm/interp/access.cpp — indexing, slicing and fields (see access.h).
#include "vm/interp/access.h"

#include <cstring>
#include <string>

#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/object/map.h"
#include "vm/object/string.h"
#include "vm/value_ops.h"

namespace vb {

uint32_t index_in(int64_t index, uint32_t length, const char* what) {
    int64_t i = index < 0 ? index + length : index;
    if (i < 0 || i >= length)
        raise_error(ErrorKind::IndexError, "index " + std::to_string(index) + " out of range for " + what +
                                               " of length " + std::to_string(length));
    return static_cast<uint32_t>(i);
}

int64_t range_count(const RangeObj* r) {
    __int128 start = r->start, stop = r->stop, step = r->step;
    if (r->inclusive) stop += step > 0 ? 1 : -1;
    __int128 n = step > 0 ? (stop - start + step - 1) / step : (start - stop + (-step) - 1) / (-step);
    if (n < 0) n = 0;
    if (n > INT64_MAX) n = INT64_MAX;
    return static_cast<int64_t>(n);
}

int64_t length_of(Value v) {
    switch (v.tag) {
        case Tag::String: return as_string(v)->length;
        case Tag::Array: return as_array(v)->length;
        case Tag::Tuple: return as_tuple(v)->length;
        case Tag::Map: return as_map(v)->live;
        case Tag::Bytes: return as_bytes(v)->length;
        case Tag::Range: return range_count(as_range(v));
        default: raise_error(ErrorKind::TypeError, std::string("a value of type ") + type_name(v) + " has no length");
    }
}

void array_push(Heap& heap, ArrayObj* a, Value v) {
    if (a->length == a->capacity) {
        if (a->capacity >= UINT32_MAX / 4) throw OutOfMemory{a->capacity};
        uint32_t capacity = a->capacity < 4 ? 4 : a->capacity * 2;
        // Keep `v` reachable across a collection the reallocation may start.
        TempRoot keep(heap, v);
        a->items = static_cast<Value*>(
            heap.reallocate_buffer(a->items, sizeof(Value) * a->capacity, sizeof(Value) * capacity));
        a->capacity = capacity;
    }
    a->items[a->length++] = v;
}

ArrayObj* array_slice_from(Heap& heap, ArrayObj* a, uint32_t start) {
    uint32_t n = start < a->length ? a->length - start : 0;
    ArrayObj* r = heap.new_array(n);
    if (n) std::memcpy(r->items, a->items + start, sizeof(Value) * n);
    r->length = n;
    return r;
}

namespace {

// Python-style clamped slice bounds of a range over a sequence of `length`.
void slice_bounds(const RangeObj* r, uint32_t length, uint32_t* from, uint32_t* to) {
    if (r->step != 1) raise_error(ErrorKind::ValueError, "a slice needs a range with step 1");
    auto clamp = [length](int64_t i) -> int64_t {
        if (i < 0) i += length;
        if (i < 0) i = 0;
        if (i > length) i = length;
        return i;
    };
    int64_t start = clamp(r->start);
    int64_t stop = r->stop;
    if (r->inclusive) stop = (stop == -1) ? length : stop + 1;
    stop = clamp(stop);
    if (stop < start) stop = start;
    *from = static_cast<uint32_t>(start);
    *to = static_cast<uint32_t>(stop);
}

Value slice(Heap& heap, Value object, const RangeObj* r) {
    uint32_t from, to;
    switch (object.tag) {
        case Tag::Array: {
            ArrayObj* a = as_array(object);
            slice_bounds(r, a->length, &from, &to);
            ArrayObj* out = heap.new_array(to - from);
            a = as_array(object);
            if (to > from) std::memcpy(out->items, a->items + from, sizeof(Value) * (to - from));
            out->length = to - from;
            return make_array(out);
        }
        case Tag::Tuple: {
            TupleObj* t = as_tuple(object);
            slice_bounds(r, t->length, &from, &to);
            TupleObj* out = heap.new_tuple(to - from);
            for (uint32_t i = from; i < to; i++) out->items[i - from] = t->items[i];
            return make_tuple(out);
        }
        case Tag::String: {
            StringObj* s = as_string(object);
            slice_bounds(r, s->length, &from, &to);
            return make_string(heap.new_string(s->view().substr(from, to - from)));
        }
        case Tag::Bytes: {
            BytesObj* b = as_bytes(object);
            slice_bounds(r, b->length, &from, &to);
            BytesObj* out = heap.new_bytes(to - from);
            if (to > from) std::memcpy(out->data, as_bytes(object)->data + from, to - from);
            return make_bytes(out);
        }
        default:
            raise_error(ErrorKind::TypeError, std::string("cannot slice a value of type ") + type_name(object));
    }
}

[[noreturn]] void bad_index(Value object, Value key) {
    raise_error(ErrorKind::TypeError, std::string("cannot index a value of type ") + type_name(object) + " with " +
                                          type_name(key));
}

[[noreturn]] void missing_key(Value key) {
    raise_error(ErrorKind::KeyError, "key " + brief_repr(key, 200) + " not found");
}

}  // namespace

Value get_index(Heap& heap, Value object, Value key) {
    if (key.is(Tag::Range) && object.tag != Tag::Map) return slice(heap, object, as_range(key));
    switch (object.tag) {
        case Tag::Array:
            if (!key.is_int()) bad_index(object, key);
            return as_array(object)->items[index_in(key.i, as_array(object)->length, "array")];
        case Tag::Tuple:
            if (!key.is_int()) bad_index(object, key);
            return as_tuple(object)->items[index_in(key.i, as_tuple(object)->length, "tuple")];
        case Tag::String:
            if (!key.is_int()) bad_index(object, key);
            return Value::integer(
                static_cast<unsigned char>(as_string(object)->chars[index_in(key.i, as_string(object)->length, "string")]));
        case Tag::Bytes:
            if (!key.is_int()) bad_index(object, key);
            return Value::integer(as_bytes(object)->data[index_in(key.i, as_bytes(object)->length, "bytes")]);
        case Tag::Map: {
            const MapEntry* e = map_find(as_map(object), key);
            if (!e) missing_key(key);
            return e->value;
        }
        case Tag::Range: {
            if (!key.is_int()) bad_index(object, key);
            RangeObj* r = as_range(object);
            int64_t n = range_count(r);
            uint32_t i = index_in(key.i, n > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(n), "range");
            return Value::integer(r->start + r->step * static_cast<int64_t>(i));
        }
        case Tag::Module:
            if (key.is(Tag::Symbol)) return get_field(object, as_symbol(key));
            bad_index(object, key);
        default: bad_index(object, key);
    }
}

void set_index(Heap& heap, Value object, Value key, Value value) {
    switch (object.tag) {
        case Tag::Array:
            if (!key.is_int()) bad_index(object, key);
            as_array(object)->items[index_in(key.i, as_array(object)->length, "array")] = value;
            return;
        case Tag::Bytes: {
            if (!key.is_int()) bad_index(object, key);
            if (!value.is_int() || value.i < 0 || value.i > 255)
                raise_error(ErrorKind::ValueError, "a byte must be an int from 0 to 255");
            as_bytes(object)->data[index_in(key.i, as_bytes(object)->length, "bytes")] = static_cast<uint8_t>(value.i);
            return;
        }
        case Tag::Map: map_set(heap, as_map(object), key, value); return;
        case Tag::Tuple: raise_error(ErrorKind::TypeError, "tuples are immutable; build a new one");
        case Tag::String: raise_error(ErrorKind::TypeError, "strings are immutable; build a new one");
        default:
            raise_error(ErrorKind::TypeError, std::string("cannot assign into a value of type ") + type_name(object));
    }
}

Value get_field(Value object, SymbolObj* name) {
    if (object.is(Tag::Map)) {
        const MapEntry* e = map_find_symbol(as_map(object), name);
        if (!e) raise_error(ErrorKind::KeyError, "key :" + std::string(name->name->view()) + " not found");
        return e->value;
    }
    if (object.is(Tag::Module)) {
        ModuleObj* m = as_module(object);
        auto found = m->exports.find(name);
        if (found == m->exports.end())
            raise_error(ErrorKind::Undefined, "module " + std::string(m->name->view()) + " has no member '" +
                                                  std::string(name->name->view()) + "'");
        Value v = m->globals[found->second];
        if (v.is_missing())
            raise_error(ErrorKind::Undefined, "'" + std::string(name->name->view()) + "' of module " +
                                                  std::string(m->name->view()) + " is used before it is defined");
        return v;
    }
    raise_error(ErrorKind::TypeError, "cannot read field ." + std::string(name->name->view()) + " of a value of type " +
                                          type_name(object));
}

void set_field(Heap& heap, Value object, SymbolObj* name, Value value) {
    if (object.is(Tag::Map)) {
        map_set(heap, as_map(object), make_symbol(name), value);
        return;
    }
    if (object.is(Tag::Module))
        raise_error(ErrorKind::TypeError, "cannot assign to ." + std::string(name->name->view()) +
                                              " of a module from outside it");
    raise_error(ErrorKind::TypeError, "cannot set field ." + std::string(name->name->view()) + " of a value of type " +
                                          type_name(object));
}

}  // namespace vb
