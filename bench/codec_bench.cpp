// bench/codec_bench.cpp — times the portable value encoding (vm/encoding/
// value_codec.h) on the two shapes the kernel's messages come in: many small
// values (a map of 1,000 strings) and one large one (1 MiB of bytes), and times
// Python's pickle (protocol 5) and marshal on the same data in the same run, so
// that the ratios compare like with like on a noisy machine.
//
// Each figure is the best of several repetitions of a timed loop. Encoding
// appends to one reused std::string, as a sender reusing its buffer would;
// decoding allocates in a team's heap, whose collector runs when it would in a
// program, so its cost is part of the figure. Python times itself with timeit
// in a `python3 -c` child (set PYTHON to use another interpreter).
//
//   build/bench/bench_codec            all figures and the Python reference
//   build/bench/bench_codec --quick    fewer repetitions
//   build/bench/bench_codec --no-python
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "vm/encoding/value_codec.h"
#include "vm/gc/heap.h"
#include "vm/object/map.h"
#include "vm/team.h"
#include "vm/value_ops.h"

using namespace vb;

namespace {

constexpr int kMapEntries = 1000;
constexpr size_t kBytesLength = size_t{1} << 20;

struct Timing {
    size_t size = 0;        // encoded bytes
    double encode_ns = 0;   // per encoding
    double decode_ns = 0;   // per decoding
};

template <class F>
double best_ns_per_call(int repetitions, int iterations, F&& body) {
    double best = 1e300;
    for (int r = 0; r < repetitions; r++) {
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < iterations; i++) body();
        auto stop = std::chrono::steady_clock::now();
        double ns = std::chrono::duration<double, std::nano>(stop - start).count() / iterations;
        if (ns < best) best = ns;
    }
    return best;
}

// The 1,000 strings "key0".. mapped to 20-character strings, as the Python side builds them.
Value make_string_map(Heap& heap, TempRoot& keep) {
    MapObj* m = heap.new_map();
    keep.set(make_map(m));
    char value[32];
    for (int i = 0; i < kMapEntries; i++) {
        Value key = make_string(heap.new_string("key" + std::to_string(i)));
        TempRoot hold_key(heap, key);
        std::snprintf(value, sizeof value, "value string #%06d", i);
        Value text = make_string(heap.new_string(value));
        TempRoot hold_text(heap, text);
        map_set(heap, m, key, text);
    }
    return make_map(m);
}

Value make_bytes(Heap& heap, TempRoot& keep) {
    BytesObj* b = heap.new_bytes(kBytesLength);
    for (size_t i = 0; i < kBytesLength; i++) b->data[i] = static_cast<uint8_t>(i * 131 + 7);
    keep.set(make_bytes(b));
    return make_bytes(b);
}

Timing time_vb(Heap& heap, Value v, int repetitions, int iterations) {
    Timing t;
    std::string out;
    codec::EncodeResult first = codec::encode(v, out);
    if (!first.ok) {
        std::fprintf(stderr, "bench_codec: encoding failed: %s\n", first.error.c_str());
        std::exit(1);
    }
    t.size = out.size();
    codec::DecodeResult check = codec::decode(heap, out);
    if (!check.ok || !values_equal(check.value, v)) {
        std::fprintf(stderr, "bench_codec: the round trip changed the value: %s\n", check.error.c_str());
        std::exit(1);
    }
    t.encode_ns = best_ns_per_call(repetitions, iterations, [&] {
        out.clear();
        codec::encode(v, out);
    });
    const std::string encoded = out;
    t.decode_ns = best_ns_per_call(repetitions, iterations, [&] {
        if (!codec::decode(heap, encoded).ok) std::abort();
    });
    return t;
}

