// vm/gc/collector.cpp — the garbage collector of a team's heap.
//
// Design. A precise, non-moving, stop-the-team mark and sweep. Precise: the roots
// are exactly enumerated by Team::mark_roots (process register stacks up to each
// process's top, frames, handlers, mailboxes, modules, the prelude, temp roots);
// nothing is found by scanning the C stack. Non-moving: objects never move, so
// native code may hold raw pointers between allocations as long as the object is
// reachable from a root. Marking uses an explicit gray stack, so deep structures
// cannot overflow the C stack. Sweeping walks the heap's list of all objects and
// frees the unmarked ones. Pacing: the next collection happens when the heap has
// grown to twice what survived the last one (one and a half times past 64 MiB),
// and not before it holds 512 KiB.
//
// One heap per team: a collection stops only the processes of its own team.
// Stress mode (--gc-stress) collects at every allocation, so a missing root shows
// up at once as a use of freed memory under AddressSanitizer.
//
// Each object kind says what it references in trace() below, in one place.
#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "vm/gc/collector.h"
#include "vm/gc/heap.h"
#include "vm/object/map.h"
#include "vm/team.h"

namespace vb {

void Collector::mark(Object* object) {
    if (!object || object->marked) return;
    object->marked = 1;
    m_gray.push_back(object);
}

void Collector::trace(Object* object) {
    switch (object->kind) {
        case Tag::String:
        case Tag::Native:
        case Tag::Bytes:
        case Tag::Range:
            break;
        case Tag::Symbol:
            mark(static_cast<SymbolObj*>(object)->name);
            break;
        case Tag::Tuple: {
            auto* t = static_cast<TupleObj*>(object);
            for (uint32_t i = 0; i < t->length; i++) mark(t->items[i]);
            break;
        }
        case Tag::Array: {
            auto* a = static_cast<ArrayObj*>(object);
            for (uint32_t i = 0; i < a->length; i++) mark(a->items[i]);
            break;
        }
        case Tag::Map: {
            auto* m = static_cast<MapObj*>(object);
            for (uint32_t i = 0; i < m->entry_count; i++) {
                mark(m->entries[i].key);
                mark(m->entries[i].value);
            }
            break;
        }
        case Tag::Function: {
            auto* c = static_cast<ClosureObj*>(object);
            mark(c->proto);
            for (uint32_t i = 0; i < c->upvalue_count; i++) mark(c->upvalues[i]);
            break;
        }
        case Tag::Cell:
            mark(static_cast<CellObj*>(object)->value);
            break;
        case Tag::Proto: {
            auto* p = static_cast<ProtoObj*>(object);
            for (Value v : p->constants) mark(v);
            mark(p->name);
            mark(p->module);
            break;
        }
        case Tag::Module: {
            auto* m = static_cast<ModuleObj*>(object);
            mark(m->name);
            mark(m->path);
            for (Value v : m->globals) mark(v);
            for (SymbolObj* s : m->global_names) mark(s);
            for (ProtoObj* p : m->protos) mark(p);
            for (ModuleObj* i : m->imports) mark(i);
            break;
        }
        default:
            std::abort();  // not an object kind: the heap is corrupt
    }
}

void free_object(Heap& heap, Object* object) {
    size_t size;
    switch (object->kind) {
        case Tag::Array: {
            auto* a = static_cast<ArrayObj*>(object);
            heap.free_buffer(a->items, sizeof(Value) * a->capacity);
            size = sizeof(ArrayObj);
            break;
        }
        case Tag::Map:
            map_free_storage(heap, static_cast<MapObj*>(object));
            size = sizeof(MapObj);
            break;
        case Tag::Bytes: {
            auto* b = static_cast<BytesObj*>(object);
            heap.free_buffer(b->data, b->capacity);
            size = sizeof(BytesObj);
            break;
        }
        case Tag::Proto:
            static_cast<ProtoObj*>(object)->~ProtoObj();
            size = sizeof(ProtoObj);
            break;
        case Tag::Module:
            static_cast<ModuleObj*>(object)->~ModuleObj();
            size = sizeof(ModuleObj);
            break;
        case Tag::String: size = string_size(static_cast<StringObj*>(object)->length); break;
        case Tag::Tuple: size = tuple_size(static_cast<TupleObj*>(object)->length); break;
        case Tag::Function: size = closure_size(static_cast<ClosureObj*>(object)->upvalue_count); break;
        case Tag::Symbol: size = sizeof(SymbolObj); break;
        case Tag::Range: size = sizeof(RangeObj); break;
        case Tag::Native: size = sizeof(NativeObj); break;
        case Tag::Cell: size = sizeof(CellObj); break;
        default: std::abort();
    }
    heap.release(object, size);
}

void Heap::collect() {
    if (m_collecting) return;
    m_collecting = true;
    m_collected_over += m_bytes;
    auto started = std::chrono::steady_clock::now();

    Collector collector;
    m_team.mark_roots(collector);
    for (Value v : temp_roots) collector.mark(v);
    for (auto& [name, symbol] : m_symbols) collector.mark(symbol);  // symbols are permanent
    collector.drain();

    Object** link = &m_objects;
    while (Object* object = *link) {
        if (object->marked) {
            object->marked = 0;
            link = &object->next;
        } else {
            *link = object->next;
            free_object(*this, object);
        }
    }

    // Grow to twice the survivors while the heap is small, one and a half times once
    // it is large: peak memory stays near the live data at a modest cost in
    // collections.
    size_t growth = m_bytes < (64u << 20) ? m_bytes * 2 : m_bytes + m_bytes / 2;
    m_next_collection = std::max<size_t>(growth, kMinimumHeap);
    auto pause = static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count());
    m_stats.collections++;
    m_stats.total_pause_ns += pause;
    if (pause > m_stats.max_pause_ns) m_stats.max_pause_ns = pause;
    m_collecting = false;
}

}  // namespace vb
