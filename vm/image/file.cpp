// vm/image/file.cpp — writing and reading .vbi files (see file.h and
// docs/image-format.md), and the libsodium calls that name and sign them.
#include "vm/image/file.h"

#include <sodium.h>

#include <cmath>
#include <cstring>

#include "vm/encoding/wire.h"

namespace vb::image {

namespace {

// PNG's trick: a high byte catches 7-bit transfers, CR LF and ^Z catch text-mode
// line-ending conversion.
constexpr uint8_t kMagic[8] = {0x89, 'V', 'B', 'I', '\r', '\n', 0x1A, '\n'};
constexpr size_t kHeaderSize = 8 + 2 + 2 + 4 + kHashSize;  // magic, version, flags, body length, hash
constexpr size_t kSignatureBlockSize = kPublicKeySize + kSignatureSize;
constexpr uint16_t kFlagSigned = 1;
constexpr char kSignatureDomain[] = "vb image signature v1";

// Bounds on what one file may declare. Globals, constants and functions are
// addressed by 16-bit operands (isa::kMaxBx), so more could never be used; the
// bounds also keep a small hostile file from declaring gigabytes of tables.
constexpr uint64_t kMaxModules = 1 << 16;
constexpr uint64_t kMaxIndexed = isa::kMaxBx + 1;
constexpr uint64_t kMaxCode = 1 << 24;
constexpr uint64_t kMaxCaptures = 256;

enum class SectionId : uint8_t {
#define SECTION(name, id, payload, doc) name = id,
#include "vm/image/sections.def"
#undef SECTION
};

constexpr uint8_t kModuleStdlib = 1;
constexpr uint8_t kModuleByReference = 2;
constexpr uint8_t kFunctionHasRest = 1;
constexpr uint8_t kCaptureFromRegister = 1;

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// ---- writing --------------------------------------------------------------------

void write_constant(wire::Writer& w, const Constant& c) {
    using wire::ValueTag;
    switch (c.kind) {
        case ConstantKind::Nil: w.tag(ValueTag::Nil); break;
        case ConstantKind::Bool: w.tag(c.int_value ? ValueTag::True : ValueTag::False); break;
        case ConstantKind::Int: w.tag(ValueTag::Int), w.svar(c.int_value); break;
        case ConstantKind::Float:
            // One NaN for every machine, as the value encoding writes it.
            w.tag(ValueTag::Float), w.f64be(std::isnan(c.float_value) ? std::nan("") : c.float_value);
            break;
        case ConstantKind::String: w.tag(ValueTag::String), w.text(c.text); break;
        case ConstantKind::Symbol: w.tag(ValueTag::Symbol), w.text(c.text); break;
    }
}

void write_function(wire::Writer& w, const Function& f) {
    w.text(f.name);
    w.uvar(f.line);
    w.u8(f.param_count);
    w.u8(f.required_count);
    w.u8(f.has_rest ? kFunctionHasRest : 0);
    w.uvar(f.register_count);
    w.uvar(f.code.size());
    for (isa::Instr in : f.code) w.u32be(in);
    // Lines as differences from the previous one: most are 0 or 1, one byte each.
    int64_t previous = f.line;
    for (size_t pc = 0; pc < f.code.size(); pc++) {
        int64_t line = pc < f.lines.size() ? f.lines[pc] : previous;
        w.svar(line - previous);
        previous = line;
    }
    w.uvar(f.constants.size());
    for (const Constant& c : f.constants) write_constant(w, c);
    w.uvar(f.captures.size());
    for (const Capture& c : f.captures) {
        w.u8(c.from_register ? kCaptureFromRegister : 0);
        w.u8(c.index);
    }
}

void write_module(wire::Writer& w, const Module& m) {
    bool by_reference = m.is_stdlib;
    w.u8(static_cast<uint8_t>((m.is_stdlib ? kModuleStdlib : 0) | (by_reference ? kModuleByReference : 0)));
    w.text(m.name);
    w.text(m.path);
    if (by_reference) {
        w.text(m.version);
        return;
    }
    w.uvar(m.globals.size());
    for (const std::string& g : m.globals) w.text(g);
    w.uvar(m.imports.size());
    for (uint32_t target : m.imports) w.uvar(target);
    w.uvar(m.functions.size());
    for (const Function& f : m.functions) write_function(w, f);
}

// Writes one section: its id, its length, then what `fill` writes.
template <typename Fill>
void write_section(wire::Writer& body, SectionId id, Fill fill) {
    std::string payload;
    wire::Writer w(payload);
    fill(w);
    body.u8(static_cast<uint8_t>(id));
    body.uvar(payload.size());
    body.raw(payload.data(), payload.size());
}

uint16_t read_u16be(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
uint32_t read_u32be(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8 | p[3];
}

std::string signed_message(const uint8_t* hash) {
    std::string message(kSignatureDomain);
    message.append(reinterpret_cast<const char*>(hash), kHashSize);
    return message;
}

// ---- reading --------------------------------------------------------------------

// Reads the body, remembering where it is so that an error says so.
class BodyReader {
public:
    BodyReader(std::string_view body, size_t base) : m_body(body), m_base(base) {}

    bool read(Image& image, std::string& error) {
        wire::Reader r(m_body);
        uint64_t module_count = 0;
        bool have_meta = false;
        while (!r.at_end()) {
            size_t section_at = r.offset();
            uint8_t id;
            uint64_t length;
            std::string_view payload;
            if (!r.u8(&id) || !r.uvar(&length) || length > r.remaining() || !r.raw(length, &payload))
                return fail(section_at, "a section runs past the end of the body", error);
            m_section_base = m_base + r.offset() - payload.size();
            wire::Reader p(payload);
            switch (id) {
                case static_cast<uint8_t>(SectionId::Meta): {
                    if (have_meta) return fail(section_at, "a second Meta section", error);
                    have_meta = true;
                    uint64_t entry;
                    if (!p.uvar(&entry) || !p.uvar(&module_count) || !p.text(&image.prelude_version))
                        return at(p, "the Meta section is truncated", error);
                    if (!p.text(&m_producer)) return at(p, "the Meta section is truncated", error);
                    if (module_count == 0 || module_count > kMaxModules)
                        return at(p, "the module count is 0 or over " + std::to_string(kMaxModules), error);
                    if (entry >= module_count) return at(p, "the entry module does not exist", error);
                    image.entry = static_cast<uint32_t>(entry);
                    image.modules.reserve(module_count);
                    break;
                }
                case static_cast<uint8_t>(SectionId::Module): {
                    if (!have_meta) return fail(section_at, "a Module section before the Meta section", error);
                    if (image.modules.size() >= module_count)
                        return fail(section_at, "more Module sections than the Meta section declares", error);
                    m_module = image.modules.size();
                    image.modules.emplace_back();
                    if (!read_module(p, image.modules.back(), error)) return false;
                    break;
                }
                default:
                    return fail(section_at, "unknown section id " + std::to_string(id) + " (a newer format?)", error);
            }
            if (!p.at_end()) return at(p, "extra bytes at the end of a section", error);
        }
        if (!have_meta) return fail(0, "the body has no Meta section", error);
        if (image.modules.size() != module_count)
            return fail(m_body.size(), "the Meta section declares " + std::to_string(module_count) +
                                           " modules, the body holds " + std::to_string(image.modules.size()),
                        error);
        return true;
    }

    const std::string& producer() const { return m_producer; }

private:
    bool fail(size_t body_offset, const std::string& what, std::string& error) {
        error = "at byte " + std::to_string(m_base + body_offset) + ": " + what;
        return false;
    }
    bool at(const wire::Reader& p, const std::string& what, std::string& error) {
        error = "at byte " + std::to_string(m_section_base + p.offset()) + ": " + what;
        if (m_module != kNoModule) {
            error += " (module " + std::to_string(m_module);
            if (m_function != kNoModule) error += ", function " + std::to_string(m_function);
            error += ")";
        }
        return false;
    }

    bool read_module(wire::Reader& p, Module& m, std::string& error) {
        m_function = kNoModule;
        uint8_t flags;
        if (!p.u8(&flags) || !p.text(&m.name) || !p.text(&m.path)) return at(p, "a module header is truncated", error);
        if (flags & ~(kModuleStdlib | kModuleByReference)) return at(p, "unknown module flags", error);
        m.is_stdlib = flags & kModuleStdlib;
        m.by_reference = flags & kModuleByReference;
        if (m.by_reference != m.is_stdlib)
            return at(p, "only stdlib modules are written by reference, and always so", error);
        if (m.by_reference) {
            if (!p.text(&m.version)) return at(p, "a module version is truncated", error);
            return true;
        }
        uint64_t count;
        if (!p.count(&count) || count > kMaxIndexed) return at(p, "the global count is bad", error);
        m.globals.resize(count);
        for (std::string& g : m.globals)
            if (!p.text(&g)) return at(p, "a global name is truncated", error);
        if (!p.count(&count) || count > kMaxModules) return at(p, "the import count is bad", error);
        m.imports.resize(count);
        for (uint32_t& target : m.imports) {
            uint64_t index;
            if (!p.uvar(&index) || index > UINT32_MAX) return at(p, "an import index is bad", error);
            target = static_cast<uint32_t>(index);
        }
        if (!p.count(&count, 8) || count > kMaxIndexed) return at(p, "the function count is bad", error);
        m.functions.resize(count);
        for (size_t i = 0; i < m.functions.size(); i++) {
            m_function = i;
            if (!read_function(p, m.functions[i], error)) return false;
        }
        return true;
    }

    bool read_function(wire::Reader& p, Function& f, std::string& error) {
        uint64_t line, registers, count;
        uint8_t flags;
        if (!p.text(&f.name) || !p.uvar(&line) || line > UINT32_MAX || !p.u8(&f.param_count) ||
            !p.u8(&f.required_count) || !p.u8(&flags) || !p.uvar(&registers))
            return at(p, "a function header is truncated or out of range", error);
        if (flags & ~kFunctionHasRest) return at(p, "unknown function flags", error);
        if (registers > UINT16_MAX) return at(p, "a frame size over 65535", error);
        f.line = static_cast<uint32_t>(line);
        f.has_rest = flags & kFunctionHasRest;
        f.register_count = static_cast<uint16_t>(registers);
        if (!p.count(&count, 4) || count > kMaxCode) return at(p, "the instruction count is bad", error);
        f.code.resize(count);
        for (isa::Instr& in : f.code)
            if (!p.u32be(&in)) return at(p, "the code is truncated", error);
        f.lines.resize(count);
        int64_t previous = f.line;
        for (uint32_t& l : f.lines) {
            int64_t delta;
            if (!p.svar(&delta)) return at(p, "the line table is truncated", error);
            // Computed without overflow: both terms are bounded before adding.
            if (delta < -static_cast<int64_t>(UINT32_MAX) || delta > static_cast<int64_t>(UINT32_MAX) ||
                previous + delta < 0 || previous + delta > static_cast<int64_t>(UINT32_MAX))
                return at(p, "a line number out of range", error);
            previous += delta;
            l = static_cast<uint32_t>(previous);
        }
        if (!p.count(&count) || count > kMaxIndexed) return at(p, "the constant count is bad", error);
        f.constants.resize(count);
        for (Constant& c : f.constants)
            if (!read_constant(p, c, error)) return false;
        if (!p.count(&count, 2) || count > kMaxCaptures) return at(p, "the capture count is bad", error);
        f.captures.resize(count);
        for (Capture& c : f.captures) {
            uint8_t kind;
            if (!p.u8(&kind) || !p.u8(&c.index)) return at(p, "a capture is truncated", error);
            if (kind & ~kCaptureFromRegister) return at(p, "unknown capture flags", error);
            c.from_register = kind & kCaptureFromRegister;
        }
        return true;
    }

    bool read_constant(wire::Reader& p, Constant& c, std::string& error) {
        uint8_t tag;
        if (!p.u8(&tag)) return at(p, "a constant is truncated", error);
        bool ok = true;
        switch (static_cast<wire::ValueTag>(tag)) {
            case wire::ValueTag::Nil: c.kind = ConstantKind::Nil; break;
            case wire::ValueTag::False: c.kind = ConstantKind::Bool, c.int_value = 0; break;
            case wire::ValueTag::True: c.kind = ConstantKind::Bool, c.int_value = 1; break;
            case wire::ValueTag::Int: c.kind = ConstantKind::Int, ok = p.svar(&c.int_value); break;
            case wire::ValueTag::Float: c.kind = ConstantKind::Float, ok = p.f64be(&c.float_value); break;
            case wire::ValueTag::String: c.kind = ConstantKind::String, ok = p.text(&c.text); break;
            case wire::ValueTag::Symbol: c.kind = ConstantKind::Symbol, ok = p.text(&c.text); break;
            default:
                return at(p, "a constant of tag " + std::to_string(tag) + ", which no constant may have", error);
        }
        if (!ok) return at(p, "a constant is truncated", error);
        return true;
    }

    static constexpr size_t kNoModule = static_cast<size_t>(-1);
    std::string_view m_body;
    size_t m_base;
    size_t m_section_base = 0;
    size_t m_module = kNoModule;
    size_t m_function = kNoModule;
    std::string m_producer;
};

}  // namespace

Hash content_hash(std::string_view bytes) {
    sodium_ready();
    Hash hash;
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                       nullptr, 0);
    return hash;
}

std::string write_image_file(const Image& image) {
    std::string body;
    wire::Writer w(body);
    write_section(w, SectionId::Meta, [&](wire::Writer& s) {
        s.uvar(image.entry);
        s.uvar(image.modules.size());
        s.text(image.prelude_version);
#ifdef VB_VERSION
        s.text("vb " VB_VERSION);
#else
        s.text("vb");
#endif
    });
    for (const Module& m : image.modules) write_section(w, SectionId::Module, [&](wire::Writer& s) { write_module(s, m); });

    std::string file;
    wire::Writer f(file);
    f.raw(kMagic, sizeof kMagic);
    f.u8(kFormatVersion >> 8), f.u8(kFormatVersion & 0xff);
    f.u8(0), f.u8(0);  // flags: unsigned
    f.u32be(static_cast<uint32_t>(body.size()));
    Hash hash = content_hash(body);
    f.raw(hash.data(), hash.size());
    f.raw(body.data(), body.size());
    return file;
}

bool is_image_file(std::string_view bytes) {
    return bytes.size() >= 4 && std::memcmp(bytes.data(), kMagic, 4) == 0;
}

ReadResult read_image_file(std::string_view bytes) {
    ReadResult result;
    auto fail = [&](size_t offset, const std::string& what) {
        result.error = "at byte " + std::to_string(offset) + ": " + what;
        return result;
    };
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    if (bytes.size() < sizeof kMagic || std::memcmp(p, kMagic, sizeof kMagic) != 0)
        return fail(0, "not a vb image (the file does not start with the image magic bytes)");
    if (bytes.size() < kHeaderSize) return fail(bytes.size(), "the header is truncated");
    if (bytes.size() > kMaxImageBytes) return fail(0, "the file is over the image size limit of 64 MiB");
    uint16_t version = read_u16be(p + 8);
    if (version != kFormatVersion)
        return fail(8, "image format version " + std::to_string(version) + "; this vb reads version " +
                           std::to_string(kFormatVersion));
    uint16_t flags = read_u16be(p + 10);
    if (flags & ~kFlagSigned) return fail(10, "unknown header flags");
    uint32_t body_size = read_u32be(p + 12);
    size_t expected = kHeaderSize + size_t{body_size} + ((flags & kFlagSigned) ? kSignatureBlockSize : 0);
    if (bytes.size() != expected)
        return fail(bytes.size() < expected ? bytes.size() : expected,
                    "the file is " + std::to_string(bytes.size()) + " bytes; its header says " +
                        std::to_string(expected) + (bytes.size() < expected ? " (truncated)" : " (trailing bytes)"));
    std::string_view body = bytes.substr(kHeaderSize, body_size);
    Hash hash = content_hash(body);
    if (std::memcmp(hash.data(), p + 16, kHashSize) != 0)
        return fail(16, "the content hash does not match the body (the file is corrupt)");
    result.info.hash = hash;
    if (flags & kFlagSigned) {
        const uint8_t* block = p + kHeaderSize + body_size;
        std::memcpy(result.info.signer.data(), block, kPublicKeySize);
        std::string message = signed_message(hash.data());
        if (crypto_sign_verify_detached(block + kPublicKeySize, reinterpret_cast<const unsigned char*>(message.data()),
                                        message.size(), block) != 0)
            return fail(kHeaderSize + body_size, "the signature does not verify (the image or its signature was altered)");
        result.info.is_signed = true;
    }
    BodyReader reader(body, kHeaderSize);
    if (!reader.read(result.image, result.error)) {
        result.image = Image();
        return result;
    }
    result.info.producer = reader.producer();
    result.ok = true;
    return result;
}

bool sign_image_file(std::string& file_bytes, const SecretKey& secret, std::string* error) {
    ReadResult check = read_image_file(file_bytes);
    if (!check.ok) {
        *error = check.error;
        return false;
    }
    const auto* p = reinterpret_cast<const uint8_t*>(file_bytes.data());
    size_t unsigned_size = kHeaderSize + read_u32be(p + 12);
    file_bytes.resize(unsigned_size);
    file_bytes[11] = static_cast<char>(static_cast<uint8_t>(file_bytes[11]) | kFlagSigned);
    std::string message = signed_message(check.info.hash.data());
    uint8_t signature[kSignatureSize];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secret.data());
    // An ed25519 secret key in libsodium's form ends with its public key.
    file_bytes.append(reinterpret_cast<const char*>(secret.data() + kSecretKeySize - kPublicKeySize), kPublicKeySize);
    file_bytes.append(reinterpret_cast<const char*>(signature), kSignatureSize);
    return true;
}

void generate_keys(PublicKey* public_key, SecretKey* secret_key) {
    sodium_ready();
    crypto_sign_keypair(public_key->data(), secret_key->data());
}

std::string to_hex(const uint8_t* data, size_t size) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t i = 0; i < size; i++) {
        out.push_back(kDigits[data[i] >> 4]);
        out.push_back(kDigits[data[i] & 15]);
    }
    return out;
}

bool from_hex(std::string_view text, uint8_t* out, size_t size) {
    if (text.size() != size * 2) return false;
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (size_t i = 0; i < size; i++) {
        int high = digit(text[2 * i]), low = digit(text[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[i] = static_cast<uint8_t>(high << 4 | low);
    }
    return true;
}

}  // namespace vb::image
