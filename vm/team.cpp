// vm/team.cpp — a team's lifecycle, error values, roots, and its scheduler.
//
// The scheduler is a FIFO run queue of processes plus a heap of timers. A process
// runs until it blocks, ends, or spends its reductions (interp/interpreter.cpp);
// then the next one runs. When nothing can run the scheduler sleeps until the
// next timer; when nothing can run and no timer is pending, every process is
// blocked for good, and the main process is woken with :dead (a deadlock report
// instead of a hang) — unless the team runs in a node, where a message can
// still come from another team: then it waits for the kernel.
//
// A bounded run (TeamOptions::max_reductions) is checked once per time slice and
// at each hand-off: past the limit, the main process fails and the scheduler
// returns. The heap's work (at each collection) and printed output count too,
// and can end the running process at once, since one step may do a lot of it.
#include "vm/team.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "kernel-bridge/entity.h"
#include "vm/gc/collector.h"
#include "vm/interp/access.h"
#include "vm/interp/interpreter.h"
#include "vm/object/map.h"
#include "vm/encoding/value_codec.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

constexpr int kReductions = 4000;
constexpr size_t kMaxTraceLines = 60;

int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

Team::Team(TeamOptions options) : heap(*this), m_options(std::move(options)) {
    heap.max_bytes = m_options.max_heap;
    heap.stress = m_options.gc_stress;
    if (m_options.max_reductions) m_reduction_limit = m_options.max_reductions;
    sym_kind = heap.intern("kind");
    sym_msg = heap.intern("msg");
    sym_trace = heap.intern("trace");
}

Team::~Team() {
    m_processes.clear();
}

ModuleObj* Team::find_module(std::string_view name) const {
    for (ModuleObj* m : m_modules)
        if (m->name->view() == name) return m;
    return nullptr;
}

// ---- errors ------------------------------------------------------------------

Value Team::make_trace(Process& p) {
    size_t depth = p.frames.size();
    size_t shown = depth < kMaxTraceLines ? depth : kMaxTraceLines;
    ArrayObj* trace = heap.new_array(static_cast<uint32_t>(shown + 1));
    TempRoot keep(heap, make_array(trace));
    for (size_t n = 0; n < shown; n++) {
        const Frame& f = p.frames[depth - 1 - n];
        const ProtoObj* proto = f.closure->proto;
        size_t at = static_cast<size_t>(f.pc - proto->code.data());
        if (at > 0) at--;
        uint32_t line = at < proto->lines.size() ? proto->lines[at] : proto->line;
        std::string text = std::string(proto->module->path->view()) + ":" + std::to_string(line) + " in " +
                           (proto->name ? std::string(proto->name->view()) : std::string("<fn>"));
        array_push(heap, trace, make_string(heap.new_string(text)));
    }
    if (depth > shown) {
        std::string more = "... " + std::to_string(depth - shown) + " more frames";
        array_push(heap, trace, make_string(heap.new_string(more)));
    }
    return make_array(trace);
}

Value Team::make_error(Process& p, ErrorKind kind, std::string_view message) {
    MapObj* error = heap.new_map(3);
    TempRoot keep(heap, make_map(error));
    map_set(heap, error, make_symbol(sym_kind), make_symbol(heap.intern(error_kind_name(kind))));
    Value text = make_string(heap.new_string(message));
    {
        TempRoot keep_text(heap, text);
        map_set(heap, error, make_symbol(sym_msg), text);
    }
    Value trace = make_trace(p);
    TempRoot keep_trace(heap, trace);
    map_set(heap, error, make_symbol(sym_trace), trace);
    return make_map(error);
}

std::string Team::describe_error(Value error) {
    std::string out;
    const MapEntry* kind = error.is(Tag::Map) ? map_find_symbol(as_map(error), sym_kind) : nullptr;
    const MapEntry* msg = error.is(Tag::Map) ? map_find_symbol(as_map(error), sym_msg) : nullptr;
    // An error may be any value, shared parts and all: the report stays short.
    constexpr size_t kShown = 1 << 16;
    if (kind && kind->value.is(Tag::Symbol)) {
        out = "error[" + to_display(kind->value) + "]: " + (msg ? brief_display(msg->value, kShown) : std::string()) +
              "\n";
    } else {
        out = "error: " + brief_display(error, kShown) + "\n";
    }
    const MapEntry* trace = error.is(Tag::Map) ? map_find_symbol(as_map(error), sym_trace) : nullptr;
    if (trace && trace->value.is(Tag::Array)) {
        ArrayObj* lines = as_array(trace->value);
        for (uint32_t n = 0; n < lines->length; n++) {
            if (out.size() > 4 * kShown) {
                out += "  ...\n";
                break;
            }
            out += "  at " + brief_display(lines->items[n], kShown) + "\n";
        }
    }
    return out;
}

