// servers/host/main.cpp — the `vb` executable: runs a program (`vb FILE.vb`),
// evaluates an expression (`vb -e`), opens the REPL (`vb`), or shows compiled
// code (`vb --disasm FILE.vb`). It wires the compiler into the VM; the VM itself
// never links the compiler.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "servers/host/host.h"
#include "vm/image/verifier.h"
#include "vm/isa/disasm.h"
#include "vm/value_ops.h"

#ifndef VB_VERSION
#define VB_VERSION "0.0.0"
#endif

namespace vb::host {

namespace {

const char kUsage[] =
    "usage: vb [options] [FILE.vb [args...]]\n"
    "\n"
    "  vb FILE.vb [args...]   run a program; args() gives it its arguments\n"
    "  vb -e 'code'           run code given on the command line and print its value\n"
    "  vb                     start the interactive REPL (:help inside it)\n"
    "  vb --disasm FILE.vb    print the compiled bytecode of a program\n"
    "\n"
    "options:\n"
    "  --max-heap BYTES       limit the heap (suffixes K, M, G); past it, :out_of_memory\n"
    "  --gc-stress            collect garbage at every allocation (slow; for testing)\n"
    "  --stats                print garbage-collector statistics on exit\n"
    "  --version              print the version\n"
    "  --help                 print this help\n";

[[noreturn]] void usage_error(const std::string& message) {
    std::fprintf(stderr, "vb: %s (see vb --help)\n", message.c_str());
    std::exit(2);
}

bool parse_size(const char* text, size_t* out) {
    char* end = nullptr;
    double value = std::strtod(text, &end);
    if (end == text || value <= 0) return false;
    switch (*end) {
        case 'k': case 'K': value *= 1024; end++; break;
        case 'm': case 'M': value *= 1024 * 1024; end++; break;
        case 'g': case 'G': value *= 1024.0 * 1024 * 1024; end++; break;
        default: break;
    }
    if (*end) return false;
    *out = static_cast<size_t>(value);
    return true;
}

bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream text;
    text << in.rdbuf();
    *out = text.str();
    return true;
}

void print_stats(const HeapStats& s) {
    std::fprintf(stderr,
                 "gc: %llu collections, total pause %.3f ms, max pause %.3f ms, %.1f MiB allocated, peak heap %.1f MiB\n",
                 static_cast<unsigned long long>(s.collections), s.total_pause_ns / 1e6, s.max_pause_ns / 1e6,
                 s.bytes_allocated / 1048576.0, s.peak_bytes / 1048576.0);
}

}  // namespace

Session start_session(const TeamOptions& options) {
    Session session;
    session.team = std::make_unique<Team>(options);
    compiler::CompileResult prelude = compiler::compile_prelude();
    if (!prelude.ok) {
        std::fprintf(stderr, "vb: internal error: the prelude does not compile:\n%s", prelude.errors.c_str());
        std::exit(70);
    }
    image::VerifyResult check = image::verify(prelude.image, 0);
    if (!check.ok) {
        std::fprintf(stderr, "vb: internal error: the prelude fails verification: %s\n", check.message().c_str());
        std::exit(70);
    }
    session.team->load_prelude(prelude.image);
    session.builtins = prelude.image.modules[prelude.image.entry].globals;
    // The prelude's top level runs once, before any program.
    int status = session.team->run_main(session.team->prelude());
    if (status != 0) std::exit(70);
    return session;
}

int run_image(Session& session, const image::Image& image, Value* result) {
    image::VerifyResult check = image::verify(image, session.builtins.size());
    if (!check.ok) {
        std::fprintf(stderr, "vb: the compiled program is malformed: %s\n", check.message().c_str());
        return 2;
    }
    ModuleObj* entry = session.team->load(image);
    return session.team->run_main(entry, result);
}

int main(int argc, char** argv) {
    TeamOptions options;
    const char* eval_code = nullptr;
    const char* disasm_path = nullptr;
    bool stats = false;
    int i = 1;
    for (; i < argc; i++) {
        const char* arg = argv[i];
        if (arg[0] != '-' || std::strcmp(arg, "-") == 0) break;
        if (std::strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (std::strcmp(arg, "--version") == 0) {
            std::printf("vb %s\n", VB_VERSION);
            return 0;
        }
        if (std::strcmp(arg, "--gc-stress") == 0) {
            options.gc_stress = true;
        } else if (std::strcmp(arg, "--stats") == 0) {
            stats = true;
        } else if (std::strcmp(arg, "--max-heap") == 0) {
            if (i + 1 >= argc) usage_error("--max-heap needs a size, e.g. --max-heap 64M");
            if (!parse_size(argv[++i], &options.max_heap)) usage_error(std::string("bad heap size '") + argv[i] + "'");
        } else if (std::strcmp(arg, "-e") == 0) {
            if (i + 1 >= argc) usage_error("-e needs code to run");
            eval_code = argv[++i];
        } else if (std::strcmp(arg, "--disasm") == 0) {
            if (i + 1 >= argc) usage_error("--disasm needs a file");
            disasm_path = argv[++i];
        } else {
            usage_error(std::string("unknown option '") + arg + "'");
        }
    }

    std::string path, source;
    if (disasm_path) {
        if (!read_file(disasm_path, &source)) usage_error(std::string("cannot open '") + disasm_path + "'");
        Session session = start_session(options);
        compiler::CompileOptions copts;
        copts.builtins = session.builtins;
        compiler::CompileResult compiled = compiler::compile_program(disasm_path, source, copts);
        if (!compiled.ok) {
            std::fputs(compiled.errors.c_str(), stderr);
            return 1;
        }
        for (const image::Module& m : compiled.image.modules)
            if (!m.is_stdlib) std::fputs(isa::disassemble(m).c_str(), stdout);
        return 0;
    }

    bool repl_mode = false;
    if (eval_code) {
        path = "<-e>";
        source = eval_code;
        repl_mode = true;
        for (; i < argc; i++) options.args.push_back(argv[i]);
    } else if (i < argc) {
        path = argv[i++];
        if (!read_file(path, &source)) {
            std::fprintf(stderr, "vb: cannot open '%s': %s\n", path.c_str(), std::strerror(errno));
            return 2;
        }
        for (; i < argc; i++) options.args.push_back(argv[i]);
    }

    Session session = start_session(options);
    int status;
    try {
        if (path.empty()) {
            status = run_repl(session);
        } else {
            compiler::CompileOptions copts;
            copts.builtins = session.builtins;
            copts.repl = repl_mode;
            compiler::CompileResult compiled = compiler::compile_program(path, source, copts);
            if (!compiled.ok) {
                std::fflush(stdout);
                std::fputs(compiled.errors.c_str(), stderr);
                return 1;
            }
            Value result;
            status = run_image(session, compiled.image, &result);
            if (repl_mode && status == 0 && !result.is_nil()) std::printf("%s\n", to_repr(result).c_str());
        }
    } catch (ExitProgram& exit) {
        status = exit.code;
    }
    std::fflush(stdout);
    if (stats) print_stats(session.team->heap.stats());
    return status;
}

}  // namespace vb::host

int main(int argc, char** argv) { return vb::host::main(argc, argv); }
