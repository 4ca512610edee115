// vm/object/map.h — the hash map: insertion-ordered entries plus an open-addressing
// index of entry numbers (the layout of CPython's compact dict), so iteration and
// printing follow insertion order and a lookup touches two small arrays.
#pragma once

#include "vm/object/objects.h"

namespace vb {

class Heap;

// The entry holding `key`, or nullptr. Raises :type_error for an unhashable key.
const MapEntry* map_find(const MapObj* map, Value key);
// Fast path for field access: `key` is a symbol.
const MapEntry* map_find_symbol(const MapObj* map, const SymbolObj* key);
void map_set(Heap& heap, MapObj* map, Value key, Value value);
// Removes `key`; returns false when it was absent.
bool map_remove(MapObj* map, Value key, Value* removed_value);
void map_free_storage(Heap& heap, MapObj* map);

}  // namespace vb
