// compiler/compile.h — the one public entry of the compiler: source text to an
// image holding the program and every module it imports, or rendered diagnostics.
#pragma once

#include <string>
#include <vector>

#include "compiler/resolver.h"
#include "vm/image/image.h"

namespace vb::compiler {

struct CompileOptions {
    std::vector<std::string> builtins;  // the prelude's globals, by slot
    bool repl = false;                  // a REPL line: extends module "<repl>", returns its last value
    std::vector<ModuleGlobal> repl_globals;  // globals of the earlier REPL lines
};

struct CompileResult {
    bool ok = false;
    bool incomplete = false;  // the source ended inside an open construct
    image::Image image;
    std::string errors;       // rendered diagnostics, for stderr
    std::vector<ModuleGlobal> globals;  // the entry module's globals (REPL keeps them)
};

// Compiles `source` (read from `path`, used for diagnostics, traces and relative
// imports).
CompileResult compile_program(const std::string& path, const std::string& source, const CompileOptions& options);

// Compiles the prelude (stdlib/prelude.vb and the modules it imports).
CompileResult compile_prelude();

// The version of a stdlib module: a hash of its source and of its natives'
// names, which fix the module's global slots. "" for an unknown module.
std::string stdlib_module_version(const std::string& name);

// Records in `image` the versions of the prelude and of the stdlib modules it
// was compiled against: what an image file needs to run only where they match.
// (Hashing is left out of plain compiles, which run where they were compiled.)
void stamp_versions(image::Image& image);

}  // namespace vb::compiler