// ---- roots -------------------------------------------------------------------

void Team::mark_roots(Collector& collector) {
    if (m_prelude) collector.mark(m_prelude);
    for (ModuleObj* m : m_modules) collector.mark(m);
    for (auto& [pid, process] : m_processes) {
        Process& p = *process;
        p.clear_above_top();
        collector.mark_range(p.stack, p.stack + p.stack_top());
        for (const Frame& f : p.frames) collector.mark(f.closure);
        for (const Message& m : p.mailbox) collector.mark(m.body);
        collector.mark(p.outcome);
        collector.mark(p.wake_error);
    }
}

// ---- processes -----------------------------------------------------------------

Process* Team::find_process(uint64_t pid) {
    CachedProcess& cached = m_process_cache[pid & 63];
    if (cached.pid == pid && cached.process) return cached.process;
    auto found = m_processes.find(pid);
    if (found == m_processes.end()) return nullptr;
    cached = CachedProcess{pid, found->second.get()};
    return cached.process;
}

void Team::forget_process(uint64_t pid) {
    CachedProcess& cached = m_process_cache[pid & 63];
    if (cached.pid == pid) cached = CachedProcess{};
    m_processes.erase(pid);
    if (m_options.port) m_options.port->detach(pid);
}

Process* Team::spawn(Value function, const Value* args, uint32_t count) {
    if (!function.is(Tag::Function))
        raise_error(ErrorKind::TypeError, std::string("spawn() needs a vb function, not ") + type_name(function));
    uint32_t local = m_options.port ? m_options.port->new_local_id() : m_next_process++;
    uint64_t pid = kernel::make_process_id(node_id(), local);
    auto owned = std::make_unique<Process>(*this, pid);
    Process& p = *owned;
    p.ensure_stack(0, count + 1);
    p.stack[0] = function;
    for (uint32_t n = 0; n < count; n++) p.stack[1 + n] = args[n];
    p.start_slots = count + 1;  // scanned by the collector until the first frame exists
    m_processes.emplace(pid, std::move(owned));
    if (m_options.port) m_options.port->attach(*this, pid);
    try {
        begin_call(p, 0, count);
    } catch (...) {
        forget_process(pid);
        throw;
    }
    make_runnable(p);
    return &p;
}

void Team::make_runnable(Process& p) {
    p.state = ProcessState::Runnable;
    if (!p.in_run_queue) {
        p.in_run_queue = true;
        p.next_in_queue = nullptr;
        if (m_queue_tail) m_queue_tail->next_in_queue = &p;
        else m_queue_head = &p;
        m_queue_tail = &p;
    }
}

void Team::wake(Process& p, Value result) {
    p.stack[p.result_slot] = result;
    p.awaiting.clear();
    p.timer_generation++;
    make_runnable(p);
}

void Team::wake_with_error(Process& p, Value error) {
    p.wake_error = error;
    p.awaiting.clear();
    p.timer_generation++;
    make_runnable(p);
}

void Team::set_timer(Process& p, int64_t milliseconds) {
    if (milliseconds < 0) milliseconds = 0;
    int64_t deadline = now_ns() + milliseconds * 1'000'000;
    m_timers.push(Timer{deadline, p.pid(), ++p.timer_generation});
}

void Team::complete_send(Process& sender, uint64_t from, Value answer) {
    if (sender.await_mode != Process::Await::All) return wake(sender, answer);
    TempRoot keep(heap, answer);
    TupleObj* pair = heap.new_tuple(2);
    pair->items[0] = Value::pid(from);
    pair->items[1] = answer;
    TempRoot keep_pair(heap, make_tuple(pair));
    array_push(heap, as_array(sender.stack[sender.result_slot]), make_tuple(pair));
    std::erase(sender.awaiting, from);
    if (sender.awaiting.empty()) wake(sender, sender.stack[sender.result_slot]);
}

void Team::abandon_send(Process& sender, uint64_t from, const std::string& why) {
    std::erase(sender.awaiting, from);
    if (!sender.awaiting.empty()) return;
    if (sender.await_mode == Process::Await::All) wake(sender, sender.stack[sender.result_slot]);
    else wake_with_error(sender, make_error(sender, ErrorKind::Dead, why));
}

