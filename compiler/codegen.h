// compiler/codegen.h — resolved syntax tree to register bytecode, one module at
// a time, through FunctionBuilder.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"
#include "compiler/resolver.h"
#include "vm/image/image.h"

namespace vb::compiler {

struct CodegenOptions {
    std::vector<std::string> builtins;  // prelude globals, by slot (empty for the prelude itself)
    // Import statement path (as written) -> index of the module in the image.
    std::unordered_map<std::string, uint32_t> import_targets;
    bool repl = false;  // the top level returns the value of its last expression
};

// Fills `out.functions`, `out.globals` and `out.imports`. Returns false if errors
// were reported.
bool generate_module(Module& module, Resolution& resolution, const CodegenOptions& options, image::Module& out,
                     Diagnostics& diagnostics);

}  // namespace vb::compiler
