// tests/unit/image_file.test.cpp — the .vbi file format (vm/image/file.cpp):
// round trips of compiled programs, the exact header layout, refusal of every
// truncation and of altered bytes, hostile counts, and signatures.
#include <catch2/catch.hpp>

#include <cstring>

#include "compiler/compile.h"
#include "vm/image/file.h"
#include "vm/image/verifier.h"

using namespace vb;
using namespace vb::image;

namespace {

Image compiled(const std::string& source) {
    compiler::CompileResult prelude = compiler::compile_prelude();
    REQUIRE(prelude.ok);
    compiler::CompileOptions options;
    options.builtins = prelude.image.modules[prelude.image.entry].globals;
    compiler::CompileResult result = compiler::compile_program("test.vb", source, options);
    INFO(result.errors);
    REQUIRE(result.ok);
    compiler::stamp_versions(result.image);
    return result.image;
}

const char kProgram[] =
    "import str\n"
    "fn greet(name, times = 2, ...rest) {\n"
    "    var n = 0\n"
    "    let f = fn() { n += 1; n }\n"
    "    str.repeat(name, times) + \"!\" + f() + 1.5 + :ok + nil + true + rest.len()\n"
    "}\n"
    "print(greet(\"ab\", 3, 9))\n";

}  // namespace

TEST_CASE("image file: a compiled program round-trips byte for byte", "[image-file]") {
    Image image = compiled(kProgram);
    std::string bytes = write_image_file(image);
    ReadResult read = read_image_file(bytes);
    INFO(read.error);
    REQUIRE(read.ok);
    CHECK_FALSE(read.info.is_signed);
    CHECK(read.image.entry == image.entry);
    CHECK(read.image.prelude_version == image.prelude_version);
    REQUIRE(read.image.modules.size() == image.modules.size());
    for (size_t m = 0; m < image.modules.size(); m++) {
        const Module& a = image.modules[m];
        const Module& b = read.image.modules[m];
        CHECK(a.name == b.name);
        CHECK(a.is_stdlib == b.is_stdlib);
        if (a.is_stdlib) {
            // Stdlib modules travel by reference: name and version only.
            CHECK(b.by_reference);
            CHECK(b.version == a.version);
            CHECK(b.functions.empty());
            continue;
        }
        CHECK(a.globals == b.globals);
        CHECK(a.imports == b.imports);
        REQUIRE(a.functions.size() == b.functions.size());
        for (size_t f = 0; f < a.functions.size(); f++) {
            const Function& x = a.functions[f];
            const Function& y = b.functions[f];
            CHECK(x.name == y.name);
            CHECK(x.line == y.line);
            CHECK(x.param_count == y.param_count);
            CHECK(x.required_count == y.required_count);
            CHECK(x.has_rest == y.has_rest);
            CHECK(x.register_count == y.register_count);
            CHECK(x.code == y.code);
            CHECK(x.lines == y.lines);
            CHECK(x.constants == y.constants);
            REQUIRE(x.captures.size() == y.captures.size());
            for (size_t c = 0; c < x.captures.size(); c++) {
                CHECK(x.captures[c].from_register == y.captures[c].from_register);
                CHECK(x.captures[c].index == y.captures[c].index);
            }
        }
    }
    CHECK(write_image_file(read.image) == bytes);
    CHECK(verify(read.image, 1000).ok);
}

TEST_CASE("image file: the header is magic, version, flags, body length, hash", "[image-file]") {
    std::string bytes = write_image_file(compiled("print(1)\n"));
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    const uint8_t magic[] = {0x89, 'V', 'B', 'I', '\r', '\n', 0x1A, '\n'};
    CHECK(std::memcmp(p, magic, 8) == 0);
    CHECK((p[8] << 8 | p[9]) == kFormatVersion);
    CHECK((p[10] << 8 | p[11]) == 0);
    uint32_t body = static_cast<uint32_t>(p[12]) << 24 | p[13] << 16 | p[14] << 8 | p[15];
    CHECK(bytes.size() == 48 + body);
    Hash hash = content_hash(std::string_view(bytes).substr(48));
    CHECK(std::memcmp(p + 16, hash.data(), kHashSize) == 0);
}

