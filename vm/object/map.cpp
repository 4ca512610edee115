// vm/object/map.cpp — hash map operations (layout in map.h).
#include "vm/object/map.h"

#include <cstring>

#include "vm/gc/heap.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

bool keys_match(const MapEntry& e, Value key, uint64_t hash) {
    if (e.hash != hash) return false;
    if (e.key.tag == key.tag && e.key.bits == key.bits && key.tag != Tag::Float) return true;
    return values_equal(e.key, key);
}

// Index slot for `key`: the slot holding its entry, or the empty slot where it goes.
int32_t* find_slot(const MapObj* map, Value key, uint64_t hash) {
    uint32_t mask = map->index_mask;
    uint32_t i = static_cast<uint32_t>(hash) & mask;
    for (uint32_t probe = 1;; probe++) {
        int32_t* slot = &map->index[i];
        if (*slot < 0) return slot;
        if (keys_match(map->entries[*slot], key, hash)) return slot;
        i = (i + probe) & mask;  // triangular probing visits every slot of a power-of-two table
    }
}

void rebuild(Heap& heap, MapObj* map, uint32_t min_entries) {
    // Compact the entries (dropping holes) and size the index for min_entries.
    uint32_t entry_capacity = 4;
    while (entry_capacity < min_entries) entry_capacity *= 2;
    uint32_t index_size = entry_capacity * 2;  // load factor at most 1/2

    auto* entries = static_cast<MapEntry*>(heap.allocate_buffer(sizeof(MapEntry) * entry_capacity));
    int32_t* index;
    try {
        index = static_cast<int32_t*>(heap.allocate_buffer(sizeof(int32_t) * index_size));
    } catch (...) {
        heap.free_buffer(entries, sizeof(MapEntry) * entry_capacity);
        throw;
    }
    std::memset(index, 0xff, sizeof(int32_t) * index_size);

    uint32_t n = 0;
    for (uint32_t i = 0; i < map->entry_count; i++) {
        if (map->entries[i].key.is_missing()) continue;
        entries[n++] = map->entries[i];
    }
    map_free_storage(heap, map);
    map->entries = entries;
    map->index = index;
    map->entry_capacity = entry_capacity;
    map->entry_count = n;
    map->live = n;
    map->index_mask = index_size - 1;
    for (uint32_t i = 0; i < n; i++) {
        int32_t* slot = find_slot(map, entries[i].key, entries[i].hash);
        *slot = static_cast<int32_t>(i);
    }
}

}  // namespace

const MapEntry* map_find(const MapObj* map, Value key) {
    uint64_t hash = value_hash(key);
    if (map->live == 0) return nullptr;
    int32_t* slot = find_slot(map, key, hash);
    if (*slot < 0) return nullptr;
    const MapEntry& e = map->entries[*slot];
    return e.key.is_missing() ? nullptr : &e;
}

const MapEntry* map_find_symbol(const MapObj* map, const SymbolObj* key) {
    if (map->live == 0) return nullptr;
    uint32_t mask = map->index_mask;
    uint32_t i = key->hash & mask;
    for (uint32_t probe = 1;; probe++) {
        int32_t at = map->index[i];
        if (at < 0) return nullptr;
        const MapEntry& e = map->entries[at];
        if (e.key.o == key && e.key.tag == Tag::Symbol) return &e;
        i = (i + probe) & mask;
    }
}

void map_set(Heap& heap, MapObj* map, Value key, Value value) {
    uint64_t hash = value_hash(key);
    if (map->index) {
        int32_t* slot = find_slot(map, key, hash);
        if (*slot >= 0) {
            MapEntry& e = map->entries[*slot];
            if (!e.key.is_missing()) {
                e.value = value;
                return;
            }
        }
    }
    if (map->entry_count == map->entry_capacity) {
        // Key and value are held only by the caller's registers; rebuild does not
        // collect them because allocation here happens before they are stored,
        // and the caller keeps them rooted.
        rebuild(heap, map, map->live + 1 > map->entry_capacity / 2 ? map->entry_capacity * 2 : map->live + 1);
    }
    int32_t* slot = find_slot(map, key, hash);
    uint32_t n = map->entry_count++;
    map->entries[n] = MapEntry{key, value, hash};
    *slot = static_cast<int32_t>(n);
    map->live++;
}

bool map_remove(MapObj* map, Value key, Value* removed_value) {
    uint64_t hash = value_hash(key);
    if (map->live == 0) return false;
    int32_t* slot = find_slot(map, key, hash);
    if (*slot < 0) return false;
    MapEntry& e = map->entries[*slot];
    if (e.key.is_missing()) return false;
    if (removed_value) *removed_value = e.value;
    // The index keeps pointing at the hole, so probe chains through it stay intact.
    e.key = Value::missing();
    e.value = Value::nil();
    map->live--;
    return true;
}

void map_free_storage(Heap& heap, MapObj* map) {
    if (map->entries) heap.free_buffer(map->entries, sizeof(MapEntry) * map->entry_capacity);
    if (map->index) heap.free_buffer(map->index, sizeof(int32_t) * (map->index_mask + 1));
    map->entries = nullptr;
    map->index = nullptr;
    map->entry_capacity = map->entry_count = map->live = map->index_mask = 0;
}

}  // namespace vb
