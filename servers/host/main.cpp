// servers/host/main.cpp — the `vb` executable's command line: runs a program
// (`vb FILE.vb`) or an image (`vb FILE.vbi`), evaluates an expression (`vb -e`),
// opens the REPL (`vb`), and the image commands (`vb compile`, `vb disasm`,
// `vb keygen`, `vb sign`). It wires the compiler into the VM; the VM itself never
// links the compiler.
#include <fcntl.h>
#include <unistd.h>

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
    "usage: vb [options] [FILE [args...]]\n"
    "       vb COMMAND ...\n"
    "\n"
    "  vb FILE.vb [args...]        run a program; args() gives it its arguments\n"
    "  vb FILE.vbi [args...]       run a compiled image\n"
    "  vb -e 'code'                run code given on the command line and print its value\n"
    "  vb                          start the interactive REPL (:help inside it)\n"
    "\n"
    "commands:\n"
    "  vb compile FILE.vb [-o OUT.vbi]   compile a program and every module it imports\n"
    "                                    into one image (default OUT: FILE.vbi)\n"
    "  vb disasm FILE.vb|FILE.vbi        print compiled code: functions, constants,\n"
    "                                    instructions with their source lines\n"
    "  vb keygen KEYFILE                 make an ed25519 key pair: KEYFILE (secret,\n"
    "                                    mode 0600) and KEYFILE.pub\n"
    "  vb sign --key KEYFILE FILE.vbi    sign an image (its content hash stays the same)\n"
    "  vb serve [--listen HOST:PORT] [--join HOST:PORT] [--name NAME] [--key FILE]\n"
    "           [--dead-ms N] [--multicast GROUP:PORT] [--threads N] [PROGRAM...]\n"
    "                                    run a node (default 127.0.0.1:7000; key:\n"
    "                                    ~/.vb/cluster.key, made on first use), with each\n"
    "                                    PROGRAM as a team; --multicast: the cluster's IP\n"
    "                                    multicast group (e.g. 239.86.66.1:7100); --threads:\n"
    "                                    the teams' pool (default: one per CPU it may use)\n"
    "  vb nodes [--node HOST:PORT]       list the cluster (default: VB_NODE, else\n"
    "                                    127.0.0.1:7000)\n"
    "  vb ps [--node HOST:PORT] [--key FILE]\n"
    "                                    list the processes of every node of the cluster\n"
    "                                    (same default), from each node's process server\n"
    "  vb run [--on HOST:PORT] FILE [args...]  run a program on a node (same default),\n"
    "                                    its output streamed here; Ctrl-C stops it\n"
    "  (a file named like a command runs as ./NAME)\n"
    "\n"
    "options:\n"
    "  --trust KEYFILE        run an image only if it is signed by this key (.pub or secret)\n"
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

void print_stats(const HeapStats& s) {
    std::fprintf(stderr,
                 "gc: %llu collections, total pause %.3f ms, max pause %.3f ms, %.1f MiB allocated, peak heap %.1f MiB\n",
                 static_cast<unsigned long long>(s.collections), s.total_pause_ns / 1e6, s.max_pause_ns / 1e6,
                 s.bytes_allocated / 1048576.0, s.peak_bytes / 1048576.0);
}

void read_or_exit(const std::string& path, std::string* out) {
    if (!read_file(path, out)) {
        std::fprintf(stderr, "vb: cannot open '%s': %s\n", path.c_str(), std::strerror(errno));
        std::exit(2);
    }
}

const char kSecretKeyLabel[] = "vb-ed25519-secret-key";
const char kPublicKeyLabel[] = "vb-ed25519-public-key";

