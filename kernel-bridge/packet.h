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
constexpr uint8_t kProtocolVersion = 2;
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

// The cluster key and what it derives: the MAC's first step (HChaCha20 of the
// key and the nonce's first 16 bytes, which name the sending transport) is the
// same for every packet of a sender, so it is done once per sender, not per
// packet. Not thread-safe: one per transport.
class PacketAuth {
public:
    explicit PacketAuth(const ClusterKey& key) : m_key(key) {}
    // The subkey for packets from (sender, node).
    const uint8_t* subkey(uint64_t sender, uint32_t node);

private:
    struct Derived {
        uint64_t sender = 0;
        uint32_t node = 0;
        bool valid = false;
        uint8_t subkey[kKeySize];
    };
    ClusterKey m_key;
    Derived m_cache[16];  // direct-mapped by sender
};

// Writes the header's bytes (kHeaderSize) and the MAC over them and `payload`
// (kMacSize): a packet is header ‖ payload ‖ MAC, which a sender may send as
// three pieces without copying the payload (header.payload_size is set from it).
void seal_packet(PacketHeader header, std::string_view payload, PacketAuth& auth, char* header_bytes, char* mac);

// Appends header + payload + MAC to `out` (header.payload_size is set from `payload`).
void encode_packet(PacketHeader header, std::string_view payload, PacketAuth& auth, std::string& out);

// Checks and splits one received datagram.
PacketError decode_packet(std::string_view datagram, PacketAuth& auth, PacketHeader* header,
                          std::string_view* payload);

}  // namespace vb::kernel
