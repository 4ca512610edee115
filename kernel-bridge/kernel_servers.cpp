// kernel-bridge/kernel_servers.cpp — the replies of the time and process
// servers (see kernel_servers.h). Map keys are written in the order a vb
// program would build the map, so that a reply prints the same everywhere.
#include "kernel-bridge/kernel_servers.h"

#include "kernel-bridge/kernel_values.h"

namespace vb::kernel {

std::string time_reply(double unix_seconds, int64_t monotonic_ns, std::string_view node) {
    std::string out;
    ValueWriter w(out);
    w.map(3);
    w.symbol("unix");
    w.real(unix_seconds);
    w.symbol("monotonic_ns");
    w.integer(monotonic_ns);
    w.symbol("node");
    w.string(node);
    return out;
}

bool is_list_request(std::string_view request) { return request_operation(request) == "list"; }

std::string process_list_reply(const std::vector<ProcessInfo>& processes) {
    std::string out;
    ValueWriter w(out);
    w.array(processes.size());
    for (const ProcessInfo& p : processes) {
        w.map(3);
        w.symbol("pid");
        w.pid(p.pid);
        w.symbol("team");
        w.string(p.team);
        w.symbol("groups");
        w.array(p.groups.size());
        for (uint64_t group : p.groups) w.pid(group);
    }
    return out;
}

std::string process_not_understood_reply() {
    std::string out;
    ValueWriter w(out);
    w.map(2);
    w.symbol("error");
    w.string("the process server understands :list (or {op: :list}), which lists the processes of its node");
    w.symbol("understood");
    w.array(1);
    w.symbol("list");
    return out;
}

}  // namespace vb::kernel
