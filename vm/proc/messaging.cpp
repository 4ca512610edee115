// vm/proc/messaging.cpp — the natives of message transactions (module `v`),
// spawn and sleep: the local half of the V kernel as a program sees it, and
// where it finds the other half's kernel servers (v.kernel_server).
//
// A transaction: the sender's v.send copies the message into the receiver's
// mailbox and parks the sender; the receiver's v.receive takes it; v.reply copies
// the answer into the parked sender's result register and makes it runnable.
// Messages are always copied, so a receiver never sees a sender's later changes.
// A peer the team does not hold is reached through the kernel (TeamOptions::port):
// the message crosses in the portable value encoding.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "kernel-bridge/entity.h"
#include "vm/builtins/natives.h"
#include "vm/encoding/value_codec.h"
#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/object/map.h"
#include "vm/team.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

constexpr int kMaxMessageDepth = 10000;

Value copy_at(Heap& heap, Value v, int depth) {
    if (depth > kMaxMessageDepth)
        raise_error(ErrorKind::ValueError, "a message nests more than 10000 levels deep (is it cyclic?)");
    switch (v.tag) {
        case Tag::Tuple: {
            TupleObj* t = as_tuple(v);
            TupleObj* out = heap.new_tuple(t->length);
            TempRoot keep(heap, make_tuple(out));
            for (uint32_t i = 0; i < t->length; i++) {
                Value item = copy_at(heap, as_tuple(v)->items[i], depth + 1);
                out->items[i] = item;
            }
            return make_tuple(out);
        }
        case Tag::Array: {
            ArrayObj* a = as_array(v);
            ArrayObj* out = heap.new_array(a->length);
            TempRoot keep(heap, make_array(out));
            for (uint32_t i = 0; i < as_array(v)->length; i++) {
                Value item = copy_at(heap, as_array(v)->items[i], depth + 1);
                array_push(heap, out, item);
            }
            return make_array(out);
        }
        case Tag::Map: {
            MapObj* out = heap.new_map();
            TempRoot keep(heap, make_map(out));
            for (uint32_t i = 0; i < as_map(v)->entry_count; i++) {
                const MapEntry& e = as_map(v)->entries[i];
                if (e.key.is_missing()) continue;
                Value original_value = e.value;
                TempRoot key(heap, copy_at(heap, e.key, depth + 1));
                TempRoot value(heap, copy_at(heap, original_value, depth + 1));
                map_set(heap, out, key.get(), value.get());
            }
            return make_map(out);
        }
        case Tag::Bytes: {
            BytesObj* out = heap.new_bytes(as_bytes(v)->length);
            if (out->length) std::memcpy(out->data, as_bytes(v)->data, out->length);
            return make_bytes(out);
        }
        default: return v;  // immutable: shared within the team
    }
}

// A message for another team: its encoding after `headroom` bytes for the
// kernel's header, or a :type_error that says what cannot leave the team.
std::string encode_for_remote(const char* fn, Value message, size_t headroom = kMessageHeadroom) {
    std::string bytes(headroom, '\0');
    codec::EncodeResult encoded = codec::encode(message, bytes);
    if (!encoded.ok) raise_error(ErrorKind::TypeError, std::string(fn) + "(): " + encoded.error);
    return bytes;
}

// True when `pid` is not in this team but the kernel may reach it.
bool is_remote(Team& team, uint64_t pid) { return team.port() && !team.find_process(pid); }

uint64_t arg_pid(const char* fn, Value* args, uint32_t index) {
    if (!args[index].is_pid()) bad_argument(fn, index, "a pid", args[index]);
    return args[index].bits;
}

Process& live_process(Team& team, uint64_t pid) {
    Process* target = team.find_process(pid);
    if (!target || target->state == ProcessState::Done)
        raise_error(ErrorKind::Dead, "process " + kernel::format_entity(pid) + " does not exist");
    return *target;
}

std::vector<uint64_t> members_except(Team& team, uint64_t group, uint64_t self) {
    std::vector<uint64_t> out;
    if (auto* members = team.group_members(group))
        for (uint64_t m : *members)
            if (m != self) out.push_back(m);
    return out;
}

// Timers count nanoseconds in an int64 from now, so longer waits are cut to about
// 30 years. Converting nan or a double past int64 is undefined, and the hardware
// really differs (x86-64 gives INT64_MIN, aarch64 saturates): checked here, the
// same program waits the same on every machine.
constexpr double kLongestWaitMs = 1e12;