void Team::deliver(Process& to, Message message) {
    to.mailbox.push_back(message);
    if (to.state == ProcessState::Receiving) wake(to, take_message(to));
}

Value Team::take_message(Process& p) {
    TupleObj* t = heap.new_tuple(2);  // the message stays rooted in the mailbox meanwhile
    const Message& first = p.mailbox.front();
    t->items[0] = Value::pid(first.from);
    t->items[1] = first.body;
    if (!first.is_datagram) p.unanswered.push_back(first.from);
    p.mailbox.pop_front();
    return make_tuple(t);
}

uint64_t Team::new_group() {
    uint32_t local = m_options.port ? m_options.port->new_local_id() : m_next_group++;
    uint64_t id = kernel::make_group_id(node_id(), local);
    m_groups[id];
    return id;
}

std::vector<uint64_t>* Team::group_members(uint64_t group) {
    auto found = m_groups.find(group);
    return found == m_groups.end() ? nullptr : &found->second;
}

void Team::join_group(Process& p, uint64_t group) {
    auto& members = m_groups[group];
    for (uint64_t m : members)
        if (m == p.pid()) return;
    members.push_back(p.pid());
    p.groups.push_back(group);
    if (m_options.port) m_options.port->join(group, p.pid());
}

void Team::leave_group(Process& p, uint64_t group) {
    auto found = m_groups.find(group);
    if (found == m_groups.end()) return;
    std::erase(found->second, p.pid());
    std::erase(p.groups, group);
    if (m_options.port) m_options.port->leave(group, p.pid());
}

void Team::finish(Process& p) {
    p.state = ProcessState::Done;
    p.frames.clear();
    p.handlers.clear();
    for (uint64_t g : std::vector<uint64_t>(p.groups)) leave_group(p, g);
    if (p.failed && &p != m_main) {
        std::fflush(stdout);
        std::string report = describe_error(p.outcome);
        write_output(2, "process " + kernel::format_entity(p.pid()) + " ended by an uncaught error:\n" + report +
                            p.failure_trace);
    }
    // Whoever waits for this process's reply will never get it.
    std::string why = "process " + kernel::format_entity(p.pid()) + " ended without replying";
    if (m_options.port) {
        for (auto it = m_remote_requests.lower_bound({p.pid(), 0});
             it != m_remote_requests.end() && it->first.first == p.pid();) {
            m_options.port->reply(it->second, RemoteStatus::Dead, why);
            it = m_remote_requests.erase(it);
        }
    }
    for (auto& [pid, other] : m_processes) {
        Process& q = *other;
        if (q.state != ProcessState::AwaitingReply) continue;
        if (std::find(q.awaiting.begin(), q.awaiting.end(), p.pid()) == q.awaiting.end()) continue;
        abandon_send(q, p.pid(), why);
    }
    p.mailbox.clear();
}

void Team::fire_timers(bool wait) {
    while (!m_timers.empty()) {
        Timer t = m_timers.top();
        int64_t now = now_ns();
        if (t.deadline_ns > now) {
            if (!wait) return;
            std::fflush(stdout);
            std::this_thread::sleep_for(std::chrono::nanoseconds(t.deadline_ns - now));
            wait = false;  // fire what is due, then let the processes run
            continue;
        }
        m_timers.pop();
        Process* p = find_process(t.pid);
        if (!p || p->timer_generation != t.generation) continue;
        switch (p->state) {
            case ProcessState::Receiving:
            case ProcessState::Sleeping: wake(*p, Value::nil()); break;
            case ProcessState::AwaitingReply:
                if (p->await_mode == Process::Await::All) wake(*p, p->stack[p->result_slot]);
                else wake_with_error(*p, make_error(*p, ErrorKind::Timeout, "no reply within the time limit"));
                break;
            default: break;
        }
    }
}

Process* Team::pop_runnable() {
    while (Process* p = m_queue_head) {
        m_queue_head = p->next_in_queue;
        if (!m_queue_head) m_queue_tail = nullptr;
        p->in_run_queue = false;
        if (p->state == ProcessState::Runnable) return p;
    }
    return nullptr;
}

bool Team::timers_to_check() { return (++m_rounds & 63) == 0 && !m_timers.empty(); }

