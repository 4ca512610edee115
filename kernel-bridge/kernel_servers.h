// kernel-bridge/kernel_servers.h — what the kernel servers of kernel_servers.def
// answer, as bytes of the portable value encoding (written with
// kernel_values.h). The kernel (kernel.cpp) routes a Send to a server's pid here
// and gathers, under its own lock, what a reply needs: these functions only read
// what they are given, so that they can be tested without a node.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vb::kernel {

// A process of the node, as the kernel knows it without touching its team's
// heap (teams run on other threads).
struct ProcessInfo {
    uint64_t pid = 0;
    std::string team;              // the team's name: its program's path
    std::vector<uint64_t> groups;  // the groups it is a member of, in id order
};

// The time server's answer to any request:
// {unix: <float seconds since 1970>, monotonic_ns: <int>, node: "<name>"}.
std::string time_reply(double unix_seconds, int64_t monotonic_ns, std::string_view node);

// The process server understands :list and {op: :list}.
bool is_list_request(std::string_view request);
// [{pid: <pid>, team: "<name>", groups: [<group>, ...]}, ...] in the given order.
std::string process_list_reply(const std::vector<ProcessInfo>& processes);
// {error: "...", understood: [:list]}: the answer to any other request.
std::string process_not_understood_reply();

}  // namespace vb::kernel
