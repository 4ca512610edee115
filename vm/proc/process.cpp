// vm/proc/process.cpp — a process's register stack.
#include "vm/proc/process.h"

#include <cstdlib>
#include <cstring>

#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/team.h"

namespace vb {

namespace {
constexpr uint32_t kInitialStack = 64;
constexpr uint32_t kMaxStack = 16u << 20;  // values; 256 MiB
}  // namespace

Process::Process(Team& team, uint64_t pid) : m_team(team), m_pid(pid) {
    stack = static_cast<Value*>(std::calloc(kInitialStack, sizeof(Value)));
    if (!stack) throw OutOfMemory{kInitialStack * sizeof(Value)};
    m_capacity = kInitialStack;
}

Process::~Process() { std::free(stack); }

void FrameStack::grow() {
    size_t capacity = m_capacity ? m_capacity * 2 : 16;
    auto* frames = static_cast<Frame*>(std::realloc(m_frames, capacity * sizeof(Frame)));
    if (!frames) throw OutOfMemory{capacity * sizeof(Frame)};
    m_frames = frames;
    m_capacity = capacity;
}

void Process::ensure_stack(uint32_t from, uint32_t slots) {
    uint64_t needed = uint64_t(from) + slots;
    if (needed <= m_capacity) return;
    if (needed > kMaxStack) raise_error(ErrorKind::StackOverflow, "the stack is full (too many nested calls)");
    uint64_t capacity = m_capacity;
    while (capacity < needed) capacity *= 2;
    if (capacity > kMaxStack) capacity = kMaxStack;
    auto* grown = static_cast<Value*>(std::realloc(stack, capacity * sizeof(Value)));
    if (!grown) throw OutOfMemory{capacity * sizeof(Value)};
    // New slots start as nil so the collector never reads garbage.
    for (uint64_t i = m_capacity; i < capacity; i++) grown[i] = Value::nil();
    stack = grown;
    m_capacity = static_cast<uint32_t>(capacity);
}

uint32_t Process::stack_top() const {
    if (frames.empty()) return start_slots < m_capacity ? start_slots : m_capacity;
    const Frame& f = frames.back();
    uint64_t top = uint64_t(f.base) + f.closure->proto->register_count;
    return static_cast<uint32_t>(top < m_capacity ? top : m_capacity);
}

void Process::clear_above_top() {
    for (uint32_t i = stack_top(); i < m_capacity; i++) stack[i] = Value::nil();
}

}  // namespace vb
