// tests/unit/map.test.cpp — unit tests of vm/object/map.{h,cpp}.
//
// The map keeps insertion order through overwrites, removals and reinsertions,
// grows (and compacts its holes) without losing entries, finds symbol keys on the
// fast path, and treats 1 and 1.0 as one key.
#include "vm/object/map.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/team.h"
#include "vm/value_ops.h"

using namespace vb;

namespace {

struct MapFixture {
    Team team{TeamOptions{}};
    Heap& heap = team.heap;
    MapObj* map = heap.new_map();
    // The map is rooted, so growth that triggers a collection keeps it.
    TempRoot keep{heap, make_map(map)};

    Value str(std::string_view text) { return make_string(heap.new_string(text)); }
    Value sym(std::string_view name) { return make_symbol(heap.intern(name)); }

    void set(Value key, Value value) { map_set(heap, map, key, value); }
    // The value under `key`, or Missing when absent.
    Value get(Value key) {
        const MapEntry* e = map_find(map, key);
        return e ? e->value : Value::missing();
    }
    // The live keys in iteration order, printed.
    std::vector<std::string> keys() const {
        std::vector<std::string> out;
        for (uint32_t i = 0; i < map->entry_count; i++)
            if (!map->entries[i].key.is_missing()) out.push_back(to_repr(map->entries[i].key));
        return out;
    }
};

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("map: an empty map finds nothing and removes nothing", "[map]") {
    MapFixture m;
    CHECK(m.map->live == 0);
    CHECK(map_find(m.map, Value::integer(1)) == nullptr);
    CHECK(map_find_symbol(m.map, m.heap.intern("a")) == nullptr);
    CHECK_FALSE(map_remove(m.map, Value::integer(1), nullptr));
    CHECK(m.keys().empty());
}

TEST_CASE("map: insert and lookup of every kind of key", "[map]") {
    MapFixture m;
    Value tuple_key = make_tuple(m.heap.new_tuple(2));
    as_tuple(tuple_key)->items[0] = Value::integer(1);
    as_tuple(tuple_key)->items[1] = m.str("x");
    m.set(Value::nil(), Value::integer(1));
    m.set(Value::boolean(true), Value::integer(2));
    m.set(Value::boolean(false), Value::integer(3));
    m.set(Value::integer(4), Value::integer(4));
    m.set(Value::number(4.5), Value::integer(5));
    m.set(m.str("six"), Value::integer(6));
    m.set(m.sym("seven"), Value::integer(7));
    m.set(tuple_key, Value::integer(8));
    m.set(Value::pid(9), Value::integer(9));
    CHECK(m.map->live == 9);

    CHECK(m.get(Value::nil()).i == 1);
    CHECK(m.get(Value::boolean(true)).i == 2);
    CHECK(m.get(Value::boolean(false)).i == 3);
    CHECK(m.get(Value::integer(4)).i == 4);
    CHECK(m.get(Value::number(4.5)).i == 5);
    // Strings and tuples are found by content, not by object.
    CHECK(m.get(m.str("six")).i == 6);
    CHECK(m.get(m.sym("seven")).i == 7);
    Value other_tuple = make_tuple(m.heap.new_tuple(2));
    as_tuple(other_tuple)->items[0] = Value::number(1.0);
    as_tuple(other_tuple)->items[1] = m.str("x");
    CHECK(m.get(other_tuple).i == 8);
    CHECK(m.get(Value::pid(9)).i == 9);

    // Near misses.
    CHECK(m.get(m.str("seven")).is_missing());  // a string is not a symbol
    CHECK(m.get(m.sym("six")).is_missing());
    CHECK(m.get(Value::integer(0)).is_missing());  // 0 is not false
    CHECK(m.get(Value::integer(1)).is_missing());  // 1 is not true
    CHECK(m.get(Value::integer(9)).is_missing());  // an int is not a pid
}

TEST_CASE("map: overwriting keeps the key's place", "[map]") {
    MapFixture m;
    m.set(m.sym("a"), Value::integer(1));
    m.set(m.sym("b"), Value::integer(2));
    m.set(m.sym("c"), Value::integer(3));
    m.set(m.sym("a"), Value::integer(10));
    CHECK(m.map->live == 3);
    CHECK(m.keys() == Keys{":a", ":b", ":c"});
    CHECK(m.get(m.sym("a")).i == 10);
}

TEST_CASE("map: removing, then reinserting, moves the key to the end", "[map]") {
    MapFixture m;
    for (const char* k : {"a", "b", "c", "d"}) m.set(m.str(k), m.str(k));
    Value removed;
    REQUIRE(map_remove(m.map, m.str("b"), &removed));
    CHECK(to_display(removed) == "b");
    CHECK(m.map->live == 3);
    CHECK(m.keys() == Keys{"\"a\"", "\"c\"", "\"d\""});
    CHECK(m.get(m.str("b")).is_missing());
    CHECK_FALSE(map_remove(m.map, m.str("b"), nullptr));
    // Keys after the hole are still found (probe chains run through it).
    CHECK(to_display(m.get(m.str("c"))) == "c");
    CHECK(to_display(m.get(m.str("d"))) == "d");

    m.set(m.str("b"), Value::integer(2));
    CHECK(m.keys() == Keys{"\"a\"", "\"c\"", "\"d\"", "\"b\""});
    CHECK(m.get(m.str("b")).i == 2);
    CHECK(m.map->live == 4);

    // Removing everything and inserting again works from an empty-but-allocated map.
    for (const char* k : {"a", "b", "c", "d"}) REQUIRE(map_remove(m.map, m.str(k), nullptr));
    CHECK(m.map->live == 0);
    CHECK(m.keys().empty());
    m.set(m.str("z"), Value::integer(26));
    CHECK(m.keys() == Keys{"\"z\""});
}

TEST_CASE("map: many removals and reinsertions keep order and count", "[map]") {
    MapFixture m;
    // Insert 0..99, remove the evens, reinsert them: odds first, then evens, in order.
    for (int n = 0; n < 100; n++) m.set(Value::integer(n), Value::integer(n * n));
    for (int n = 0; n < 100; n += 2) REQUIRE(map_remove(m.map, Value::integer(n), nullptr));
    for (int n = 0; n < 100; n += 2) m.set(Value::integer(n), Value::integer(-n));
    CHECK(m.map->live == 100);
    std::vector<std::string> expected;
    for (int n = 1; n < 100; n += 2) expected.push_back(std::to_string(n));
    for (int n = 0; n < 100; n += 2) expected.push_back(std::to_string(n));
    CHECK(m.keys() == expected);
    for (int n = 0; n < 100; n++) {
        Value v = m.get(Value::integer(n));
        REQUIRE(v.is_int());
        CHECK(v.i == (n % 2 ? n * n : -n));
    }
}

TEST_CASE("map: churn of one key does not grow the map without bound", "[map]") {
    MapFixture m;
    m.set(m.sym("keep"), Value::integer(0));
    for (int n = 0; n < 10000; n++) {
        m.set(Value::integer(n), Value::integer(n));
        REQUIRE(map_remove(m.map, Value::integer(n), nullptr));
    }
    CHECK(m.map->live == 1);
    // Holes are compacted when the entries fill up, so capacity stays small.
    CHECK(m.map->entry_capacity <= 64);
    CHECK(m.keys() == Keys{":keep"});
}

TEST_CASE("map: growth to 100k entries", "[map]") {
    MapFixture m;
    const int n = 100000;
    for (int k = 0; k < n; k++) m.set(Value::integer(k * 7), Value::integer(k));
    CHECK(m.map->live == static_cast<uint32_t>(n));
    // The index keeps a load factor of at most one half.
    CHECK(m.map->index_mask + 1 >= 2 * m.map->live);
    bool all_found = true, in_order = true;
    for (int k = 0; k < n; k++) {
        const MapEntry* e = map_find(m.map, Value::integer(k * 7));
        if (!e || !e->value.is_int() || e->value.i != k) all_found = false;
        if (!m.map->entries[k].key.is_int() || m.map->entries[k].key.i != k * 7) in_order = false;
    }
    CHECK(all_found);
    CHECK(in_order);
    CHECK(map_find(m.map, Value::integer(3)) == nullptr);
    CHECK(map_find(m.map, Value::integer(n * 7)) == nullptr);
    // Remove every other entry; the rest are still found.
    for (int k = 0; k < n; k += 2) REQUIRE(map_remove(m.map, Value::integer(k * 7), nullptr));
    CHECK(m.map->live == static_cast<uint32_t>(n / 2));
    bool odd_found = true;
    for (int k = 1; k < n; k += 2) {
        const MapEntry* e = map_find(m.map, Value::number(k * 7.0));
        if (!e || e->value.i != k) odd_found = false;
    }
    CHECK(odd_found);
}

TEST_CASE("map: growth to 100k string keys", "[map]") {
    MapFixture m;
    const int n = 100000;
    for (int k = 0; k < n; k++) {
        // The key must be rooted while map_set grows the map (growth may collect).
        TempRoot key(m.heap, m.str("key" + std::to_string(k)));
        m.set(key.get(), Value::integer(k));
    }
    CHECK(m.map->live == static_cast<uint32_t>(n));
    bool all_found = true;
    for (int k = 0; k < n; k += 97) {
        Value v = m.get(m.str("key" + std::to_string(k)));
        if (!v.is_int() || v.i != k) all_found = false;
    }
    CHECK(all_found);
    CHECK(to_repr(m.map->entries[0].key) == "\"key0\"");
    CHECK(to_repr(m.map->entries[n - 1].key) == "\"key99999\"");
}

TEST_CASE("map: the symbol fast path agrees with the general lookup", "[map]") {
    MapFixture m;
    std::vector<SymbolObj*> symbols;
    for (int k = 0; k < 200; k++) {
        SymbolObj* s = m.heap.intern("field" + std::to_string(k));
        symbols.push_back(s);
        m.set(make_symbol(s), Value::integer(k));
    }
    // A string with the same text is a different key.
    m.set(m.str("field0"), Value::integer(-1));
    for (int k = 0; k < 200; k++) {
        const MapEntry* fast = map_find_symbol(m.map, symbols[k]);
        const MapEntry* slow = map_find(m.map, make_symbol(symbols[k]));
        REQUIRE(fast != nullptr);
        CHECK(fast == slow);
        CHECK(fast->value.i == k);
    }
    CHECK(map_find_symbol(m.map, m.heap.intern("absent")) == nullptr);
    CHECK(m.get(m.str("field0")).i == -1);
    // A removed symbol is no longer found on the fast path.
    REQUIRE(map_remove(m.map, make_symbol(symbols[5]), nullptr));
    CHECK(map_find_symbol(m.map, symbols[5]) == nullptr);
    CHECK(map_find_symbol(m.map, symbols[6])->value.i == 6);
    m.set(make_symbol(symbols[5]), Value::integer(55));
    CHECK(map_find_symbol(m.map, symbols[5])->value.i == 55);
}

TEST_CASE("map: int and float keys are one key", "[map]") {
    MapFixture m;
    m.set(Value::integer(1), m.str("int"));
    m.set(Value::number(1.0), m.str("float"));
    CHECK(m.map->live == 1);
    // The key keeps its first form; the value is replaced.
    CHECK(m.keys() == Keys{"1"});
    CHECK(to_display(m.get(Value::integer(1))) == "float");
    CHECK(to_display(m.get(Value::number(1.0))) == "float");

    m.set(Value::number(2.0), m.str("two"));
    CHECK(to_display(m.get(Value::integer(2))) == "two");
    CHECK(m.keys() == Keys{"1", "2.0"});

    m.set(Value::number(-0.0), m.str("zero"));
    CHECK(to_display(m.get(Value::integer(0))) == "zero");
    CHECK(to_display(m.get(Value::number(0.0))) == "zero");

    CHECK(m.get(Value::number(1.5)).is_missing());
    REQUIRE(map_remove(m.map, Value::number(1.0), nullptr));
    CHECK(m.get(Value::integer(1)).is_missing());
    CHECK(m.map->live == 2);

    // Tuples containing int/float forms of one number are one key too.
    Value t1 = make_tuple(m.heap.new_tuple(1));
    as_tuple(t1)->items[0] = Value::integer(3);
    Value t2 = make_tuple(m.heap.new_tuple(1));
    as_tuple(t2)->items[0] = Value::number(3.0);
    m.set(t1, Value::integer(1));
    m.set(t2, Value::integer(2));
    CHECK(m.map->live == 3);
    CHECK(m.get(t1).i == 2);
}

TEST_CASE("map: a mutable key raises :type_error and leaves the map unchanged", "[map]") {
    MapFixture m;
    m.set(Value::integer(1), Value::integer(1));
    Value array = make_array(m.heap.new_array());
    try {
        m.set(array, Value::integer(2));
        FAIL("expected :type_error");
    } catch (const VmError& e) {
        CHECK(e.kind == ErrorKind::TypeError);
    }
    CHECK(m.map->live == 1);
    CHECK_THROWS_AS(map_remove(m.map, array, nullptr), VmError);
    CHECK(m.keys() == Keys{"1"});
}

TEST_CASE("map: map_free_storage empties the map", "[map]") {
    MapFixture m;
    size_t before = m.heap.bytes_in_use();
    for (int k = 0; k < 1000; k++) m.set(Value::integer(k), Value::nil());
    CHECK(m.heap.bytes_in_use() > before);
    map_free_storage(m.heap, m.map);
    CHECK(m.map->live == 0);
    CHECK(m.map->entries == nullptr);
    CHECK(m.heap.bytes_in_use() == before);
    // The map is usable again.
    m.set(Value::integer(5), Value::integer(6));
    CHECK(m.get(Value::integer(5)).i == 6);
}
