// kernel-bridge/entity.h — entity identifiers: 64-bit, host-independent names of
// processes and groups, from one space (as in V).
//
// Layout: bit 63 set for a group; bits 32-62 the node that created the entity;
// bits 0-31 a number local to that node. A pid does not change when its process
// moves, so the node bits say where it was born, not where it is.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace vb::kernel {

using EntityId = uint64_t;

constexpr EntityId kGroupBit = 1ULL << 63;

constexpr EntityId make_process_id(uint32_t node, uint32_t local) {
    return (static_cast<EntityId>(node & 0x7fffffffu) << 32) | local;
}
constexpr EntityId make_group_id(uint32_t node, uint32_t local) { return kGroupBit | make_process_id(node, local); }
constexpr bool is_group(EntityId id) { return (id & kGroupBit) != 0; }
constexpr uint32_t node_of(EntityId id) { return static_cast<uint32_t>(id >> 32) & 0x7fffffffu; }
constexpr uint32_t local_of(EntityId id) { return static_cast<uint32_t>(id); }

// Well-known groups (V's well-known group ids): the node bits are all ones and
// the number is a hash of the name, so every node derives the same id from the
// same name before any name server exists.
constexpr uint32_t kWellKnownNode = 0x7fffffffu;
inline EntityId well_known_group(const std::string& name) {
    uint32_t hash = 2166136261u;  // FNV-1a
    for (unsigned char c : name) hash = (hash ^ c) * 16777619u;
    return make_group_id(kWellKnownNode, hash);
}

// Kernel servers (kernel_servers.def): every node answers these local ids itself,
// so a program finds the time server of any node from that node's id alone.
// Teams number their processes and groups from kFirstFreeLocalId (the kernel's
// new_local_id), which leaves room for more servers without a new protocol.
enum class KernelServer : uint32_t {
#define KERNEL_SERVER(name, id, symbol, doc) name = id,
#include "kernel-bridge/kernel_servers.def"
#undef KERNEL_SERVER
};
constexpr uint32_t kFirstFreeLocalId = 16;
#define KERNEL_SERVER(name, id, symbol, doc) \
    static_assert(id >= 1 && id < kFirstFreeLocalId, "kernel server " symbol ": its id must be in 1..15");
#include "kernel-bridge/kernel_servers.def"
#undef KERNEL_SERVER
constexpr EntityId kernel_server_id(uint32_t node, KernelServer server) {
    return make_process_id(node, static_cast<uint32_t>(server));
}
// Whether `local` is in the range reserved for kernel servers (a server or not).
constexpr bool is_reserved_local_id(uint32_t local) { return local < kFirstFreeLocalId; }
// The server a program names by `name` (:time), or false.
inline bool kernel_server_named(std::string_view name, KernelServer* out) {
#define KERNEL_SERVER(server, id, symbol, doc)     \
    if (name == symbol) {                          \
        *out = KernelServer::server;               \
        return true;                               \
    }
#include "kernel-bridge/kernel_servers.def"
#undef KERNEL_SERVER
    return false;
}
// ":time, :process": the names, for messages that say what there is.
inline std::string kernel_server_names() {
    std::string out;
#define KERNEL_SERVER(server, id, symbol, doc) out += std::string(out.empty() ? ":" : ", :") + symbol;
#include "kernel-bridge/kernel_servers.def"
#undef KERNEL_SERVER
    return out;
}

// "<pid 0.3>" or "<group 0.1>", the printed form of the language.
inline std::string format_entity(EntityId id) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "<%s %u.%u>", is_group(id) ? "group" : "pid", node_of(id), local_of(id));
    return buf;
}

}  // namespace vb::kernel