Process* Team::next_to_run() {
    if (timers_to_check() || past_reduction_limit()) return nullptr;
    return pop_runnable();
}

Team::Step Team::run_some(int64_t* wake_at_ns, unsigned max_slices) {
    Process& main = *m_main;
    *wake_at_ns = 0;
    for (unsigned slices = 0; main.state != ProcessState::Done; slices++) {
        if (timers_to_check()) fire_timers(false);
        if (m_has_events.load(std::memory_order_acquire)) take_events();
        if (int stop = m_stop_code.load(std::memory_order_relaxed); stop >= 0) throw ExitProgram{stop};
        if (max_slices && slices >= max_slices) return Step::Yield;
        Process* p = pop_runnable();
        if (!p) {
            if (m_options.port) {
                fire_timers(false);
                if (m_queue_head || m_has_events.load(std::memory_order_acquire)) continue;
                if (!m_timers.empty()) *wake_at_ns = m_timers.top().deadline_ns;
                std::fflush(stdout);  // what it printed shows while it waits
                return Step::Idle;
            }
            if (!m_timers.empty()) {
                fire_timers(true);
                continue;
            }
            // Nothing can ever run again: report the deadlock in the main process.
            wake_with_error(main, make_error(main, ErrorKind::Dead, "deadlock: every process is blocked"));
            continue;
        }
        m_in_slice = true;
        RunResult result = run_process(p, kReductions);  // p: whoever ran last
        m_in_slice = false;
        switch (result) {
            case RunResult::Yield: make_runnable(*p); break;
            case RunResult::Blocked: break;
            case RunResult::Finished:
            case RunResult::Failed:
                finish(*p);
                if (p != &main) forget_process(p->pid());
                break;
        }
        if (past_reduction_limit() && main.state != ProcessState::Done) stop_at_reduction_limit(main);
    }
    return Step::Done;
}

void Team::charge_heap_work(uint64_t work_bytes) {
    if (m_reduction_limit == UINT64_MAX) return;
    uint64_t kibibytes = (work_bytes - m_heap_work_charged) >> 10;
    m_reductions += kibibytes;
    m_heap_work_charged += kibibytes << 10;
    if (m_in_slice && past_reduction_limit()) throw ReductionLimitReached{};
}

void Team::print_value(std::string& out, Value v, bool quote_strings) {
    size_t start = out.size();
    size_t limit = heap.print_limit();
    auto charge = [&] {
        if (m_reduction_limit == UINT64_MAX) return;
        m_reductions += (out.size() - start) >> 10;
        if (m_in_slice && past_reduction_limit()) throw ReductionLimitReached{};
    };
    try {
        append_value(out, v, quote_strings, limit - std::min(limit, start));
    } catch (OutOfMemory&) {
        charge();
        throw;
    }
    charge();
}

Value Team::reduction_limit_error(Process& p) {
    return make_error(p, ErrorKind::Timeout, "the program ran past its reduction limit (" +
                                                 std::to_string(m_options.max_reductions) + " reductions)");
}

// Ends the run: the main process fails with an error no `try` can catch (else
// the program could catch it and go on), and nothing stays queued. The other
// processes stay as they are, as when the main process ends.
void Team::stop_at_reduction_limit(Process& main) {
    // The error must be built even at the heap limit.
    heap.ignore_limit = true;
    main.outcome = reduction_limit_error(main);
    main.failed = true;
    finish(main);
    heap.ignore_limit = false;
    while (Process* p = m_queue_head) {
        m_queue_head = p->next_in_queue;
        p->in_run_queue = false;
        p->next_in_queue = nullptr;
    }
    m_queue_tail = nullptr;
}

// ---- events from the kernel ------------------------------------------------------

void Team::write_output(int stream, std::string_view text) {
    if (m_options.output) return m_options.output(stream, text);
    if (stream == 2) std::fflush(stdout);  // in order with what was printed before
    std::fwrite(text.data(), 1, text.size(), stream == 2 ? stderr : stdout);
}

void Team::request_stop(int code) {
    m_stop_code.store(code, std::memory_order_release);
    post(RemoteEvent{RemoteEvent::Kind::Datagram, 0, 0, RemoteStatus::Ok, 0, {}, {}});  // wakes a waiting scheduler
}

void Team::post(RemoteEvent event) {
    {
        std::lock_guard lock(m_inbox_mutex);
        m_inbox.push_back(std::move(event));
        m_has_events.store(true, std::memory_order_release);
    }
    m_inbox_ready.notify_one();
    if (m_ready) m_ready();
}

