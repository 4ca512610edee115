// servers/host/session.cpp — a team ready to run programs: the prelude compiled
// (once per process) and loaded, and programs — source compiled now, or images
// read from a .vbi file and checked — run in it.
#include <cstdio>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "servers/host/host.h"
#include "vm/image/verifier.h"
#include "vm/value_ops.h"

namespace vb::host {

namespace {

const compiler::CompileResult& compiled_prelude() {
    static const compiler::CompileResult prelude = [] {
        compiler::CompileResult result = compiler::compile_prelude();
        if (!result.ok) {
            std::fprintf(stderr, "vb: internal error: the prelude does not compile:\n%s", result.errors.c_str());
            std::exit(70);
        }
        image::VerifyResult check = image::verify(result.image, 0);
        if (!check.ok) {
            std::fprintf(stderr, "vb: internal error: the prelude fails verification: %s\n", check.message().c_str());
            std::exit(70);
        }
#if defined(__GLIBC__)
        // The prelude's tokens and syntax trees are freed by now, but their pages
        // lie under what stays allocated, where free() never gives them back: a
        // few hundred KiB that every run would otherwise keep resident.
        malloc_trim(0);
#endif
        return result;
    }();
    return prelude;
}

// Loads, without running them, the stdlib modules an image names by reference
// that the team does not have yet: their top levels run on first import, as
// when the program was compiled from source.
bool load_referenced_stdlib(Session& session, const image::Image& image, std::string* error) {
    std::string imports;
    for (const image::Module& m : image.modules) {
        if (!m.by_reference) continue;
        std::string ours = compiler::stdlib_module_version(m.name);
        if (ours.empty()) {
            *error = "it needs the stdlib module '" + m.name + "', which this vb does not have";
            return false;
        }
        if (ours != m.version) {
            *error = "it was compiled against version " + m.version + " of the stdlib module '" + m.name +
                     "'; this vb has version " + ours + " (compile it again with this vb)";
            return false;
        }
        if (!session.team->find_module(m.name)) imports += "import " + m.name + "\n";
    }
    if (imports.empty()) return true;
    compiler::CompileOptions options;
    options.builtins = session.builtins;
    compiler::CompileResult stdlib = compiler::compile_program("<stdlib>", imports, options);
    if (!stdlib.ok || !image::verify(stdlib.image, session.builtins.size()).ok) {
        *error = "internal error: the stdlib modules it needs do not compile";
        return false;
    }
    session.team->load(stdlib.image);
    return true;
}

}  // namespace

Session start_session(const TeamOptions& options) {
    const compiler::CompileResult& prelude = compiled_prelude();
    Session session;
    session.team = std::make_unique<Team>(options);
    session.team->load_prelude(prelude.image);
    session.builtins = prelude.image.modules[prelude.image.entry].globals;
    // The prelude's top level runs once, before any program.
    int status = session.team->run_main(session.team->prelude());
    if (status != 0) std::exit(70);
    return session;
}

OpenedImage open_image(Session& session, std::string_view file_bytes, const image::PublicKey* trusted) {
    OpenedImage opened;
    image::ReadResult read = image::read_image_file(file_bytes);
    if (!read.ok) {
        opened.error = read.error;
        return opened;
    }
    opened.info = read.info;
    if (trusted) {
        if (!read.info.is_signed) {
            opened.error = "it is not signed, and a trusted signer was asked for";
            return opened;
        }
        if (read.info.signer != *trusted) {
            opened.error = "it is signed by " + image::to_hex(read.info.signer.data(), read.info.signer.size()) +
                           ", not by the trusted key";
            return opened;
        }
    }
    std::string prelude = compiler::stdlib_module_version("prelude");
    if (read.image.prelude_version != prelude) {
        opened.error = "it was compiled against prelude version " + read.image.prelude_version +
                       "; this vb has version " + prelude + " (compile it again with this vb)";
        return opened;
    }
    image::VerifyResult check = image::verify(read.image, session.builtins.size());
    if (!check.ok) {
        opened.error = "it is malformed: " + check.message();
        return opened;
    }
    if (!load_referenced_stdlib(session, read.image, &opened.error)) return opened;
    opened.image = std::move(read.image);
    opened.ok = true;
    return opened;
}

ModuleObj* load_image(Session& session, const image::Image& image, int* status) {
    image::VerifyResult check = image::verify(image, session.builtins.size());
    if (!check.ok) {
        std::fprintf(stderr, "vb: the compiled program is malformed: %s\n", check.message().c_str());
        *status = 2;
        return nullptr;
    }
    return session.team->load(image);
}

int run_image(Session& session, const image::Image& image, Value* result) {
    int status = 0;
    ModuleObj* entry = load_image(session, image, &status);
    return entry ? session.team->run_main(entry, result) : status;
}

}  // namespace vb::host

namespace vb::host {

ModuleObj* load_program(Session& session, const std::string& path, const std::string& bytes,
                        const image::PublicKey* trusted, bool repl, int* status) {
    if (image::is_image_file(bytes)) {
        OpenedImage opened = open_image(session, bytes, trusted);
        if (!opened.ok) {
            std::fprintf(stderr, "vb: %s: %s\n", path.c_str(), opened.error.c_str());
            *status = 2;
            return nullptr;
        }
        return load_image(session, opened.image, status);
    }
    compiler::CompileOptions options;
    options.builtins = session.builtins;
    options.repl = repl;
    compiler::CompileResult compiled = compiler::compile_program(path, bytes, options);
    if (!compiled.ok) {
        std::fflush(stdout);
        std::fputs(compiled.errors.c_str(), stderr);
        *status = 1;
        return nullptr;
    }
    return load_image(session, compiled.image, status);
}

int run_program(Session& session, const std::string& path, const std::string& bytes,
                const image::PublicKey* trusted, bool repl) {
    int status = 0;
    ModuleObj* entry = load_program(session, path, bytes, trusted, repl, &status);
    if (!entry) return status;
    Value result;
    status = session.team->run_main(entry, &result);
    if (repl && status == 0 && !result.is_nil()) std::printf("%s\n", to_repr(result).c_str());
    return status;
}

bool compile_image_file(Session& session, const std::string& path, const std::string& source, std::string* bytes) {
    compiler::CompileOptions options;
    options.builtins = session.builtins;
    compiler::CompileResult compiled = compiler::compile_program(path, source, options);
    if (!compiled.ok) {
        std::fputs(compiled.errors.c_str(), stderr);
        return false;
    }
    compiler::stamp_versions(compiled.image);
    *bytes = image::write_image_file(compiled.image);
    return true;
}

}  // namespace vb::host
