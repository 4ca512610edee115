// vm/team.h — a team: one running program with its own heap, modules and
// processes, and the scheduler that runs those processes.
//
// Teams share nothing; everything a team's code can reach is in its heap. This is
// also the embedding API the host (servers/host) uses: load an image, run it,
// report the outcome.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/image/image.h"
#include "vm/proc/process.h"
#include "vm/remote.h"

namespace vb {

class Collector;

struct TeamOptions {
    size_t max_heap = 0;  // bytes; 0 = unlimited
    bool gc_stress = false;
    // A bounded run: past this many reductions (calls and backward jumps, and one
    // per KiB the heap allocates or collects or a program prints, over all
    // processes) in one run_main, the main process fails with :timeout and the
    // scheduler returns. Keeps a hostile or fuzzed image from running forever.
    uint64_t max_reductions = 0;  // 0 = unlimited
    std::vector<std::string> args;  // the program's arguments (args())
    // The kernel beneath the team (kernel-bridge/), when it runs in a node: pids
    // are the node's, and sends reach other teams and nodes through it.
    RemotePort* port = nullptr;
    // Where print, io.write and error reports go when not to this process's
    // stdout (1) and stderr (2): a program run for another node (`vb run --on`).
    std::function<void(int stream, std::string_view text)> output;
};

// Thrown by exit(n): ends the program from anywhere.
struct ExitProgram {
    int code;
};

// Thrown by an allocation in a bounded run past its limit (charge_heap_work):
// the interpreter ends the running process with it, uncaught by any `try`.
struct ReductionLimitReached {};

class Team {
public:
    explicit Team(TeamOptions options);
    ~Team();
    Team(const Team&) = delete;
    Team& operator=(const Team&) = delete;

    Heap heap;
    const TeamOptions& options() const { return m_options; }

    // Loading (loader.cpp). The image must have passed the verifier. Modules the
    // team already has (the stdlib, earlier REPL chunks) are reused by name.
    void load_prelude(const image::Image& image);
    ModuleObj* load(const image::Image& image);
    ModuleObj* find_module(std::string_view name) const;
    ModuleObj* prelude() const { return m_prelude; }

    // Runs a module's top level in a new main process until that process ends, with
    // the other processes scheduled alongside. Returns the exit status: 0, or 1
    // after printing an uncaught error on stderr. `result` receives the value of
    // the top level (for the REPL).
    int run_main(ModuleObj* module, Value* result = nullptr);

    // run_main in steps, for a team that a node's threads take turns to run
    // (kernel-bridge/kernel.cpp) instead of a thread of its own. start_main
    // returns false (the error reported) when the module cannot start; then
    // run_some runs processes until the main process ends (Done), nothing can run
    // until an event or the timer at *wake_at_ns (Idle; 0: no timer), or
    // `max_slices` time slices have passed (Yield: others' turn); end_main
    // reports the outcome and returns the exit status as run_main does. exit(n)
    // throws ExitProgram out of run_some.
    enum class Step { Done, Idle, Yield };
    bool start_main(ModuleObj* module);
    Step run_some(int64_t* wake_at_ns, unsigned max_slices = 0);
    int end_main(Value* result = nullptr);
    // Whether posted events wait to be taken, and what to call when one is
    // posted: how whoever drives the team learns that an idle team can go on.
    bool has_events() const { return m_has_events.load(std::memory_order_acquire); }
    void on_ready(std::function<void()> hook) { m_ready = std::move(hook); }

    // Processes and the scheduler (proc/scheduler.cpp).
    Process* spawn(Value function, const Value* args, uint32_t count);
    Process* find_process(uint64_t pid);
    void make_runnable(Process& p);
    // The next process to run, for a hand-off from a process that blocked; nullptr
    // when the scheduler should look at its timers first, or nothing can run, or
    // the reduction limit is reached.
    Process* next_to_run();
    // The interpreter reports the reductions it spent each time it leaves a
    // process (returns or hands off): what the bounded run counts.
    void charge_reductions(int spent) { m_reductions += static_cast<uint64_t>(spent); }
    // The heap reports its work so far (Heap::work_bytes) at each collection: a
    // bounded run charges one reduction per KiB, so that a loop whose every step
    // builds a big value (str.repeat, a growing interpolation) or sends the
    // collector through a full heap ends soon as well. Throws
    // ReductionLimitReached past the limit while a process runs.
    void charge_heap_work(uint64_t work_bytes);
    // Appends the printed form of `v` to `out` (str, print, fmt, interpolation)
    // within the heap's print limit, else raising :out_of_memory, and charges the
    // bytes to a bounded run: a value whose parts are shared (a = [a, a], forty
    // times over) prints far larger than it is.
    void print_value(std::string& out, Value v, bool quote_strings);
    // The uncaught :timeout error that ends a bounded run, in `p`.
    Value reduction_limit_error(Process& p);
    void wake(Process& p, Value result);            // deliver a result and make runnable
    void wake_with_error(Process& p, Value error);  // resume by raising `error`
    void set_timer(Process& p, int64_t milliseconds);
    // `from`'s reply reaches `sender`, which awaits it: collected for send_all,
    // else it completes the send.
    void complete_send(Process& sender, uint64_t from, Value answer);
    // `from` will never reply to `sender`: once no one else is awaited, send_all
    // returns what it has and any other send raises :dead with `why`.
    void abandon_send(Process& sender, uint64_t from, const std::string& why);
    void deliver(Process& to, Message message);     // into the mailbox, waking a receiver
    // Takes the oldest message of a non-empty mailbox as the (from, body) that
    // v.receive returns, noting a request as one `p` owes an answer.
    Value take_message(Process& p);
    uint64_t new_group();
    std::vector<uint64_t>* group_members(uint64_t group);
    void join_group(Process& p, uint64_t group);
    void leave_group(Process& p, uint64_t group);
    uint32_t node_id() const { return m_options.port ? m_options.port->node_id() : 0; }
    RemotePort* port() const { return m_options.port; }