// Runs `python -c script` and returns what it printed; empty when it could not run.
std::string run_python(const std::string& script) {
    const char* python = std::getenv("PYTHON");
    if (!python || !*python) python = "python3";
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) return "";
    pid_t child = fork();
    if (child < 0) return "";
    if (child == 0) {
        dup2(pipe_ends[1], 1);
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        execlp(python, python, "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_ends[1]);
    std::string output;
    char buffer[4096];
    for (;;) {
        ssize_t n = read(pipe_ends[0], buffer, sizeof buffer);
        if (n <= 0) break;
        output.append(buffer, static_cast<size_t>(n));
    }
    close(pipe_ends[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "";
    return output;
}

// Python's figures, keyed by "map pickle", "bytes marshal", ...
std::map<std::string, Timing> time_python(int repetitions, int map_iterations, int bytes_iterations) {
    std::string script =
        "import marshal, pickle, timeit\n"
        "m = {f'key{i}': f'value string #{i:06d}' for i in range(" + std::to_string(kMapEntries) + ")}\n"
        "b = bytes((i * 131 + 7) & 255 for i in range(" + std::to_string(kBytesLength) + "))\n"
        "def best(stmt, g, n):\n"
        "    return min(timeit.repeat(stmt, globals=g, number=n, repeat=" + std::to_string(repetitions) + ")) / n * 1e9\n"
        "for name, obj, n in (('map', m, " + std::to_string(map_iterations) + "), ('bytes', b, " +
        std::to_string(bytes_iterations) + ")):\n"
        "    for lib, dumps in (('pickle', 'pickle.dumps(obj, 5)'), ('marshal', 'marshal.dumps(obj)')):\n"
        "        g = {'pickle': pickle, 'marshal': marshal, 'obj': obj}\n"
        "        data = eval(dumps, g)\n"
        "        g['data'] = data\n"
        "        loads = lib + '.loads(data)'\n"
        "        assert eval(loads, g) == obj\n"
        "        print(name, lib, len(data), best(dumps, g, n), best(loads, g, n))\n";
    std::map<std::string, Timing> out;
    std::istringstream lines(run_python(script));
    std::string name, lib;
    Timing t;
    while (lines >> name >> lib >> t.size >> t.encode_ns >> t.decode_ns) out[name + " " + lib] = t;
    return out;
}

double mb_per_s(size_t bytes, double ns) { return ns > 0 ? bytes / ns * 1e3 : 0; }

void print_row(const char* what, const char* who, const Timing& t) {
    std::printf("%-22s %-8s %10zu %12.0f %12.0f %12.0f %9.0f %9.0f\n", what, who, t.size, t.encode_ns, t.decode_ns,
                t.encode_ns + t.decode_ns, mb_per_s(t.size, t.encode_ns), mb_per_s(t.size, t.decode_ns));
}

}  // namespace

int main(int argc, char** argv) {
    int repetitions = 7;
    bool python = true;
    for (int i = 1; i < argc; i++) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            repetitions = 2;
        } else if (std::strcmp(argv[i], "--no-python") == 0) {
            python = false;
        } else {
            std::fprintf(stderr, "usage: bench_codec [--quick] [--no-python]\n");
            return 2;
        }
    }
    const int map_iterations = repetitions > 2 ? 2000 : 200;
    const int bytes_iterations = repetitions > 2 ? 500 : 50;

    // One team per value, so that a collection caused by decoding one value
    // does not also mark the other.
    Team map_team{TeamOptions{}};
    Team bytes_team{TeamOptions{}};
    TempRoot keep_map(map_team.heap, Value::nil());
    TempRoot keep_bytes(bytes_team.heap, Value::nil());
    Value map = make_string_map(map_team.heap, keep_map);
    Value bytes = make_bytes(bytes_team.heap, keep_bytes);

    struct Case {
        const char* name;
        const char* label;
        Timing vb;
    };
    Case cases[] = {
        {"map", "map of 1000 strings", time_vb(map_team.heap, map, repetitions, map_iterations)},
        {"bytes", "1 MiB bytes", time_vb(bytes_team.heap, bytes, repetitions, bytes_iterations)},
    };
    std::map<std::string, Timing> reference;
    if (python) reference = time_python(repetitions, map_iterations, bytes_iterations);

    std::printf("best of %d; ns per call; MB/s = encoded bytes per second / 1e6\n\n", repetitions);
    std::printf("%-22s %-8s %10s %12s %12s %12s %9s %9s\n", "value", "codec", "bytes", "encode ns", "decode ns",
                "both ns", "enc MB/s", "dec MB/s");
    for (const Case& c : cases) {
        print_row(c.label, "vb", c.vb);
        for (const char* lib : {"pickle", "marshal"}) {
            auto found = reference.find(std::string(c.name) + " " + lib);
            if (found != reference.end()) print_row("", lib, found->second);
        }
    }
    if (python && reference.empty()) {
        std::printf("\n(python3 did not run: no reference figures)\n");
        return 0;
    }
    if (!python) return 0;
    std::printf("\nratios vb / python (below 1: vb is faster)\n");
    std::printf("%-22s %-8s %10s %12s %12s %12s\n", "value", "against", "size", "encode", "decode", "both");
    for (const Case& c : cases) {
        for (const char* lib : {"pickle", "marshal"}) {
            auto found = reference.find(std::string(c.name) + " " + lib);
            if (found == reference.end()) continue;
            const Timing& py = found->second;
            std::printf("%-22s %-8s %10.2f %12.2f %12.2f %12.2f\n", c.label, lib,
                        static_cast<double>(c.vb.size) / py.size, c.vb.encode_ns / py.encode_ns,
                        c.vb.decode_ns / py.decode_ns,
                        (c.vb.encode_ns + c.vb.decode_ns) / (py.encode_ns + py.decode_ns));
        }
    }
    return 0;
}
