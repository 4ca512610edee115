// vm/builtins/io_time.cpp — the natives of `io` (write, read_line) and of
// `time` (now, millis). time.sleep parks the process, so it lives with the
// scheduler. Output goes through C stdio's stdout, the same stream print uses,
// so the two interleave in program order.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "vm/builtins/natives.h"
#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/team.h"
#include "vm/value_ops.h"

namespace vb {

NativeResult native_io_write(Process& p, Value* args, uint32_t, Value& result) {
    if (args[0].is(Tag::String)) {
        StringObj* s = as_string(args[0]);
        if (s->length) p.team().write_output(1, s->view());
    } else {
        std::string text;
        p.team().print_value(text, args[0], false);
        p.team().write_output(1, text);
    }
    result = Value::nil();
    return NativeResult::Ok;
}

namespace {

// The next line of standard input without its "\n" (or "\r\n"); false at the
// end of input. A last line without a newline is still a line.
bool read_stdin_line(std::string* out) {
    char* line = nullptr;
    size_t capacity = 0;
    ssize_t n = ::getline(&line, &capacity, stdin);
    if (n < 0) {
        std::free(line);
        std::clearerr(stdin);
        return false;
    }
    size_t length = static_cast<size_t>(n);
    if (length && line[length - 1] == '\n') length--;
    if (length && line[length - 1] == '\r') length--;
    out->assign(line, length);
    std::free(line);
    return true;
}

}  // namespace

// The next line of standard input, or nil at the end of input. In a plain run
// this blocks the whole team while it waits. A team of a node shares its thread
// with the node's other teams and its transport, so there the line is read on a
// thread of its own and only the reading process waits (ProcessState::Reading);
// the line comes back as an Input event.
NativeResult native_io_read_line(Process& p, Value*, uint32_t, Value& result) {
    std::fflush(stdout);  // a prompt written with io.write shows before we wait
    result = Value::nil();
    if (RemotePort* port = p.team().port()) {
        uint64_t pid = p.pid();
        std::thread([port, pid] {
            RemoteEvent e;
            e.kind = RemoteEvent::Kind::Input;
            e.to = e.from = pid;
            e.status = read_stdin_line(&e.bytes) ? RemoteStatus::Ok : RemoteStatus::Dead;
            port->post_event(std::move(e));
        }).detach();
        p.state = ProcessState::Reading;
        return NativeResult::Block;
    }
    std::string line;
    if (read_stdin_line(&line)) result = make_string(p.team().heap.new_string(line));
    return NativeResult::Ok;
}

NativeResult native_time_now(Process&, Value*, uint32_t, Value& result) {
    auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    result = Value::number(std::chrono::duration<double>(since_epoch).count());
    return NativeResult::Ok;
}

NativeResult native_time_millis(Process&, Value*, uint32_t, Value& result) {
    auto since_start = std::chrono::steady_clock::now().time_since_epoch();
    result = Value::integer(std::chrono::duration_cast<std::chrono::milliseconds>(since_start).count());
    return NativeResult::Ok;
}

}  // namespace vb