int64_t timer_ms(const char* fn, Value* args, uint32_t index) {
    double ms = args[index].as_number();
    if (std::isnan(ms)) raise_error(ErrorKind::ValueError, std::string(fn) + "() cannot wait nan milliseconds");
    if (ms < 0) return 0;
    return static_cast<int64_t>(std::min(ms, kLongestWaitMs));
}

int64_t optional_ms(const char* fn, Value* args, uint32_t count, uint32_t index) {
    if (index >= count || args[index].is_nil()) return -1;
    if (!args[index].is_number()) bad_argument(fn, index, "a time in milliseconds", args[index]);
    if (args[index].is_float() && std::isinf(args[index].f) && args[index].f > 0) return -1;  // as nil: no timeout
    return timer_ms(fn, args, index);
}

}  // namespace

Value copy_message(Heap& heap, Value v) {
    // Most messages are numbers, strings, symbols or pids: nothing to copy.
    if (!(v.is(Tag::Tuple) || v.is(Tag::Array) || v.is(Tag::Map) || v.is(Tag::Bytes))) return v;
    return copy_at(heap, v, 0);
}

NativeResult native_spawn(Process& p, Value* args, uint32_t count, Value& result) {
    Process* child = p.team().spawn(args[0], args + 1, count - 1);
    result = Value::pid(child->pid());
    return NativeResult::Ok;
}

NativeResult native_v_self(Process& p, Value*, uint32_t, Value& result) {
    result = Value::pid(p.pid());
    return NativeResult::Ok;
}

NativeResult native_v_node(Process& p, Value*, uint32_t, Value& result) {
    RemotePort* port = p.team().port();
    result = make_string(p.team().heap.new_string(port ? port->node_name() : "local"));
    return NativeResult::Ok;
}

NativeResult native_v_send(Process& p, Value* args, uint32_t count, Value& result) {
    Team& team = p.team();
    uint64_t to = arg_pid("v.send", args, 0);
    int64_t ms = optional_ms("v.send", args, count, 2);
    if (kernel::is_group(to))
        raise_error(ErrorKind::TypeError, "v.send() needs a process, not a group; use v.send_any or v.send_all");
    if (to == p.pid()) raise_error(ErrorKind::ValueError, "a process cannot send to itself (it would wait forever)");
    if (is_remote(team, to)) {
        team.port()->send(team, p.pid(), to, encode_for_remote("v.send", args[1]));
        result = Value::nil();
    } else {
        Process& target = live_process(team, to);
        Value body = copy_message(team.heap, args[1]);
        result = body;  // rooted while the message is queued
        team.deliver(target, Message{p.pid(), body, false});
    }
    p.state = ProcessState::AwaitingReply;
    p.await_mode = Process::Await::One;
    p.awaiting.assign(1, to);
    if (ms >= 0) team.set_timer(p, ms);
    return NativeResult::Block;
}

NativeResult native_v_receive(Process& p, Value* args, uint32_t count, Value& result) {
    Team& team = p.team();
    int64_t ms = optional_ms("v.receive", args, count, 0);
    if (!p.mailbox.empty()) {
        result = team.take_message(p);
        return NativeResult::Ok;
    }
    if (ms == 0) {
        result = Value::nil();
        return NativeResult::Ok;
    }
    p.state = ProcessState::Receiving;
    if (ms > 0) team.set_timer(p, ms);
    return NativeResult::Block;
}

// Takes `from` off the list of senders `p` owes an answer; false if it owes none.
bool take_unanswered(Process& p, uint64_t from) {
    auto found = std::find(p.unanswered.begin(), p.unanswered.end(), from);
    if (found == p.unanswered.end()) return false;
    p.unanswered.erase(found);
    return true;
}

NativeResult native_v_reply(Process& p, Value* args, uint32_t, Value& result) {
    Team& team = p.team();
    uint64_t to = arg_pid("v.reply", args, 0);
    result = Value::nil();
    if (!take_unanswered(p, to)) return NativeResult::Ok;
    if (uint64_t token = team.port() ? team.take_remote_request(p.pid(), to) : 0) {
        std::string bytes(kReplyHeadroom, '\0');
        codec::EncodeResult encoded = codec::encode(args[1], bytes);
        if (!encoded.ok) {
            team.port()->reply(token, RemoteStatus::Dead, "the reply cannot leave its team: " + encoded.error);
            raise_error(ErrorKind::TypeError, "v.reply(): " + encoded.error);
        }
        team.port()->reply(token, RemoteStatus::Ok, std::move(bytes));
        return NativeResult::Ok;
    }
    Process* sender = team.find_process(to);
    // Replying to a datagram, twice, or to a process that stopped waiting does nothing.
    if (!sender || sender->state != ProcessState::AwaitingReply) return NativeResult::Ok;
    auto& awaiting = sender->awaiting;
    auto found = std::find(awaiting.begin(), awaiting.end(), p.pid());
    if (found == awaiting.end()) return NativeResult::Ok;
    team.complete_send(*sender, p.pid(), copy_message(team.heap, args[1]));
    return NativeResult::Ok;
}

