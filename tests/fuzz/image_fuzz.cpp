// tests/fuzz/image_fuzz.cpp — fuzz target for image files end to end: the
// reader (vm/image/file.cpp), the verifier (vm/image/verifier.cpp), the loader
// and a bounded run of whatever passes (vm/loader.cpp, the interpreter, the
// collector, the natives), opened and run as the host does
// (servers/host/session.cpp).
//
// Each input is read twice. First as it is, which exercises the header, the
// length and hash checks. Then with a fresh header whose hash matches: a mutated
// body would almost never survive the hash check, and the body's sections, the
// verifier and the run are what most need the fuzzing. An image that passes runs
// in a fresh team with a heap limit and a reduction limit, so an endless loop or
// a memory hog ends as an error. Anything but a crash, a sanitizer report or a
// hang is a fine outcome. Built as a libFuzzer target (scripts/fuzz.sh) and, with
// replay_main.cpp, as a plain program that ctest runs over corpus/image/.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "servers/host/host.h"
#include "vm/image/file.h"

namespace {

using namespace vb;

constexpr uint8_t kMagic[8] = {0x89, 'V', 'B', 'I', '\r', '\n', 0x1A, '\n'};
constexpr size_t kHeaderSize = 8 + 2 + 2 + 4 + image::kHashSize;  // docs/image-format.md

// The input after a header's worth of bytes, as the body of an unsigned image
// with a correct header.
std::string with_fresh_header(std::string_view input) {
    std::string_view body = input.substr(kHeaderSize);
    std::string file(reinterpret_cast<const char*>(kMagic), sizeof kMagic);
    file.push_back(static_cast<char>(image::kFormatVersion >> 8));
    file.push_back(static_cast<char>(image::kFormatVersion & 0xff));
    file.append(2, '\0');  // flags: unsigned
    uint32_t length = static_cast<uint32_t>(body.size());
    for (int shift = 24; shift >= 0; shift -= 8) file.push_back(static_cast<char>(length >> shift));
    image::Hash hash = image::content_hash(body);
    file.append(reinterpret_cast<const char*>(hash.data()), hash.size());
    file.append(body);
    return file;
}

void open_and_run(std::string_view file) {
    TeamOptions options;
    options.max_heap = size_t{64} << 20;
    options.max_reductions = 100000;
    host::Session session = host::start_session(options);
    host::OpenedImage opened = host::open_image(session, file, nullptr);
    if (!opened.ok) return;
    try {
        host::run_image(session, opened.image);
    } catch (ExitProgram&) {
        // exit(n): the program ended itself.
    } catch (OutOfMemory&) {
        // Loading the image's modules did not fit under the heap limit.
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // What programs print is noise here, and what they read is nothing.
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        std::fflush(stdout);
        dup2(null, 0);
        dup2(null, 1);
        close(null);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    if (image::read_image_file(input).ok) {
        open_and_run(input);
        return 0;
    }
    if (size >= kHeaderSize) open_and_run(with_fresh_header(input));
    return 0;
}
