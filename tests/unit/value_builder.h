// tests/unit/value_builder.h — builds values in a team's heap for the unit tests
// of the value encoding (value_codec.test.cpp) and of the kernel's own writer of
// it (kernel_values.test.cpp). Everything built is kept on `keep`, so the
// helpers compose, even in a heap that collects at every allocation.
#pragma once

#include <catch2/catch.hpp>

#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "vm/encoding/value_codec.h"
#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/object/map.h"
#include "vm/team.h"
#include "vm/value_ops.h"

namespace vb::test {

struct ValueBuilder {
    explicit ValueBuilder(TeamOptions options = {}) : team(std::move(options)) {}

    Team team;
    Heap& heap = team.heap;
    TempRoot keep{heap, make_array(heap.new_array())};

    Value hold(Value v) {
        TempRoot held(heap, v);
        array_push(heap, as_array(keep.get()), v);
        return v;
    }
    Value str(std::string_view text) { return hold(make_string(heap.new_string(text))); }
    Value sym(std::string_view name) { return hold(make_symbol(heap.intern(name))); }
    Value bytes(std::string_view data) {
        BytesObj* b = heap.new_bytes(data.size());
        if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
        return hold(make_bytes(b));
    }
    Value tuple(std::initializer_list<Value> items) {
        TupleObj* t = heap.new_tuple(static_cast<uint32_t>(items.size()));
        uint32_t i = 0;
        for (Value v : items) t->items[i++] = v;
        return hold(make_tuple(t));
    }
    Value array(std::initializer_list<Value> items) {
        Value a = hold(make_array(heap.new_array()));
        for (Value v : items) array_push(heap, as_array(a), v);
        return a;
    }
    Value map(std::initializer_list<std::pair<Value, Value>> entries) {
        Value m = hold(make_map(heap.new_map()));
        for (auto [k, v] : entries) map_set(heap, as_map(m), k, v);
        return m;
    }
    Value range(int64_t start, int64_t stop, int64_t step, bool inclusive, bool explicit_step) {
        return hold(make_range(heap.new_range(start, stop, step, inclusive, explicit_step)));
    }

    // The VM's encoding of `v`, which must succeed.
    std::string encode(Value v, const codec::Limits& limits = {}) {
        std::string out;
        codec::EncodeResult r = codec::encode(v, out, limits);
        INFO(r.error);
        REQUIRE(r.ok);
        return out;
    }
    // The value `bytes` decode to, which must succeed without leaking a root.
    Value decode(std::string_view bytes, const codec::Limits& limits = {}) {
        size_t roots = heap.temp_roots.size();
        codec::DecodeResult r = codec::decode(heap, bytes, limits);
        CHECK(heap.temp_roots.size() == roots);
        INFO(r.error);
        REQUIRE(r.ok);
        return hold(r.value);
    }
};

}  // namespace vb::test
