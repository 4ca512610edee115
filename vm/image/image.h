// vm/image/image.h — a compiled program as plain data: modules, functions,
// constants, global names. No runtime pointers, so the compiler produces it
// without the VM, the verifier checks it before anything runs, and the loader
// (vm/loader.cpp) turns it into heap objects of a team.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/isa/isa.h"

namespace vb::image {

enum class ConstantKind : uint8_t { Nil, Bool, Int, Float, String, Symbol };

struct Constant {
    ConstantKind kind = ConstantKind::Nil;
    int64_t int_value = 0;  // Int, Bool
    double float_value = 0;
    std::string text;       // String, Symbol

    bool operator==(const Constant&) const = default;
};

// What a closure captures when it is created: a register of the creating function
// (a plain value, or a cell for a captured `var`) or one of its own upvalues.
struct Capture {
    bool from_register = true;
    uint8_t index = 0;
};

struct Function {
    std::string name;        // "" for an anonymous function, "<main>" for a module's top level
    uint32_t line = 0;       // where it is defined
    uint8_t param_count = 0;     // declared parameters, including a rest parameter
    uint8_t required_count = 0;  // parameters without a default
    bool has_rest = false;       // the last parameter collects extra arguments into an array
    uint16_t register_count = 1; // frame size
    std::vector<isa::Instr> code;
    std::vector<uint32_t> lines;  // source line of each instruction
    std::vector<Constant> constants;
    std::vector<Capture> captures;
};

struct Module {
    std::string name;   // "main", a stdlib name like "str", or the file path for file imports
    std::string path;   // source path used in traces
    bool is_stdlib = false;
    bool extends = false;  // adds to the team's module of this name (a REPL line)
    // A stdlib module read from a file holds only its name and version: the VM
    // fills it from its own stdlib (servers/host/session.cpp) before verifying.
    bool by_reference = false;
    std::string version;   // stdlib modules: hash of their source and natives
    std::vector<Function> functions;    // [0] is the module's top level; Closure Bx indexes here
    std::vector<std::string> globals;   // global slot -> name (natives of a stdlib module come first)
    std::vector<uint32_t> imports;      // Import Bx -> index into Image::modules
};

struct Image {
    std::vector<Module> modules;
    uint32_t entry = 0;  // the module whose top level is the program
    // The version of the prelude the code was compiled against: its globals are
    // addressed by slot, so an image runs only with the same prelude.
    std::string prelude_version;
};

}  // namespace vb::image