NativeResult native_v_forward(Process& p, Value* args, uint32_t, Value& result) {
    Team& team = p.team();
    uint64_t from = arg_pid("v.forward", args, 0);
    uint64_t to = arg_pid("v.forward", args, 1);
    result = Value::nil();
    if (!take_unanswered(p, from)) return NativeResult::Ok;
    Process* sender = team.find_process(from);
    if (!sender || sender->state != ProcessState::AwaitingReply) return NativeResult::Ok;
    auto found = std::find(sender->awaiting.begin(), sender->awaiting.end(), p.pid());
    if (found == sender->awaiting.end()) return NativeResult::Ok;
    Process* target = team.find_process(to);
    if (!target || target->state == ProcessState::Done) {
        // The transaction cannot go on: the original sender learns it at once.
        sender->awaiting.erase(found);
        if (sender->awaiting.empty())
            team.wake_with_error(*sender, team.make_error(*sender, ErrorKind::Dead,
                                                          "process " + kernel::format_entity(to) + " does not exist"));
        return NativeResult::Ok;
    }
    *found = to;
    Value body = copy_message(team.heap, args[2]);
    result = body;
    team.deliver(*target, Message{from, body, false});
    return NativeResult::Ok;
}

NativeResult native_v_datagram(Process& p, Value* args, uint32_t, Value& result) {
    Team& team = p.team();
    uint64_t to = arg_pid("v.datagram", args, 0);
    result = Value::nil();
    std::vector<uint64_t> targets;
    if (kernel::is_group(to)) targets = members_except(team, to, p.pid());
    else targets.push_back(to);
    // The members the team does not hold get it from the kernel: one message
    // for the whole cluster, not one per member.
    if (team.port() && kernel::is_group(to))
        team.port()->group_datagram(team, p.pid(), to, encode_for_remote("v.datagram", args[1]));
    for (uint64_t pid : targets) {
        if (is_remote(team, pid)) {
            team.port()->datagram(p.pid(), pid, encode_for_remote("v.datagram", args[1]));
            continue;
        }
        Process* target = team.find_process(pid);
        if (!target || target->state == ProcessState::Done) continue;  // datagrams may be lost
        Value body = copy_message(team.heap, args[1]);
        result = body;
        team.deliver(*target, Message{p.pid(), body, true});
    }
    result = Value::nil();
    return NativeResult::Ok;
}

NativeResult native_v_group(Process& p, Value* args, uint32_t count, Value& result) {
    if (count == 0) {
        result = Value::pid(p.team().new_group());
        return NativeResult::Ok;
    }
    if (!args[0].is(Tag::String)) bad_argument("v.group", 0, "the name of a well-known group (a string)", args[0]);
    result = Value::pid(kernel::well_known_group(std::string(as_string(args[0])->view())));
    return NativeResult::Ok;
}

// The kernel servers are the kernel's, not a team's: without a kernel (a plain
// `vb prog.vb`) there is nobody at their pids, as for a pid whose node is gone,
// so the answer is :dead, and at once rather than at the first send.
NativeResult native_v_kernel_server(Process& p, Value* args, uint32_t count, Value& result) {
    const char* fn = "v.kernel_server";
    if (!args[0].is(Tag::Symbol)) bad_argument(fn, 0, "the name of a kernel server (a symbol such as :time)", args[0]);
    std::string_view name = as_symbol(args[0])->name->view();
    kernel::KernelServer server;
    if (!kernel::kernel_server_named(name, &server))
        raise_error(ErrorKind::ValueError, std::string(fn) + "(): there is no kernel server :" + std::string(name) +
                                               " (there are " + kernel::kernel_server_names() + ")");
    RemotePort* port = p.team().port();
    uint32_t node = port ? port->node_id() : 0;
    if (count > 1 && !args[1].is_nil()) {
        uint64_t near = arg_pid(fn, args, 1);
        if (kernel::is_group(near)) bad_argument(fn, 1, "a process, on whose node the server is", args[1]);
        node = kernel::node_of(near);
    }
    if (!port)
        raise_error(ErrorKind::Dead, std::string(fn) + "(): this program runs without a kernel, so there is no :" +
                                         std::string(name) +
                                         " server (kernel servers belong to the nodes of `vb serve`)");
    result = Value::pid(kernel::kernel_server_id(node, server));
    return NativeResult::Ok;
}

