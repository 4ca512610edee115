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

// "<pid 0.3>" or "<group 0.1>", the printed form of the language.
inline std::string format_entity(EntityId id) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "<%s %u.%u>", is_group(id) ? "group" : "pid", node_of(id), local_of(id));
    return buf;
}

}  // namespace vb::kernel
