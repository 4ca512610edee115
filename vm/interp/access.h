// vm/interp/access.h — indexing, slicing and field access of every kind of value:
// `a[i]`, `a[i] = v`, `a[i..j]`, `m.name`, `m.name = v`, and iteration steps.
#pragma once

#include "vm/object/objects.h"

namespace vb {

class Heap;

Value get_index(Heap& heap, Value object, Value key);
void set_index(Heap& heap, Value object, Value key, Value value);
Value get_field(Value object, SymbolObj* name);
void set_field(Heap& heap, Value object, SymbolObj* name, Value value);
// A normalised array index: negative counts from the end; raises :index_error.
uint32_t index_in(int64_t index, uint32_t length, const char* what);
// A new array of the elements of `a` from `start` on.
ArrayObj* array_slice_from(Heap& heap, ArrayObj* a, uint32_t start);
void array_push(Heap& heap, ArrayObj* a, Value v);
// The length of strings, arrays, tuples, maps, bytes and ranges (len(x)).
int64_t length_of(Value v);
// How many elements a range yields.
int64_t range_count(const RangeObj* r);

}  // namespace vb
