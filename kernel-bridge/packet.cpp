// kernel-bridge/packet.cpp — packet bytes (see packet.h), expanded from
// protocol.def. The MAC is keyed BLAKE2b-128 (libsodium crypto_generichash)
// over the header and payload, compared in constant time.
#include "kernel-bridge/packet.h"

#include <sodium.h>

namespace vb::kernel {

namespace {

template <typename T>
void put(std::string& out, T value) {
    for (int shift = (sizeof(T) - 1) * 8; shift >= 0; shift -= 8) out.push_back(static_cast<char>(value >> shift));
}

template <typename T>
T get(const uint8_t*& p) {
    T value = 0;
    for (size_t i = 0; i < sizeof(T); i++) value = static_cast<T>((value << 8) | *p++);
    return value;
}

void mac(const ClusterKey& key, const char* data, size_t size, uint8_t* tag) {
    crypto_generichash(tag, kMacSize, reinterpret_cast<const unsigned char*>(data), size, key.data(), key.size());
}

}  // namespace

const char* packet_kind_name(PacketKind kind) {
    switch (kind) {
#define PACKET_KIND(name, code, doc) \
    case PacketKind::name: return #name;
#include "kernel-bridge/protocol.def"
#undef PACKET_KIND
    }
    return "?";
}

const char* packet_error_name(PacketError error) {
    switch (error) {
        case PacketError::None: return "none";
        case PacketError::Short: return "short";
        case PacketError::BadMagic: return "bad magic";
        case PacketError::BadVersion: return "bad version";
        case PacketError::BadKind: return "bad kind";
        case PacketError::BadFields: return "bad fields";
        case PacketError::BadMac: return "bad MAC";
    }
    return "?";
}

void encode_packet(PacketHeader header, std::string_view payload, const ClusterKey& key, std::string& out) {
    header.payload_size = static_cast<uint16_t>(payload.size());
    size_t start = out.size();
#define HEADER_FIELD(name, type, bytes, doc) put<type>(out, header.name);
#include "kernel-bridge/protocol.def"
#undef HEADER_FIELD
    out.append(payload);
    uint8_t tag[kMacSize];
    mac(key, out.data() + start, out.size() - start, tag);
    out.append(reinterpret_cast<const char*>(tag), kMacSize);
}

PacketError decode_packet(std::string_view datagram, const ClusterKey& key, PacketHeader* header,
                          std::string_view* payload) {
    if (datagram.size() < kHeaderSize + kMacSize) return PacketError::Short;
    const auto* p = reinterpret_cast<const uint8_t*>(datagram.data());
    PacketHeader h;
#define HEADER_FIELD(name, type, bytes, doc) h.name = get<type>(p);
#include "kernel-bridge/protocol.def"
#undef HEADER_FIELD
    if (h.magic != kPacketMagic) return PacketError::BadMagic;
    if (h.version != kProtocolVersion) return PacketError::BadVersion;
    switch (h.packet_kind()) {
#define PACKET_KIND(name, code, doc) case PacketKind::name:
#include "kernel-bridge/protocol.def"
#undef PACKET_KIND
        break;
        default: return PacketError::BadKind;
    }
    if (datagram.size() != kHeaderSize + h.payload_size + kMacSize) return PacketError::Short;
    uint8_t tag[kMacSize];
    mac(key, datagram.data(), kHeaderSize + h.payload_size, tag);
    if (sodium_memcmp(tag, datagram.data() + kHeaderSize + h.payload_size, kMacSize) != 0) return PacketError::BadMac;
    // Only an authentic packet gets its fields judged: a forger learns nothing.
    if (h.payload_size > kMaxPayload || h.message_size > kMaxMessage || h.segments == 0 || h.segment >= h.segments ||
        uint64_t{h.segments} * kMaxPayload < h.message_size || h.payload_size > h.message_size)
        return PacketError::BadFields;
    *header = h;
    *payload = datagram.substr(kHeaderSize, h.payload_size);
    return PacketError::None;
}

}  // namespace vb::kernel