// A key file is one line: a label and the key in hex. A secret key file also
// gives its public key, so either kind can be trusted.
bool read_key_file(const std::string& path, image::SecretKey* secret, image::PublicKey* public_key, std::string* error) {
    std::string text;
    if (!read_file(path, &text)) {
        *error = std::string("cannot open the key file '") + path + "': " + std::strerror(errno);
        return false;
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    size_t space = text.find(' ');
    std::string label = text.substr(0, space), hex = space == std::string::npos ? "" : text.substr(space + 1);
    if (label == kSecretKeyLabel && image::from_hex(hex, secret->data(), secret->size())) {
        std::copy(secret->end() - image::kPublicKeySize, secret->end(), public_key->begin());
        return true;
    }
    if (label == kPublicKeyLabel && image::from_hex(hex, public_key->data(), public_key->size())) {
        if (secret) secret->fill(0);
        *error = "public";
        return true;
    }
    *error = "'" + path + "' is not a vb key file (vb keygen makes one)";
    return false;
}


compiler::CompileResult compile_file(Session& session, const std::string& path) {
    std::string source;
    read_or_exit(path, &source);
    compiler::CompileOptions copts;
    copts.builtins = session.builtins;
    return compiler::compile_program(path, source, copts);
}

int command_compile(int argc, char** argv, int i, const TeamOptions& options) {
    std::string input, output;
    for (; i < argc; i++) {
        if (std::strcmp(argv[i], "-o") == 0) {
            if (i + 1 >= argc) usage_error("-o needs a file name");
            output = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            usage_error(std::string("unknown option '") + argv[i] + "' for vb compile");
        } else if (input.empty()) {
            input = argv[i];
        } else {
            usage_error("vb compile takes one program (and -o OUT.vbi)");
        }
    }
    if (input.empty()) usage_error("vb compile needs a program: vb compile FILE.vb [-o OUT.vbi]");
    if (output.empty()) {
        output = input;
        if (output.size() > 3 && output.compare(output.size() - 3, 3, ".vb") == 0) output.resize(output.size() - 3);
        output += ".vbi";
    }
    Session session = start_session(options);
    std::string source, bytes;
    read_or_exit(input, &source);
    if (!compile_image_file(session, input, source, &bytes)) return 1;
    std::string error;
    if (!write_file_atomically(output, bytes, 0644, &error)) {
        std::fprintf(stderr, "vb: cannot write '%s': %s\n", output.c_str(), error.c_str());
        return 2;
    }
    return 0;
}

int command_disasm(int argc, char** argv, int i, const TeamOptions& options) {
    if (i + 1 != argc) usage_error("vb disasm needs one file: vb disasm FILE.vb|FILE.vbi");
    std::string path = argv[i], bytes;
    read_or_exit(path, &bytes);
    if (!image::is_image_file(bytes)) {
        Session session = start_session(options);
        compiler::CompileResult compiled = compile_file(session, path);
        if (!compiled.ok) {
            std::fputs(compiled.errors.c_str(), stderr);
            return 1;
        }
        for (const image::Module& m : compiled.image.modules)
            if (!m.is_stdlib) std::fputs(isa::disassemble(m).c_str(), stdout);
        return 0;
    }
    image::ReadResult read = image::read_image_file(bytes);
    if (!read.ok) {
        std::fprintf(stderr, "vb: %s: %s\n", path.c_str(), read.error.c_str());
        return 2;
    }
    std::printf("image %s\n", image::to_hex(read.info.hash.data(), read.info.hash.size()).c_str());
    std::printf("  format %u, written by %s, prelude %s, %s\n", image::kFormatVersion, read.info.producer.c_str(),
                read.image.prelude_version.c_str(),
                read.info.is_signed
                    ? ("signed by " + image::to_hex(read.info.signer.data(), read.info.signer.size())).c_str()
                    : "unsigned");
    for (size_t m = 0; m < read.image.modules.size(); m++) {
        const image::Module& module = read.image.modules[m];
        std::printf("  module %zu: %s%s", m, module.name.c_str(), m == read.image.entry ? " (entry)" : "");
        if (module.by_reference)
            std::printf(", stdlib by reference, version %s\n", module.version.c_str());
        else
            std::printf(", %zu functions, %zu globals\n", module.functions.size(), module.globals.size());
    }
    for (const image::Module& m : read.image.modules)
        if (!m.by_reference) std::fputs(("\n" + isa::disassemble(m)).c_str(), stdout);
    return 0;
}

int command_keygen(int argc, char** argv, int i) {
    if (i + 1 != argc) usage_error("vb keygen needs one file name: vb keygen KEYFILE");
    std::string secret_path = argv[i], public_path = secret_path + ".pub";
    image::PublicKey public_key;
    image::SecretKey secret;
    image::generate_keys(&public_key, &secret);
    // The secret key never overwrites a key that exists: losing it loses every
    // signature made with it.
    int fd = ::open(secret_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
        std::fprintf(stderr, "vb: cannot create '%s': %s\n", secret_path.c_str(), std::strerror(errno));
        return 2;
    }
    std::string line = std::string(kSecretKeyLabel) + " " + image::to_hex(secret.data(), secret.size()) + "\n";
    bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    std::string error;
    if (!ok) {
        std::fprintf(stderr, "vb: cannot write '%s': %s\n", secret_path.c_str(), std::strerror(errno));
        ::unlink(secret_path.c_str());
        return 2;
    }
    line = std::string(kPublicKeyLabel) + " " + image::to_hex(public_key.data(), public_key.size()) + "\n";
    if (!write_file_atomically(public_path, line, 0644, &error)) {
        std::fprintf(stderr, "vb: cannot write '%s': %s\n", public_path.c_str(), error.c_str());
        return 2;
    }
    std::printf("secret key: %s\npublic key: %s (give this one to the nodes that run your images: --trust)\n",
                secret_path.c_str(), public_path.c_str());
    return 0;
}

int command_sign(int argc, char** argv, int i) {
    std::string key_path, path;
    for (; i < argc; i++) {
        if (std::strcmp(argv[i], "--key") == 0) {
            if (i + 1 >= argc) usage_error("--key needs a key file");
            key_path = argv[++i];
        } else if (path.empty()) {
            path = argv[i];
        } else {
            usage_error("vb sign takes one image");
        }
    }
    if (key_path.empty() || path.empty()) usage_error("usage: vb sign --key KEYFILE FILE.vbi");
    image::SecretKey secret;
    image::PublicKey public_key;
    std::string error;
    if (!read_key_file(key_path, &secret, &public_key, &error) || error == "public") {
        if (error == "public") error = "'" + key_path + "' is a public key; signing needs the secret key file";
        std::fprintf(stderr, "vb: %s\n", error.c_str());
        return 2;
    }
    std::string bytes;
    read_or_exit(path, &bytes);
    if (!image::sign_image_file(bytes, secret, &error)) {
        std::fprintf(stderr, "vb: %s: %s\n", path.c_str(), error.c_str());
        return 2;
    }
    if (!write_file_atomically(path, bytes, 0644, &error)) {
        std::fprintf(stderr, "vb: cannot write '%s': %s\n", path.c_str(), error.c_str());
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    TeamOptions options;
    const char* eval_code = nullptr;
    const char* disasm_path = nullptr;
    const char* trust_path = nullptr;
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
        } else if (std::strcmp(arg, "--trust") == 0) {
            if (i + 1 >= argc) usage_error("--trust needs a key file");
            trust_path = argv[++i];
        } else {
            usage_error(std::string("unknown option '") + arg + "'");
        }
    }

    if (disasm_path) {
        char* disasm_argv[] = {argv[0], const_cast<char*>(disasm_path)};
        return command_disasm(2, disasm_argv, 1, options);
    }
    if (!eval_code && i < argc) {
        std::string command = argv[i];
        if (command == "compile") return command_compile(argc, argv, i + 1, options);
        if (command == "disasm") return command_disasm(argc, argv, i + 1, options);
        if (command == "keygen") return command_keygen(argc, argv, i + 1);
        if (command == "sign") return command_sign(argc, argv, i + 1);
#ifdef VB_HAVE_KERNEL
        if (command == "serve") return command_serve(argc, argv, i + 1, options);
        if (command == "nodes") return command_nodes(argc, argv, i + 1);
        if (command == "ps") return command_ps(argc, argv, i + 1);
        if (command == "run") return command_run(argc, argv, i + 1, options);
#else
        if (command == "serve" || command == "nodes" || command == "ps" || command == "run") {
            std::fprintf(stderr, "vb: this vb was built without the kernel (VB_CORE_ONLY): no '%s'\n", command.c_str());
            return 2;
        }
#endif
    }

    image::PublicKey trusted;
    if (trust_path) {
        image::SecretKey unused;
        std::string error;
        if (!read_key_file(trust_path, &unused, &trusted, &error) && error != "public") {
            std::fprintf(stderr, "vb: %s\n", error.c_str());
            return 2;
        }
    }

    std::string path, source;
    bool repl_mode = false;
    if (eval_code) {
        path = "<-e>";
        source = eval_code;
        repl_mode = true;
        for (; i < argc; i++) options.args.push_back(argv[i]);
    } else if (i < argc) {
        path = argv[i++];
        read_or_exit(path, &source);
        for (; i < argc; i++) options.args.push_back(argv[i]);
    }
    if (trust_path && !image::is_image_file(source)) {
        std::fprintf(stderr, "vb: --trust runs signed images only, and '%s' is not an image (vb compile makes one)\n",
                     path.empty() ? "the REPL" : path.c_str());
        return 2;
    }

    Session session = start_session(options);
    int status;
    try {
        if (path.empty()) status = run_repl(session);
        else status = run_program(session, path, source, trust_path ? &trusted : nullptr, repl_mode);
    } catch (ExitProgram& exit) {
        status = exit.code;
    }
    std::fflush(stdout);
    if (stats) print_stats(session.team->heap.stats());
    return status;
}

}  // namespace vb::host

int main(int argc, char** argv) { return vb::host::main(argc, argv); }
