// tests/unit/heap.test.cpp — unit tests of vm/gc/heap.{h,cpp} and the collector
// (vm/gc/collector.cpp).
//
// What a TempRoot holds survives a collection with everything it reaches;
// unreachable objects, cyclic ones included, are freed and their bytes given
// back; stress mode collects at every allocation without losing live objects;
// `max_bytes` turns an allocation that cannot fit into vb::OutOfMemory; symbols
// are interned and permanent.
#include "vm/gc/heap.h"

#include <catch2/catch.hpp>

#include <string>

#include "vm/gc/collector.h"
#include "vm/interp/access.h"
#include "vm/object/map.h"
#include "vm/team.h"
#include "vm/value_ops.h"

using namespace vb;

namespace {

// An array of `count` strings, each "s<n>".
Value make_string_array(Heap& heap, int count) {
    TempRoot array(heap, make_array(heap.new_array()));
    for (int n = 0; n < count; n++) {
        Value s = make_string(heap.new_string("s" + std::to_string(n)));
        array_push(heap, as_array(array.get()), s);
    }
    return array.get();
}

bool string_array_intact(Value array, int count) {
    if (!array.is(Tag::Array) || as_array(array)->length != static_cast<uint32_t>(count)) return false;
    for (int n = 0; n < count; n++) {
        Value s = as_array(array)->items[n];
        if (!s.is(Tag::String) || as_string(s)->view() != "s" + std::to_string(n)) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("heap: allocation is counted in bytes_in_use and the statistics", "[heap]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    size_t before = heap.bytes_in_use();
    uint64_t allocated_before = heap.stats().bytes_allocated;
    heap.new_string("hello");
    CHECK(heap.bytes_in_use() == before + string_size(5));
    heap.new_tuple(3);
    CHECK(heap.bytes_in_use() == before + string_size(5) + tuple_size(3));
    CHECK(heap.stats().bytes_allocated == allocated_before + string_size(5) + tuple_size(3));
    CHECK(heap.stats().peak_bytes >= heap.bytes_in_use());
    BytesObj* b = heap.new_bytes(1000);
    CHECK(heap.bytes_in_use() >= before + 1000);
    CHECK(b->length == 1000);
    CHECK(b->data[0] == 0);
    CHECK(b->data[999] == 0);
}

TEST_CASE("heap: objects reachable from a TempRoot survive a collection", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    TempRoot root(heap, make_string_array(heap, 100));
    // Reachability through maps, tuples, cells and closures too.
    MapObj* m = heap.new_map();
    TempRoot keep_map(heap, make_map(m));
    {
        TempRoot key(heap, make_string(heap.new_string("key")));
        map_set(heap, m, key.get(), root.get());
    }
    TupleObj* t = heap.new_tuple(1);
    t->items[0] = make_map(m);
    TempRoot keep_tuple(heap, make_tuple(t));
    CellObj* cell = heap.new_cell(make_tuple(t));
    TempRoot keep_cell(heap, make_cell(cell));

    uint64_t collections = heap.stats().collections;
    heap.collect();
    CHECK(heap.stats().collections == collections + 1);
    CHECK(string_array_intact(root.get(), 100));
    CHECK(as_tuple(as_cell(keep_cell.get())->value)->items[0].o == m);
    CHECK(to_display(keep_map.get()).starts_with("{\"key\": [\"s0\", \"s1\""));

    // Holding only the cell keeps the whole chain alive.
    size_t in_use = heap.bytes_in_use();
    keep_tuple.set(Value::nil());
    keep_map.set(Value::nil());
    root.set(Value::nil());
    heap.collect();
    CHECK(heap.bytes_in_use() == in_use);
    Value array = map_find(as_map(as_tuple(as_cell(keep_cell.get())->value)->items[0]),
                           make_string(heap.new_string("key")))->value;
    CHECK(string_array_intact(array, 100));
}

TEST_CASE("heap: unreachable objects are freed", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    heap.collect();
    size_t baseline = heap.bytes_in_use();
    for (int n = 0; n < 1000; n++) heap.new_string("garbage " + std::to_string(n));
    make_string_array(heap, 500);
    MapObj* m = heap.new_map();
    for (int n = 0; n < 500; n++) map_set(heap, m, Value::integer(n), Value::integer(n));
    heap.new_bytes(100000);
    CHECK(heap.bytes_in_use() > baseline + 100000);
    heap.collect();
    CHECK(heap.bytes_in_use() == baseline);
}

TEST_CASE("heap: only the unreachable part is freed", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    heap.collect();
    size_t baseline = heap.bytes_in_use();
    TempRoot live(heap, make_string_array(heap, 50));
    heap.collect();
    size_t with_live = heap.bytes_in_use();
    CHECK(with_live > baseline);
    make_string_array(heap, 50);  // garbage of the same size
    CHECK(heap.bytes_in_use() > with_live);
    heap.collect();
    CHECK(heap.bytes_in_use() == with_live);
    CHECK(string_array_intact(live.get(), 50));
}

TEST_CASE("heap: cyclic garbage is freed", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    heap.collect();
    size_t baseline = heap.bytes_in_use();
    {
        // An array that contains itself, and a map and array that contain each other.
        TempRoot a(heap, make_array(heap.new_array()));
        array_push(heap, as_array(a.get()), a.get());
        TempRoot m(heap, make_map(heap.new_map()));
        TempRoot b(heap, make_array(heap.new_array()));
        array_push(heap, as_array(b.get()), m.get());
        map_set(heap, as_map(m.get()), make_symbol(heap.intern("b")), b.get());
        // A cell that holds a closure that captures the cell.
        ProtoObj* proto = heap.new_proto();
        TempRoot keep_proto(heap, make_proto(proto));
        TempRoot cell(heap, make_cell(heap.new_cell(Value::nil())));
        ClosureObj* c = heap.new_closure(proto, 1);
        c->upvalues[0] = cell.get();
        as_cell(cell.get())->value = make_function(c);
        heap.collect();
        CHECK(heap.bytes_in_use() > baseline);
    }
    heap.collect();
    // The symbol :b stays (symbols are permanent); everything else is gone.
    size_t symbol_bytes = sizeof(SymbolObj) + string_size(1);
    CHECK(heap.bytes_in_use() == baseline + symbol_bytes);
}

TEST_CASE("heap: deep structures are marked without recursion", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    // A chain of 200,000 nested one-element arrays.
    TempRoot head(heap, make_array(heap.new_array(1)));
    {
        TempRoot tail(heap, head.get());
        for (int n = 0; n < 200000; n++) {
            Value next = make_array(heap.new_array(1));
            array_push(heap, as_array(tail.get()), next);
            tail.set(next);
        }
    }
    heap.collect();
    int depth = 0;
    for (Value v = head.get(); as_array(v)->length == 1; v = as_array(v)->items[0]) depth++;
    CHECK(depth == 200000);
}

TEST_CASE("heap: stress mode collects at every allocation and keeps live objects", "[heap][gc]") {
    TeamOptions options;
    options.gc_stress = true;
    Team team(options);
    Heap& heap = team.heap;
    CHECK(heap.stress);
    uint64_t before = heap.stats().collections;
    TempRoot live(heap, make_string_array(heap, 300));
    // Every string, the array and each growth of its buffer collected first.
    CHECK(heap.stats().collections >= before + 300);
    CHECK(string_array_intact(live.get(), 300));
    MapObj* m = heap.new_map();
    TempRoot keep(heap, make_map(m));
    for (int n = 0; n < 200; n++) {
        TempRoot key(heap, make_string(heap.new_string("k" + std::to_string(n))));
        map_set(heap, m, key.get(), make_symbol(heap.intern("v" + std::to_string(n))));
    }
    heap.collect();
    CHECK(m->live == 200);
    CHECK(to_display(map_find(m, make_string(heap.new_string("k199")))->value) == ":v199");
    CHECK(string_array_intact(live.get(), 300));
}

TEST_CASE("heap: stress mode can be switched on at run time", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    uint64_t before = heap.stats().collections;
    heap.new_string("a");
    CHECK(heap.stats().collections == before);
    heap.stress = true;
    heap.new_string("b");
    heap.new_string("c");
    CHECK(heap.stats().collections == before + 2);
}

TEST_CASE("heap: max_bytes makes an allocation that cannot fit throw OutOfMemory", "[heap][limit]") {
    TeamOptions options;
    options.max_heap = 1 << 20;
    Team team(options);
    Heap& heap = team.heap;
    CHECK(heap.max_bytes == options.max_heap);
    // Garbage does not count: the limit collects before giving up.
    for (int n = 0; n < 100; n++) heap.new_bytes(100000);
    CHECK(heap.bytes_in_use() <= heap.max_bytes);
    // A single allocation larger than the limit fails at once.
    CHECK_THROWS_AS(heap.new_bytes(2 << 20), OutOfMemory);
    // Live data that keeps growing hits the limit.
    TempRoot live(heap, make_array(heap.new_array()));
    size_t requested = 0;
    try {
        for (int n = 0; n < 1000; n++) array_push(heap, as_array(live.get()), make_bytes(heap.new_bytes(10000)));
        FAIL("the limit was never reached");
    } catch (const OutOfMemory& oom) {
        requested = oom.requested;
    }
    CHECK(requested > 0);
    CHECK(heap.bytes_in_use() <= heap.max_bytes);
    // Once the live data is dropped, allocation works again.
    live.set(Value::nil());
    CHECK_NOTHROW(heap.new_bytes(500000));
}

TEST_CASE("heap: ignore_limit lets the runtime build its error past the limit", "[heap][limit]") {
    TeamOptions options;
    options.max_heap = 64 << 10;
    Team team(options);
    Heap& heap = team.heap;
    TempRoot live(heap, make_bytes(heap.new_bytes(60 << 10)));
    CHECK_THROWS_AS(heap.new_bytes(16 << 10), OutOfMemory);
    heap.ignore_limit = true;
    CHECK_NOTHROW(heap.new_bytes(16 << 10));
    heap.ignore_limit = false;
}

TEST_CASE("heap: symbol interning returns the same object", "[heap][symbols]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    SymbolObj* a = heap.intern("name");
    SymbolObj* b = heap.intern("name");
    SymbolObj* c = heap.intern("other");
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a->name->view() == "name");
    CHECK(a->hash != 0);
    // From a string that is not the original's memory.
    std::string text = "na";
    text += "me";
    CHECK(heap.intern(text) == a);
    // The runtime's own symbols are interned too.
    CHECK(heap.intern("kind") == team.sym_kind);
    CHECK(heap.intern("msg") == team.sym_msg);
    CHECK(heap.intern("trace") == team.sym_trace);
    // Symbols are permanent: an unrooted symbol survives collections and keeps its identity.
    size_t before = heap.bytes_in_use();
    heap.collect();
    CHECK(heap.bytes_in_use() == before);
    CHECK(heap.intern("other") == c);
    CHECK(c->name->view() == "other");
    CHECK(heap.intern("") == heap.intern(""));
}

TEST_CASE("heap: buffers are accounted on growth and release", "[heap]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    size_t before = heap.bytes_in_use();
    void* p = heap.allocate_buffer(1000);
    CHECK(heap.bytes_in_use() == before + 1000);
    p = heap.reallocate_buffer(p, 1000, 5000);
    CHECK(heap.bytes_in_use() == before + 5000);
    p = heap.reallocate_buffer(p, 5000, 100);
    CHECK(heap.bytes_in_use() == before + 100);
    heap.free_buffer(p, 100);
    CHECK(heap.bytes_in_use() == before);
}

TEST_CASE("heap: protos and modules are freed with what they own", "[heap][gc]") {
    Team team(TeamOptions{});
    Heap& heap = team.heap;
    heap.collect();
    size_t baseline = heap.bytes_in_use();
    {
        TempRoot module(heap, make_module(heap.new_module()));
        as_module(module.get())->name = heap.new_string("m");
        as_module(module.get())->path = heap.new_string("m.vb");
        ProtoObj* proto = heap.new_proto();
        as_module(module.get())->protos.push_back(proto);
        proto->module = as_module(module.get());
        proto->constants.push_back(make_string(heap.new_string("a constant")));
        proto->code.assign(100, 0);
        heap.collect();
        CHECK(as_string(proto->constants[0])->view() == "a constant");
        CHECK(as_module(module.get())->path->view() == "m.vb");
    }
    heap.collect();
    CHECK(heap.bytes_in_use() == baseline);
}
