// vm/builtins/io_time.cpp — the natives of `io` (write, read_line) and of
// `time` (now, millis). time.sleep parks the process, so it lives with the
// scheduler. Output goes through C stdio's stdout, the same stream print uses,
// so the two interleave in program order.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

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

// The next line of standard input without its "\n" (or "\r\n"), or nil at the
// end of input. A last line without a newline is still returned. This blocks
// the whole team while it waits.
NativeResult native_io_read_line(Process& p, Value*, uint32_t, Value& result) {
    std::fflush(stdout);  // a prompt written with io.write shows before we wait
    char* line = nullptr;
    size_t capacity = 0;
    ssize_t n = ::getline(&line, &capacity, stdin);
    if (n < 0) {
        std::free(line);
        std::clearerr(stdin);
        result = Value::nil();
        return NativeResult::Ok;
    }
    size_t length = static_cast<size_t>(n);
    if (length && line[length - 1] == '\n') length--;
    if (length && line[length - 1] == '\r') length--;
    StringObj* s;
    try {
        s = p.team().heap.new_string(std::string_view(line, length));
    } catch (...) {
        std::free(line);
        throw;
    }
    std::free(line);
    result = make_string(s);
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
