// tests/fuzz/replay_main.cpp — runs a fuzz target (compile_fuzz.cpp,
// value_fuzz.cpp, image_fuzz.cpp) over corpus files without libFuzzer, so that
// the normal build replays the checked-in corpora on every ctest run, under the
// sanitizer build of the core when there is one.
//
//   fuzz_replay_X PATH...     each PATH a corpus file or a directory of them
//
// A finding aborts inside the target, as under libFuzzer; the input being run is
// named on stderr first, so the failing file is known.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Targets that set something up once (image_fuzz.cpp) define it; libFuzzer calls
// it the same way.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
    namespace fs = std::filesystem;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; i++) {
        fs::path path(argv[i]);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            for (const fs::directory_entry& entry : fs::recursive_directory_iterator(path))
                if (entry.is_regular_file()) inputs.push_back(entry.path());
        } else if (fs::is_regular_file(path, ec)) {
            inputs.push_back(path);
        } else {
            std::fprintf(stderr, "%s: no such file or directory: %s\n", argv[0], argv[i]);
            return 2;
        }
    }
    // A fixed order, so that a failure reproduces the same way.
    std::sort(inputs.begin(), inputs.end());
    size_t total_bytes = 0;
    for (const fs::path& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            std::fprintf(stderr, "%s: cannot read %s\n", argv[0], path.c_str());
            return 2;
        }
        std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        total_bytes += bytes.size();
    }
    std::fprintf(stderr, "%s: %zu inputs ran (%zu bytes), no finding\n", argv[0], inputs.size(), total_bytes);
    return inputs.empty() ? 1 : 0;
}