    // From the kernel's thread: a reply, request or datagram for one of this
    // team's processes. The scheduler takes it on its next round.
    void post(RemoteEvent event);
    // From any thread: stop the program as exit(code) would, at the scheduler's
    // next round (a process in a loop is interrupted within one time slice).
    void request_stop(int code);

    // Program output, to stdout/stderr or to TeamOptions::output.
    void write_output(int stream, std::string_view text);
    // A remote request delivered to `to` from `from` is answered through this token.
    void note_remote_request(uint64_t to, uint64_t from, uint64_t token) { m_remote_requests[{to, from}] = token; }
    // The token of a remote request `to` owes `from` (taken off the list), or 0.
    uint64_t take_remote_request(uint64_t to, uint64_t from);

    // Builds the error map {kind, msg, trace} for a runtime error in `p`.
    Value make_error(Process& p, ErrorKind kind, std::string_view message);
    // The trace of `p`'s frames, innermost first, as "path:line in fn" strings.
    Value make_trace(Process& p);

    void mark_roots(Collector& collector);
    // Uncaught error report, as printed on stderr.
    std::string describe_error(Value error);

    // Symbols the runtime uses often.
    SymbolObj* sym_kind = nullptr;
    SymbolObj* sym_msg = nullptr;
    SymbolObj* sym_trace = nullptr;

private:
    Process* pop_runnable();
    bool timers_to_check();  // every 64 scheduling rounds, if any timer is pending
    unsigned m_rounds = 0;
    bool past_reduction_limit() const { return m_reductions >= m_reduction_limit; }
    void stop_at_reduction_limit(Process& main);
    uint64_t m_reductions = 0;                // spent in the current run_main
    uint64_t m_reduction_limit = UINT64_MAX;  // max_reductions, or never
    uint64_t m_heap_work_charged = 0;         // of the heap's work_bytes()
    bool m_in_slice = false;                  // run_process is running
    void forget_process(uint64_t pid);
    void finish(Process& p);
    void fire_timers(bool wait);
    void take_events();
    void wait_for_events(int64_t wake_at_ns);
    void handle_event(RemoteEvent& event);
    TeamOptions m_options;
    ModuleObj* m_prelude = nullptr;
    std::vector<ModuleObj*> m_modules;
    std::unordered_map<uint64_t, std::unique_ptr<Process>> m_processes;
    // A direct-mapped cache in front of m_processes: a transaction looks up its
    // peer on every send and reply.
    struct CachedProcess {
        uint64_t pid = 0;
        Process* process = nullptr;
    };
    CachedProcess m_process_cache[64];
    // FIFO of runnable processes, linked through Process::next_in_queue, so that
    // making a process runnable never allocates.
    Process* m_queue_head = nullptr;
    Process* m_queue_tail = nullptr;
    struct Timer {
        int64_t deadline_ns;
        uint64_t pid;
        uint64_t generation;
        bool operator>(const Timer& other) const { return deadline_ns > other.deadline_ns; }
    };
    std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> m_timers;
    std::map<uint64_t, std::vector<uint64_t>> m_groups;
    Process* m_main = nullptr;
    uint32_t m_next_process = 1;
    uint32_t m_next_group = 1;

    // Events from the kernel's thread; `m_has_events` lets the scheduler look
    // without taking the lock.
    std::mutex m_inbox_mutex;
    std::condition_variable m_inbox_ready;
    std::vector<RemoteEvent> m_inbox;
    std::atomic<bool> m_has_events{false};
    std::atomic<int> m_stop_code{-1};
    std::function<void()> m_ready;
    std::map<std::pair<uint64_t, uint64_t>, uint64_t> m_remote_requests;  // (to, from) -> token
};

}  // namespace vb
