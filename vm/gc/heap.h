// vm/gc/heap.h — the heap of one team: allocation, the symbol table, pacing and
// statistics of the collector.
//
// Every object of a team lives in its team's heap and nowhere else, so one team's
// collection never stops another. Allocation may collect: before any allocation
// the caller must have every live object reachable from a root (a register of a
// process, a global, or a TempRoot). The collector itself is in collector.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/object/objects.h"

namespace vb {

struct HeapStats {
    uint64_t collections = 0;
    uint64_t total_pause_ns = 0;
    uint64_t max_pause_ns = 0;
    uint64_t bytes_allocated = 0;  // over the whole run
    uint64_t peak_bytes = 0;       // largest heap size seen
};

// Raised (as a C++ exception) by an allocation that does not fit under --max-heap
// even after a collection; the interpreter turns it into the vb error :out_of_memory.
struct OutOfMemory {
    size_t requested;
};

class Heap {
public:
    explicit Heap(Team& team);
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    StringObj* new_string(std::string_view text);
    StringObj* new_string_uninitialized(size_t length);  // fill chars, then it is immutable
    SymbolObj* intern(std::string_view name);
    TupleObj* new_tuple(uint32_t length);                 // elements start as nil
    ArrayObj* new_array(uint32_t capacity = 0);
    MapObj* new_map(uint32_t capacity = 0);
    BytesObj* new_bytes(size_t length);                   // zero-filled
    RangeObj* new_range(int64_t start, int64_t stop, int64_t step, bool inclusive, bool explicit_step);
    ClosureObj* new_closure(ProtoObj* proto, uint32_t upvalue_count);
    NativeObj* new_native(NativeFn fn, const char* module, const char* name, int min_args, int max_args);
    CellObj* new_cell(Value value);
    ProtoObj* new_proto();
    ModuleObj* new_module();

    // Buffers owned by objects (array items, map tables, bytes) are counted here so
    // that they pace the collector and obey --max-heap.
    void* allocate_buffer(size_t bytes);
    void* reallocate_buffer(void* old, size_t old_bytes, size_t new_bytes);
    void free_buffer(void* buffer, size_t bytes);
    // Returns an object's memory (the sweep calls it through free_object).
    void release(Object* object, size_t bytes);

    void collect();
    const HeapStats& stats() const { return m_stats; }
    // Bytes allocated, plus the heap's size at each collection (what the
    // collector went through): the work a bounded run counts.
    uint64_t work_bytes() const { return m_stats.bytes_allocated + m_collected_over; }
    size_t bytes_in_use() const { return m_bytes; }

    // Settings (from the command line).
    size_t max_bytes = 0;     // 0: no limit
    bool stress = false;      // collect at every allocation
    // Set while the runtime builds the :out_of_memory error itself.
    bool ignore_limit = false;
    // The most bytes the printed form of a value may take (value_ops.h,
    // append_value): no more than a string this heap could hold.
    size_t print_limit() const {
        constexpr size_t kLongestString = size_t{UINT32_MAX} - 64;
        return max_bytes && max_bytes < kLongestString ? max_bytes : kLongestString;
    }

    // Values that native code holds across an allocation (see TempRoot).
    std::vector<Value> temp_roots;

private:
    friend class Collector;
    Object* allocate(size_t bytes, Tag kind);
    template <class T>
    T* construct(Tag kind);
    void account(size_t bytes);

    // Small objects come from per-size free lists carved out of 64 KiB chunks, so
    // allocating and freeing them is a few pointer moves; larger ones use malloc.
    // A chunk is carved a block at a time, when a free list is empty, and not
    // into a whole list at once: a page of it is touched only when it is used
    // (a small program would otherwise keep every page of a chunk per size class).
#if defined(__SANITIZE_ADDRESS__)
    static constexpr size_t kSmallLimit = 0;  // every object from malloc, so ASan sees each one
#else
    static constexpr size_t kSmallLimit = 256;
#endif
    static constexpr size_t kGranule = 16;
    static constexpr size_t kChunkBytes = 64 << 10;
    struct FreeBlock {
        FreeBlock* next;
    };
    void* allocate_small(size_t size_class);
    FreeBlock* m_free[kSmallLimit / kGranule + 1] = {};
    char* m_carve = nullptr;      // the uncarved rest of the newest chunk, for every size class
    char* m_carve_end = nullptr;
    std::vector<void*> m_chunks;

    Team& m_team;
    Object* m_objects = nullptr;
    size_t m_bytes = 0;
    static constexpr size_t kMinimumHeap = 512 << 10;
    size_t m_next_collection = kMinimumHeap;
    bool m_collecting = false;
    uint64_t m_collected_over = 0;  // the heap's size at each collection, summed
    std::unordered_map<std::string_view, SymbolObj*> m_symbols;
    HeapStats m_stats;
};

// Keeps a value alive across allocations for as long as it is in scope.
class TempRoot {
public:
    TempRoot(Heap& heap, Value value) : m_heap(heap), m_index(heap.temp_roots.size()) {
        heap.temp_roots.push_back(value);
    }
    ~TempRoot() { m_heap.temp_roots.resize(m_index); }
    TempRoot(const TempRoot&) = delete;
    TempRoot& operator=(const TempRoot&) = delete;
    Value get() const { return m_heap.temp_roots[m_index]; }
    void set(Value value) { m_heap.temp_roots[m_index] = value; }

private:
    Heap& m_heap;
    size_t m_index;
};

}  // namespace vb
