// vm/proc/process.h — a process: a green thread of a team.
//
// A process is interpreter state, not a C stack: a growable register stack, a
// vector of frames, the active `try` handlers, and a mailbox. Switching processes
// is returning from the interpreter loop and entering it with another Process, a
// few pointer moves. The scheduler (scheduler.cpp) decides who runs; the
// interpreter (interp/interpreter.cpp) runs one process for a budget of reductions.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

#include "vm/isa/isa.h"
#include "vm/object/objects.h"

namespace vb {

struct Frame {
    ClosureObj* closure;
    const isa::Instr* pc;  // saved when the frame is not running
    uint32_t base;         // stack index of register 0; the callee slot is base - 1
};

// The frames of a process: a growable array whose push is a bounds check and a
// store in the interpreter's call path (growth is the rare, out-of-line case).
class FrameStack {
public:
    FrameStack() = default;
    ~FrameStack() { std::free(m_frames); }
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;

    void push_back(const Frame& frame) {
        if (m_size == m_capacity) grow();
        m_frames[m_size++] = frame;
    }
    void pop_back() { m_size--; }
    Frame& back() { return m_frames[m_size - 1]; }
    const Frame& back() const { return m_frames[m_size - 1]; }
    Frame& operator[](size_t i) { return m_frames[i]; }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    void resize(size_t n) { m_size = n; }  // only ever shrinks
    void clear() { m_size = 0; }
    const Frame* begin() const { return m_frames; }
    const Frame* end() const { return m_frames + m_size; }

private:
    void grow();
    Frame* m_frames = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

struct Handler {
    uint32_t frame_count;      // frames below and including the one with the `try`
    const isa::Instr* target;  // the catch code
    uint32_t slot;             // stack index that receives the raised value
};

struct Message {
    uint64_t from;
    Value body;
    bool is_datagram;
};

enum class ProcessState : uint8_t {
    Runnable,
    Receiving,      // in v.receive
    AwaitingReply,  // in v.send, waiting for `waiting_on` to reply
    Sleeping,       // in time.sleep
    Reading,        // in io.read_line, in a team of a node (the line comes as an Input event)
    Done,
};

class Process {
public:
    Process(Team& team, uint64_t pid);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    Team& team() { return m_team; }
    uint64_t pid() const { return m_pid; }

    // Makes room for `slots` registers from stack index `from`; may move the stack.
    void ensure_stack(uint32_t from, uint32_t slots);
    uint32_t stack_capacity() const { return m_capacity; }
    // One past the highest live register (what the collector scans).
    uint32_t stack_top() const;
    void clear_above_top();

    Value* stack = nullptr;
    FrameStack frames;
    std::vector<Handler> handlers;
    std::deque<Message> mailbox;

    ProcessState state = ProcessState::Runnable;
    bool in_run_queue = false;
    Process* next_in_queue = nullptr;  // the team's run queue is a list through its processes
    // AwaitingReply: the processes whose reply is accepted, how, and (for
    // send_all) how many replies are still expected.
    enum class Await : uint8_t { One, Any, All } await_mode = Await::One;
    std::vector<uint64_t> awaiting;
    // Senders whose requests this process has received and not yet answered (by
    // reply or forward): a reply to anyone else, or to a datagram, does nothing.
    std::vector<uint64_t> unanswered;
    uint32_t result_slot = 0;  // stack index where the value that wakes us goes
    Value wake_error = Value::missing();  // raised when the process resumes
    uint64_t timer_generation = 0;        // a timer fires only if this still matches
    Value outcome;                        // the return value or uncaught error when Done
    bool failed = false;
    std::string failure_trace;            // the trace when the uncaught error was not an error map
    std::vector<uint64_t> groups;         // groups this process joined
    uint32_t start_slots = 0;             // live slots before the first frame (function and arguments)

private:
    Team& m_team;
    uint64_t m_pid;
    uint32_t m_capacity = 0;
};

}  // namespace vb
