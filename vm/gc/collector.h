// vm/gc/collector.h — the marking side of the collector, as seen by the code that
// enumerates roots (Team::mark_roots). The algorithm is described in collector.cpp.
#pragma once

#include <vector>

#include "vm/object/objects.h"

namespace vb {

class Heap;

class Collector {
public:
    void mark(Object* object);
    void mark(Value value) {
        if (value.is_object()) mark(value.o);
    }
    void mark_range(const Value* begin, const Value* end) {
        for (const Value* v = begin; v < end; v++) mark(*v);
    }
    // Marks everything reachable from what has been marked so far.
    void drain() {
        while (!m_gray.empty()) {
            Object* object = m_gray.back();
            m_gray.pop_back();
            trace(object);
        }
    }

private:
    void trace(Object* object);
    std::vector<Object*> m_gray;
};

// Releases one object and everything it owns (used by the sweep and ~Heap).
void free_object(Heap& heap, Object* object);

}  // namespace vb