static uint64_t arg_group(const char* fn, Value* args, uint32_t index) {
    uint64_t g = arg_pid(fn, args, index);
    if (!kernel::is_group(g)) bad_argument(fn, index, "a group id", args[index]);
    return g;
}

NativeResult native_v_join(Process& p, Value* args, uint32_t, Value& result) {
    p.team().join_group(p, arg_group("v.join", args, 0));
    result = Value::nil();
    return NativeResult::Ok;
}

NativeResult native_v_leave(Process& p, Value* args, uint32_t, Value& result) {
    p.team().leave_group(p, arg_group("v.leave", args, 0));
    result = Value::nil();
    return NativeResult::Ok;
}

// Sends one copy of the message to every member but the sender and parks the
// sender in the given mode. Returns false when the group has no other member.
// `near`: V's co-resident qualifier — only members on the node of that pid
// (0: every member).
static bool send_to_group(Process& p, uint64_t group, Value message, Process::Await mode, uint64_t near) {
    Team& team = p.team();
    std::vector<uint64_t> members = members_except(team, group, p.pid());
    std::vector<uint64_t> reached;
    auto wanted = [near](uint64_t pid) { return !near || kernel::node_of(pid) == kernel::node_of(near); };
    for (uint64_t pid : members) {
        if (!wanted(pid)) continue;
        Process* target = team.find_process(pid);
        if (!target || target->state == ProcessState::Done) continue;
        Value body = copy_message(team.heap, message);
        TempRoot keep(team.heap, body);
        team.deliver(*target, Message{p.pid(), body, false});
        reached.push_back(pid);
    }
    // Members elsewhere: all of them for send_all; for send_any only when no
    // member is here, since a local answer is the cheapest first one.
    if (team.port() && (mode == Process::Await::All || reached.empty())) {
        std::vector<uint64_t> remote = team.port()->remote_members(team, group);
        if (!remote.empty()) {
            std::string bytes = encode_for_remote(mode == Process::Await::All ? "v.send_all" : "v.send_any", message);
            for (uint64_t pid : remote) {
                if (pid == p.pid() || !wanted(pid)) continue;
                team.port()->send(team, p.pid(), pid, bytes);
                reached.push_back(pid);
            }
        }
    }
    if (reached.empty()) return false;
    p.state = ProcessState::AwaitingReply;
    p.await_mode = mode;
    p.awaiting = std::move(reached);
    return true;
}

NativeResult native_v_send_all(Process& p, Value* args, uint32_t count, Value& result) {
    uint64_t group = arg_group("v.send_all", args, 0);
    int64_t ms = optional_ms("v.send_all", args, count, 2);
    uint64_t near = count > 3 && !args[3].is_nil() ? arg_pid("v.send_all", args, 3) : 0;
    result = make_array(p.team().heap.new_array(0));  // replies are collected here
    if (!send_to_group(p, group, args[1], Process::Await::All, near)) return NativeResult::Ok;
    if (ms >= 0) p.team().set_timer(p, ms);
    return NativeResult::Block;
}

NativeResult native_v_send_any(Process& p, Value* args, uint32_t count, Value& result) {
    uint64_t group = arg_group("v.send_any", args, 0);
    int64_t ms = optional_ms("v.send_any", args, count, 2);
    uint64_t near = count > 3 && !args[3].is_nil() ? arg_pid("v.send_any", args, 3) : 0;
    result = Value::nil();
    if (!send_to_group(p, group, args[1], Process::Await::Any, near))
        raise_error(ErrorKind::Dead, "group " + kernel::format_entity(group) + " has no other member");
    if (ms >= 0) p.team().set_timer(p, ms);
    return NativeResult::Block;
}

NativeResult native_time_sleep(Process& p, Value* args, uint32_t, Value& result) {
    arg_number("time.sleep", args, 0);
    int64_t ms = timer_ms("time.sleep", args, 0);
    result = Value::nil();
    p.state = ProcessState::Sleeping;
    p.team().set_timer(p, ms);
    return NativeResult::Block;
}

}  // namespace vb
