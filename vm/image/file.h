// vm/image/file.h — the .vbi file: an image as bytes that any architecture reads
// the same (docs/image-format.md is the specification).
//
// A file is a fixed header (magic, format version, flags, body length, the
// BLAKE2b-256 hash of the body), the body (sections, sections.def), and an
// optional ed25519 signature over the hash. The hash names the image: signing
// does not change it. Stdlib modules are written by reference (name and version)
// and filled from the VM's own stdlib when the image is loaded.
//
// Reading never trusts the input: every length and count is checked against the
// bytes that remain and the bounds below, and a failure says what and at which
// byte. A file that reads cleanly still goes through the verifier before it runs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/image/image.h"

namespace vb::image {

constexpr uint16_t kFormatVersion = 1;
constexpr size_t kHashSize = 32;        // BLAKE2b-256
constexpr size_t kPublicKeySize = 32;   // ed25519
constexpr size_t kSecretKeySize = 64;
constexpr size_t kSignatureSize = 64;
constexpr size_t kMaxImageBytes = size_t{64} << 20;

using Hash = std::array<uint8_t, kHashSize>;
using PublicKey = std::array<uint8_t, kPublicKeySize>;
using SecretKey = std::array<uint8_t, kSecretKeySize>;

struct FileInfo {
    Hash hash{};
    bool is_signed = false;
    PublicKey signer{};  // when signed
    std::string producer;  // the vb version that wrote it
};

// The image as file bytes, unsigned.
std::string write_image_file(const Image& image);

struct ReadResult {
    bool ok = false;
    Image image;
    FileInfo info;
    std::string error;  // "at byte 112: a function's code runs past its section"
};

// True when `bytes` start as an image file does (the magic's first four bytes):
// then they are read as an image, and any damage further on is reported as such
// rather than as source code that does not compile.
bool is_image_file(std::string_view bytes);

// Reads and checks the framing, the hash and (when present) the signature.
ReadResult read_image_file(std::string_view bytes);

// Adds (or replaces) the signature of `file_bytes` by `secret`; false and an
// error when the bytes are not a well-formed image file.
bool sign_image_file(std::string& file_bytes, const SecretKey& secret, std::string* error);

// Keys and names as text: lower-case hex.
std::string to_hex(const uint8_t* data, size_t size);
bool from_hex(std::string_view text, uint8_t* out, size_t size);

// A new ed25519 key pair.
void generate_keys(PublicKey* public_key, SecretKey* secret_key);

// BLAKE2b-256 of arbitrary bytes (image bodies, stdlib module versions).
Hash content_hash(std::string_view bytes);

}  // namespace vb::image
