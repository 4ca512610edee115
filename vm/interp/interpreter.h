// vm/interp/interpreter.h — runs a process's vb code.
#pragma once

#include <cstdint>

#include "vm/proc/process.h"

namespace vb {

enum class RunResult : uint8_t {
    Yield,     // the reduction budget ran out; the process is still runnable
    Blocked,   // parked in a blocking native (receive, send, sleep)
    Finished,  // the bottom frame returned; p.outcome holds the value
    Failed,    // an error was not caught; p.outcome holds it
};

// Runs `p` from its top frame until one of the RunResults happens. When `p`
// blocks, the next runnable process of the team runs in its place (budget
// renewed), so `p` is updated to the process the result is about.
RunResult run_process(Process*& p, int budget);

// Prepares a call of the function in stack[callee_slot] with `count` arguments in
// the slots after it: pushes a frame for vb code, or calls a native directly and
// stores its result in the callee slot. Raises (throws VmError) on arity errors.
// Returns false when a native blocked.
bool begin_call(Process& p, uint32_t callee_slot, uint32_t count);

// Unwinds `p` to its innermost handler and stores `error` there. Returns false
// when there is none: the process has failed with `error` as its outcome.
bool raise_in(Process& p, Value error);

}  // namespace vb