TEST_CASE("image file: every truncation is refused with its byte offset", "[image-file]") {
    std::string bytes = write_image_file(compiled(kProgram));
    for (size_t n = 0; n < bytes.size(); n++) {
        ReadResult read = read_image_file(std::string_view(bytes).substr(0, n));
        INFO("length " << n);
        CHECK_FALSE(read.ok);
        CHECK(read.error.rfind("at byte ", 0) == 0);
    }
    CHECK_FALSE(read_image_file(bytes + "x").ok);
}

TEST_CASE("image file: any altered byte is refused", "[image-file]") {
    std::string bytes = write_image_file(compiled(kProgram));
    for (size_t i = 0; i < bytes.size(); i++) {
        std::string altered = bytes;
        altered[i] = static_cast<char>(altered[i] ^ 0x20);
        INFO("byte " << i);
        CHECK_FALSE(read_image_file(altered).ok);
    }
}

TEST_CASE("image file: hostile bodies with a correct hash are refused, not believed", "[image-file]") {
    // A header around an arbitrary body, with the body's true hash: only the
    // body's own checks stand between it and the reader.
    auto framed = [](const std::string& body) {
        std::string file = "\x89VBI\r\n\x1a\n";
        file += std::string("\0\1\0\0", 4);
        for (int shift = 24; shift >= 0; shift -= 8) file.push_back(static_cast<char>(body.size() >> shift));
        Hash hash = content_hash(body);
        file.append(reinterpret_cast<const char*>(hash.data()), hash.size());
        return file + body;
    };
    CHECK(read_image_file(framed("")).error.find("no Meta section") != std::string::npos);
    CHECK(read_image_file(framed(std::string("\x07\x00", 2))).error.find("unknown section id 7") != std::string::npos);
    // A Meta section declaring 2^40 modules.
    CHECK_FALSE(read_image_file(framed(std::string("\x01\x08\x00\x80\x80\x80\x80\x80\x20\x00", 10))).ok);
    // A module whose global count claims far more than the bytes that follow.
    std::string meta = std::string("\x01\x04\x00\x01\x00\x00", 6);
    std::string module = std::string("\x02\x07\x00\x01m\x01m\xff\x7f", 9);
    ReadResult read = read_image_file(framed(meta + module));
    CHECK_FALSE(read.ok);
    CHECK(read.error.find("global count") != std::string::npos);
}

TEST_CASE("image file: signing keeps the hash; altering either part is caught", "[image-file]") {
    std::string bytes = write_image_file(compiled(kProgram));
    Hash unsigned_hash = read_image_file(bytes).info.hash;
    PublicKey public_key;
    SecretKey secret;
    generate_keys(&public_key, &secret);
    std::string error;
    REQUIRE(sign_image_file(bytes, secret, &error));
    ReadResult read = read_image_file(bytes);
    INFO(read.error);
    REQUIRE(read.ok);
    CHECK(read.info.is_signed);
    CHECK(read.info.signer == public_key);
    CHECK(read.info.hash == unsigned_hash);

    // Signing again replaces the signature.
    PublicKey other_public;
    SecretKey other_secret;
    generate_keys(&other_public, &other_secret);
    REQUIRE(sign_image_file(bytes, other_secret, &error));
    CHECK(read_image_file(bytes).info.signer == other_public);

    std::string forged = bytes;
    forged[forged.size() - 1] ^= 1;  // the signature
    CHECK(read_image_file(forged).error.find("signature") != std::string::npos);
    forged = bytes;
    forged[forged.size() - 70] ^= 1;  // the signer's key
    CHECK_FALSE(read_image_file(forged).ok);
}

TEST_CASE("image file: keys as hex", "[image-file]") {
    uint8_t bytes[4] = {0x00, 0x7f, 0xa0, 0xff};
    CHECK(to_hex(bytes, 4) == "007fa0ff");
    uint8_t back[4];
    CHECK(from_hex("007FA0ff", back, 4));
    CHECK(std::memcmp(back, bytes, 4) == 0);
    CHECK_FALSE(from_hex("007fa0f", back, 4));
    CHECK_FALSE(from_hex("007fa0fg", back, 4));
}