uint64_t Team::take_remote_request(uint64_t to, uint64_t from) {
    auto found = m_remote_requests.find({to, from});
    if (found == m_remote_requests.end()) return 0;
    uint64_t token = found->second;
    m_remote_requests.erase(found);
    return token;
}

void Team::take_events() {
    std::vector<RemoteEvent> events;
    {
        std::lock_guard lock(m_inbox_mutex);
        events.swap(m_inbox);
        m_has_events.store(false, std::memory_order_release);
    }
    for (RemoteEvent& e : events) handle_event(e);
}

// Nothing can run: sleep until the next timer (at `wake_at_ns`, 0 for none) or
// the next event, whichever comes first.
void Team::wait_for_events(int64_t wake_at_ns) {
    std::fflush(stdout);
    std::unique_lock lock(m_inbox_mutex);
    auto ready = [this] { return !m_inbox.empty(); };
    if (!wake_at_ns) {
        m_inbox_ready.wait(lock, ready);
    } else {
        auto deadline = std::chrono::steady_clock::time_point(std::chrono::nanoseconds(wake_at_ns));
        m_inbox_ready.wait_until(lock, deadline, ready);
    }
}

void Team::handle_event(RemoteEvent& e) {
    Process* p = find_process(e.to);
    switch (e.kind) {
        case RemoteEvent::Kind::Reply: {
            if (!p || p->state != ProcessState::AwaitingReply) return;  // it stopped waiting (a timeout)
            auto found = std::find(p->awaiting.begin(), p->awaiting.end(), e.from);
            if (found == p->awaiting.end()) return;
            Value answer;
            std::string why = e.why;
            if (e.status == RemoteStatus::Ok) {
                codec::DecodeResult decoded = codec::decode(heap, e.message());
                if (decoded.ok) answer = decoded.value;
                else why = "the reply could not be decoded: " + decoded.error;
            }
            if (e.status == RemoteStatus::Ok && why.empty()) complete_send(*p, e.from, answer);
            else abandon_send(*p, e.from, why);
            return;
        }
        case RemoteEvent::Kind::Input:
            if (!p || p->state != ProcessState::Reading) return;
            wake(*p, e.status == RemoteStatus::Ok ? make_string(heap.new_string(e.bytes)) : Value::nil());
            return;
        case RemoteEvent::Kind::Request:
        case RemoteEvent::Kind::Datagram: {
            bool request = e.kind == RemoteEvent::Kind::Request;
            if (!p || p->state == ProcessState::Done) {
                if (request)
                    m_options.port->reply(e.token, RemoteStatus::Dead,
                                          "process " + kernel::format_entity(e.to) + " does not exist");
                return;
            }
            codec::DecodeResult decoded = codec::decode(heap, e.message());
            if (!decoded.ok) {
                if (request) m_options.port->reply(e.token, RemoteStatus::Dead, "the message could not be decoded");
                return;
            }
            if (request) note_remote_request(e.to, e.from, e.token);
            TempRoot keep(heap, decoded.value);
            deliver(*p, Message{e.from, decoded.value, !request});
            return;
        }
    }
}

bool Team::start_main(ModuleObj* module) {
    module->state = ModuleState::Running;
    ClosureObj* top = heap.new_closure(module->protos[module->top_level], 0);
    try {
        m_main = spawn(make_function(top), nullptr, 0);
    } catch (VmError& error) {
        // A top level that wants arguments: only a malformed image has one.
        write_output(2, "error[:" + std::string(error_kind_name(error.kind)) + "]: " + error.message + "\n");
        return false;
    }
    m_reductions = 0;
    m_heap_work_charged = heap.work_bytes();
    m_in_slice = false;  // exit(n) may have thrown out of the last run's slice
    return true;
}

int Team::end_main(Value* result) {
    Process* main = m_main;
    int status = 0;
    if (main->failed) {
        std::fflush(stdout);
        write_output(2, describe_error(main->outcome) + main->failure_trace);
        status = 1;
    } else if (result) {
        *result = main->outcome;
    }
    m_main = nullptr;
    forget_process(main->pid());
    return status;
}

int Team::run_main(ModuleObj* module, Value* result) {
    if (!start_main(module)) return 1;
    int64_t wake_at_ns;
    while (run_some(&wake_at_ns) == Step::Idle) wait_for_events(wake_at_ns);
    return end_main(result);
}

}  // namespace vb
