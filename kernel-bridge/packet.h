// kernel-bridge/packet.h — one packet of the kernel's protocol as a struct, and
// its exact bytes (protocol.def, docs/protocol.md): the header, the payload and
// the MAC under the cluster key that authenticates both.
//
// Decoding checks everything a hostile sender controls — length, magic, version,
// kind, field ranges and the MAC — and says which check failed, so the transport
// can count what it dropped and why.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vb::kernel {

enum class PacketKind : uint8_t {
#define PACKET_KIND(name, code, doc) name = code,
#include "kernel-bridge/protocol.def"
#undef PACKET_KIND
};

const char* packet_kind_name(PacketKind kind);

constexpr uint16_t kPacketMagic = 0x5642;
constexpr uint8_t kProtocolVersion = 1;
constexpr size_t kHeaderSize = 0
#define HEADER_FIELD(name, type, bytes, doc) +bytes
#include "kernel-bridge/protocol.def"
#undef HEADER_FIELD
    ;
constexpr size_t kMacSize = 16;
constexpr size_t kMaxPayload = 60000;  // one datagram below loopback's 64 KiB
constexpr size_t kMaxPacket = kHeaderSize + kMaxPayload + kMacSize;
constexpr size_t kMaxMessage = size_t{64} << 20;  // 64 MiB
constexpr size_t kKeySize = 32;

using ClusterKey = std::array<uint8_t, kKeySize>;

struct PacketHeader {
#define HEADER_FIELD(name, type, bytes, doc) type name = 0;
#include "kernel-bridge/protocol.def"
#undef HEADER_FIELD
    PacketKind packet_kind() const { return static_cast<PacketKind>(kind); }
};

// Why a packet was dropped; each has a counter in the transport.
enum class PacketError : uint8_t { None, Short, BadMagic, BadVersion, BadKind, BadFields, BadMac };
const char* packet_error_name(PacketError error);

// Appends header + payload + MAC to `out` (header.payload_size is set from `payload`).
void encode_packet(PacketHeader header, std::string_view payload, const ClusterKey& key, std::string& out);

// Checks and splits one received datagram.
PacketError decode_packet(std::string_view datagram, const ClusterKey& key, PacketHeader* header,
                          std::string_view* payload);

}  // namespace vb::kernel
