// kernel-bridge/packet.cpp — packet bytes (see packet.h), expanded from
// protocol.def. The MAC is Poly1305 under a one-time key from XChaCha20, as
// NaCl's secretbox and the ChaCha20-Poly1305 AEAD make theirs: the first 32
// bytes of the XChaCha20 keystream for the packet's nonce key Poly1305 over the
// header and payload. The 192-bit nonce is the sender's random start id, its node
// and its packet counter, so it never repeats under one key. XChaCha20 is
// HChaCha20 (key, nonce[0..16]) -> subkey, then ChaCha20 (IETF) under the subkey
// with nonce 0000 ‖ nonce[16..24]; the first step is the same for every packet of
// a sender and is cached (PacketAuth). Poly1305 over the packet directly, without
// the AEAD's padding and length block (the datagram's length is fixed by its
// header), runs at 2.95 GB/s here against 1.91 GB/s for the AEAD with nothing to
// encrypt and 0.80 GB/s for keyed BLAKE2b.
#include "kernel-bridge/packet.h"

#include <sodium.h>

#include <cstring>

namespace vb::kernel {

namespace {

template <typename T>
void put(char*& p, T value) {
    for (int shift = (sizeof(T) - 1) * 8; shift >= 0; shift -= 8) *p++ = static_cast<char>(value >> shift);
}

template <typename T>
T get(const uint8_t*& p) {
    T value = 0;
    for (size_t i = 0; i < sizeof(T); i++) value = static_cast<T>((value << 8) | *p++);
    return value;
}

// The XChaCha20 nonce is sender ‖ source_node ‖ 0000 ‖ sequence: its first 16
// bytes name the sending transport (what HChaCha20 takes), the last 8 number
// the packet (the IETF nonce after four zero bytes).
void ietf_nonce(const PacketHeader& h, uint8_t* nonce) {
    static_assert(crypto_aead_chacha20poly1305_ietf_NPUBBYTES == 12);
    for (int i = 0; i < 4; i++) nonce[i] = 0;
    for (int i = 0; i < 8; i++) nonce[4 + i] = static_cast<uint8_t>(h.sequence >> (56 - 8 * i));
}

static_assert(crypto_onetimeauth_poly1305_BYTES == kMacSize);
static_assert(crypto_onetimeauth_poly1305_KEYBYTES == 32);

void one_time_key(PacketAuth& auth, const PacketHeader& h, uint8_t* key) {
    uint8_t nonce[12];
    ietf_nonce(h, nonce);
    crypto_stream_chacha20_ietf(key, crypto_onetimeauth_poly1305_KEYBYTES, nonce, auth.subkey(h.sender, h.source_node));
}
static_assert(crypto_core_hchacha20_KEYBYTES == kKeySize && crypto_core_hchacha20_OUTPUTBYTES == kKeySize);

}  // namespace

const uint8_t* PacketAuth::subkey(uint64_t sender, uint32_t node) {
    Derived& d = m_cache[(sender ^ node) & 15];
    if (!d.valid || d.sender != sender || d.node != node) {
        uint8_t first[16];
        for (int i = 0; i < 8; i++) first[i] = static_cast<uint8_t>(sender >> (56 - 8 * i));
        for (int i = 0; i < 4; i++) first[8 + i] = static_cast<uint8_t>(node >> (24 - 8 * i));
        for (int i = 12; i < 16; i++) first[i] = 0;
        crypto_core_hchacha20(d.subkey, first, m_key.data(), nullptr);
        d.sender = sender;
        d.node = node;
        d.valid = true;
    }
    return d.subkey;
}

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

void seal_packet(PacketHeader header, std::string_view payload, PacketAuth& auth, char* header_bytes, char* mac) {
    header.payload_size = static_cast<uint16_t>(payload.size());
    char* p = header_bytes;
#define HEADER_FIELD(name, type, bytes, doc) put<type>(p, header.name);
#include "kernel-bridge/protocol.def"
#undef HEADER_FIELD
    uint8_t key[crypto_onetimeauth_poly1305_KEYBYTES];
    one_time_key(auth, header, key);
    crypto_onetimeauth_poly1305_state state;
    crypto_onetimeauth_poly1305_init(&state, key);
    crypto_onetimeauth_poly1305_update(&state, reinterpret_cast<const unsigned char*>(header_bytes), kHeaderSize);
    crypto_onetimeauth_poly1305_update(&state, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    crypto_onetimeauth_poly1305_final(&state, reinterpret_cast<unsigned char*>(mac));
    sodium_memzero(key, sizeof key);
}

void encode_packet(PacketHeader header, std::string_view payload, PacketAuth& auth, std::string& out) {
    size_t start = out.size();
    out.resize(start + kHeaderSize + payload.size() + kMacSize);
    char* packet = out.data() + start;
    if (!payload.empty()) std::memcpy(packet + kHeaderSize, payload.data(), payload.size());
    seal_packet(header, std::string_view(packet + kHeaderSize, payload.size()), auth, packet,
                packet + kHeaderSize + payload.size());
}

PacketError decode_packet(std::string_view datagram, PacketAuth& auth, PacketHeader* header,
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
    uint8_t key[crypto_onetimeauth_poly1305_KEYBYTES];
    one_time_key(auth, h, key);
    const auto* bytes = reinterpret_cast<const unsigned char*>(datagram.data());
    // _verify compares in constant time.
    if (crypto_onetimeauth_poly1305_verify(bytes + kHeaderSize + h.payload_size, bytes, kHeaderSize + h.payload_size,
                                           key) != 0)
        return PacketError::BadMac;
    // Only an authentic packet gets its fields judged: a forger learns nothing.
    if (h.payload_size > kMaxPayload || h.message_size > kMaxMessage || h.segments == 0 || h.segment >= h.segments ||
        uint64_t{h.segments} * kMaxPayload < h.message_size || h.payload_size > h.message_size)
        return PacketError::BadFields;
    *header = h;
    *payload = datagram.substr(kHeaderSize, h.payload_size);
    return PacketError::None;
}

}  // namespace vb::kernel
