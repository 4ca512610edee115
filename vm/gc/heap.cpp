// vm/gc/heap.cpp — allocation of every object kind, symbol interning, buffer
// accounting. Objects are malloc'd one by one and linked into the heap's list;
// the collector (collector.cpp) decides when they die.
#include "vm/gc/heap.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "vm/gc/collector.h"
#include "vm/object/string.h"
#include "vm/team.h"

namespace vb {

Heap::Heap(Team& team) : m_team(team) {}

Heap::~Heap() {
    Object* object = m_objects;
    while (object) {
        Object* next = object->next;
        free_object(*this, object);
        object = next;
    }
    for (void* chunk : m_chunks) std::free(chunk);
}

void* Heap::allocate_small(size_t size_class) {
    if (FreeBlock* block = m_free[size_class]) {
        m_free[size_class] = block->next;
        return block;
    }
    size_t bytes = size_class * kGranule;
    if (static_cast<size_t>(m_carve_end - m_carve) < bytes) {
        // The old chunk's tail (less than the largest small block) is left unused.
        char* chunk = static_cast<char*>(std::malloc(kChunkBytes));
        if (!chunk) return nullptr;
        m_chunks.push_back(chunk);
        m_carve = chunk;
        m_carve_end = chunk + kChunkBytes;
    }
    void* block = m_carve;
    m_carve += bytes;
    return block;
}

void Heap::release(Object* object, size_t bytes) {
    m_bytes -= bytes;
    if (bytes <= kSmallLimit) {
        auto* free = reinterpret_cast<FreeBlock*>(object);
        size_t size_class = (bytes + kGranule - 1) / kGranule;
        free->next = m_free[size_class];
        m_free[size_class] = free;
    } else {
        std::free(object);
    }
}

void Heap::account(size_t bytes) {
    if (!m_collecting) {
        bool collected = false, over = false;
        if (stress || m_bytes + bytes > m_next_collection) {
            collect();
            collected = true;
        }
        if (max_bytes && !ignore_limit && m_bytes + bytes > max_bytes) {
            collect();
            collected = true;
            over = m_bytes + bytes > max_bytes;
        }
        // A bounded run counts the heap's work as well (Team::charge_heap_work);
        // not while the runtime builds an error, which must not fail.
        if (collected && !ignore_limit) m_team.charge_heap_work(work_bytes() + bytes);
        if (over) throw OutOfMemory{bytes};
    }
    m_bytes += bytes;
    m_stats.bytes_allocated += bytes;
    if (m_bytes > m_stats.peak_bytes) m_stats.peak_bytes = m_bytes;
}

Object* Heap::allocate(size_t bytes, Tag kind) {
    account(bytes);
    void* memory = bytes <= kSmallLimit ? allocate_small((bytes + kGranule - 1) / kGranule) : std::malloc(bytes);
    auto* object = static_cast<Object*>(memory);
    if (!object) {
        m_bytes -= bytes;
        throw OutOfMemory{bytes};
    }
    object->next = m_objects;
    object->kind = kind;
    object->marked = 0;
    m_objects = object;
    return object;
}

void* Heap::allocate_buffer(size_t bytes) {
    account(bytes);
    void* buffer = std::malloc(bytes ? bytes : 1);
    if (!buffer) {
        m_bytes -= bytes;
        throw OutOfMemory{bytes};
    }
    return buffer;
}

void* Heap::reallocate_buffer(void* old, size_t old_bytes, size_t new_bytes) {
    if (new_bytes > old_bytes) account(new_bytes - old_bytes);
    void* buffer = std::realloc(old, new_bytes ? new_bytes : 1);
    if (!buffer) {
        m_bytes -= new_bytes - old_bytes;
        throw OutOfMemory{new_bytes};
    }
    if (new_bytes < old_bytes) m_bytes -= old_bytes - new_bytes;
    return buffer;
}

void Heap::free_buffer(void* buffer, size_t bytes) {
    std::free(buffer);
    m_bytes -= bytes;
}

StringObj* Heap::new_string_uninitialized(size_t length) {
    if (length > UINT32_MAX - 64) throw OutOfMemory{length};
    auto* s = static_cast<StringObj*>(allocate(string_size(static_cast<uint32_t>(length)), Tag::String));
    s->length = static_cast<uint32_t>(length);
    s->hash = 0;
    s->chars[length] = 0;
    return s;
}

StringObj* Heap::new_string(std::string_view text) {
    StringObj* s = new_string_uninitialized(text.size());
    if (!text.empty()) std::memcpy(s->chars, text.data(), text.size());
    return s;
}

SymbolObj* Heap::intern(std::string_view name) {
    if (auto found = m_symbols.find(name); found != m_symbols.end()) return found->second;
    StringObj* text = new_string(name);
    TempRoot keep(*this, make_string(text));
    auto* symbol = static_cast<SymbolObj*>(allocate(sizeof(SymbolObj), Tag::Symbol));
    symbol->name = text;
    symbol->hash = static_cast<uint32_t>(string_hash(text) * 0x9E3779B1u) | 1u;
    m_symbols.emplace(text->view(), symbol);
    return symbol;
}

TupleObj* Heap::new_tuple(uint32_t length) {
    auto* t = static_cast<TupleObj*>(allocate(tuple_size(length), Tag::Tuple));
    t->length = length;
    for (uint32_t i = 0; i < length; i++) t->items[i] = Value::nil();
    return t;
}

ArrayObj* Heap::new_array(uint32_t capacity) {
    auto* a = static_cast<ArrayObj*>(allocate(sizeof(ArrayObj), Tag::Array));
    a->items = nullptr;
    a->length = 0;
    a->capacity = 0;
    if (capacity) {
        TempRoot keep(*this, make_array(a));
        a->items = static_cast<Value*>(allocate_buffer(sizeof(Value) * capacity));
        a->capacity = capacity;
    }
    return a;
}

MapObj* Heap::new_map(uint32_t capacity) {
    auto* m = static_cast<MapObj*>(allocate(sizeof(MapObj), Tag::Map));
    m->entries = nullptr;
    m->index = nullptr;
    m->entry_count = m->entry_capacity = m->live = m->index_mask = 0;
    (void)capacity;  // grown on first insert
    return m;
}

BytesObj* Heap::new_bytes(size_t length) {
    if (length > UINT32_MAX - 64) throw OutOfMemory{length};
    auto* b = static_cast<BytesObj*>(allocate(sizeof(BytesObj), Tag::Bytes));
    b->data = nullptr;
    b->length = 0;
    b->capacity = 0;
    TempRoot keep(*this, make_bytes(b));
    b->data = static_cast<uint8_t*>(allocate_buffer(length));
    if (length) std::memset(b->data, 0, length);
    b->length = b->capacity = static_cast<uint32_t>(length);
    return b;
}

RangeObj* Heap::new_range(int64_t start, int64_t stop, int64_t step, bool inclusive, bool explicit_step) {
    auto* r = static_cast<RangeObj*>(allocate(sizeof(RangeObj), Tag::Range));
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->inclusive = inclusive;
    r->explicit_step = explicit_step;
    return r;
}

ClosureObj* Heap::new_closure(ProtoObj* proto, uint32_t upvalue_count) {
    auto* c = static_cast<ClosureObj*>(allocate(closure_size(upvalue_count), Tag::Function));
    c->proto = proto;
    c->upvalue_count = upvalue_count;
    for (uint32_t i = 0; i < upvalue_count; i++) c->upvalues[i] = Value::nil();
    return c;
}

NativeObj* Heap::new_native(NativeFn fn, const char* module, const char* name, int min_args, int max_args) {
    auto* n = static_cast<NativeObj*>(allocate(sizeof(NativeObj), Tag::Native));
    n->fn = fn;
    n->module = module;
    n->name = name;
    n->min_args = static_cast<int16_t>(min_args);
    n->max_args = static_cast<int16_t>(max_args);
    return n;
}

CellObj* Heap::new_cell(Value value) {
    auto* c = static_cast<CellObj*>(allocate(sizeof(CellObj), Tag::Cell));
    c->value = value;
    return c;
}

// Objects with C++ members (vectors, maps) are constructed in place; the header
// that allocate() filled in is kept.
template <class T>
T* Heap::construct(Tag kind) {
    Object* raw = allocate(sizeof(T), kind);
    Object header = *raw;
    T* object = new (raw) T();
    static_cast<Object&>(*object) = header;
    return object;
}

ProtoObj* Heap::new_proto() {
    ProtoObj* p = construct<ProtoObj>(Tag::Proto);
    p->name = nullptr;
    p->module = nullptr;
    p->line = 0;
    p->param_count = p->required_count = 0;
    p->has_rest = false;
    p->register_count = 1;
    return p;
}

ModuleObj* Heap::new_module() {
    ModuleObj* m = construct<ModuleObj>(Tag::Module);
    m->name = m->path = nullptr;
    m->state = ModuleState::Loaded;
    m->is_stdlib = false;
    m->top_level = 0;
    return m;
}

}  // namespace vb
