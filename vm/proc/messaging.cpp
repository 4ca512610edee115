// vm/proc/messaging.cpp — the natives of message transactions (module `v`),
// spawn and sleep: the local half of the V kernel as a program sees it.
//
// A transaction: the sender's v.send copies the message into the receiver's
// mailbox and parks the sender; the receiver's v.receive takes it; v.reply copies
// the answer into the parked sender's result register and makes it runnable.
// Messages are always copied, so a receiver never sees a sender's later changes.
#include <algorithm>
#include <cstring>
#include <string>

#include "kernel-bridge/entity.h"
#include "vm/builtins/natives.h"
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

int64_t optional_ms(const char* fn, Value* args, uint32_t count, uint32_t index) {
    if (index >= count || args[index].is_nil()) return -1;
    if (!args[index].is_number()) bad_argument(fn, index, "a time in milliseconds", args[index]);
    double ms = args[index].as_number();
    return ms < 0 ? 0 : static_cast<int64_t>(ms);
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
    result = make_string(p.team().heap.new_string("local"));
    return NativeResult::Ok;
}

NativeResult native_v_send(Process& p, Value* args, uint32_t count, Value& result) {
    Team& team = p.team();
    uint64_t to = arg_pid("v.send", args, 0);
    int64_t ms = optional_ms("v.send", args, count, 2);
    if (kernel::is_group(to))
        raise_error(ErrorKind::TypeError, "v.send() needs a process, not a group; use v.send_any or v.send_all");
    if (to == p.pid()) raise_error(ErrorKind::ValueError, "a process cannot send to itself (it would wait forever)");
    Process& target = live_process(team, to);
    Value body = copy_message(team.heap, args[1]);
    result = body;  // rooted while the message is queued
    team.deliver(target, Message{p.pid(), body, false});
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
    Process* sender = team.find_process(to);
    // Replying to a datagram, twice, or to a process that stopped waiting does nothing.
    if (!sender || sender->state != ProcessState::AwaitingReply) return NativeResult::Ok;
    auto& awaiting = sender->awaiting;
    auto found = std::find(awaiting.begin(), awaiting.end(), p.pid());
    if (found == awaiting.end()) return NativeResult::Ok;
    Value answer = copy_message(team.heap, args[1]);
    if (sender->await_mode == Process::Await::All) {
        TempRoot keep(team.heap, answer);
        TupleObj* pair = team.heap.new_tuple(2);
        pair->items[0] = Value::pid(p.pid());
        pair->items[1] = answer;
        TempRoot keep_pair(team.heap, make_tuple(pair));
        array_push(team.heap, as_array(sender->stack[sender->result_slot]), make_tuple(pair));
        awaiting.erase(found);
        if (awaiting.empty()) team.wake(*sender, sender->stack[sender->result_slot]);
        return NativeResult::Ok;
    }
    team.wake(*sender, answer);
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
    for (uint64_t pid : targets) {
        Process* target = team.find_process(pid);
        if (!target || target->state == ProcessState::Done) continue;  // datagrams may be lost
        Value body = copy_message(team.heap, args[1]);
        result = body;
        team.deliver(*target, Message{p.pid(), body, true});
    }
    result = Value::nil();
    return NativeResult::Ok;
}

NativeResult native_v_group(Process& p, Value*, uint32_t, Value& result) {
    result = Value::pid(p.team().new_group());
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
static bool send_to_group(Process& p, uint64_t group, Value message, Process::Await mode) {
    Team& team = p.team();
    std::vector<uint64_t> members = members_except(team, group, p.pid());
    std::vector<uint64_t> reached;
    for (uint64_t pid : members) {
        Process* target = team.find_process(pid);
        if (!target || target->state == ProcessState::Done) continue;
        Value body = copy_message(team.heap, message);
        TempRoot keep(team.heap, body);
        team.deliver(*target, Message{p.pid(), body, false});
        reached.push_back(pid);
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
    result = make_array(p.team().heap.new_array(0));  // replies are collected here
    if (!send_to_group(p, group, args[1], Process::Await::All)) return NativeResult::Ok;
    if (ms >= 0) p.team().set_timer(p, ms);
    return NativeResult::Block;
}

NativeResult native_v_send_any(Process& p, Value* args, uint32_t count, Value& result) {
    uint64_t group = arg_group("v.send_any", args, 0);
    int64_t ms = optional_ms("v.send_any", args, count, 2);
    result = Value::nil();
    if (!send_to_group(p, group, args[1], Process::Await::Any))
        raise_error(ErrorKind::Dead, "group " + kernel::format_entity(group) + " has no other member");
    if (ms >= 0) p.team().set_timer(p, ms);
    return NativeResult::Block;
}

NativeResult native_time_sleep(Process& p, Value* args, uint32_t, Value& result) {
    double ms = arg_number("time.sleep", args, 0);
    result = Value::nil();
    p.state = ProcessState::Sleeping;
    p.team().set_timer(p, ms < 0 ? 0 : static_cast<int64_t>(ms));
    return NativeResult::Block;
}

}  // namespace vb
