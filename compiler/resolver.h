// compiler/resolver.h — scope resolution: which declaration every name means.
//
// The resolver walks a parsed module once, before codegen. It declares every
// binding (let, var, fn, parameters, pattern names, catch names, imports),
// resolves every Name to its Binding, to a module global, or to a prelude global,
// and records which bindings inner functions capture. It reports undefined names
// (with a "did you mean" hint) and assignments to immutable bindings. Codegen then
// decides registers and cells from what is recorded here.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast.h"
#include "compiler/diagnostics.h"

namespace vb::compiler {

struct FunctionScope;

struct Binding {
    std::string name;
    Loc loc;
    bool is_mutable = false;   // `var`
    bool is_local_fn = false;  // `fn name` inside a function (hoisted, may recurse)
    bool captured = false;     // an inner function uses it
    bool is_global = false;    // a module global (top-level declaration)
    uint32_t global_slot = 0;
    FunctionScope* owner = nullptr;
    int reg = -1;  // codegen: the register holding the value (or its cell)

    // A captured binding that can change after capture lives in a cell, shared by
    // the function that declares it and every closure that captures it. An
    // immutable binding is captured by copying its value.
    bool needs_cell() const { return captured && (is_mutable || is_local_fn); }
};

struct FunctionScope {
    FunctionScope* parent = nullptr;
    std::vector<Binding*> captures;  // upvalue i of the function is captures[i]
    std::unordered_map<Binding*, uint32_t> capture_slot;

    uint32_t capture(Binding* b) {
        auto found = capture_slot.find(b);
        if (found != capture_slot.end()) return found->second;
        uint32_t slot = static_cast<uint32_t>(captures.size());
        captures.push_back(b);
        capture_slot.emplace(b, slot);
        return slot;
    }
};

struct ModuleGlobal {
    std::string name;
    bool is_mutable = false;
};

// Everything the resolver creates; it lives as long as the module's AST.
struct Resolution {
    std::vector<std::unique_ptr<Binding>> bindings;
    std::vector<std::unique_ptr<FunctionScope>> scopes;
    FunctionScope* top_level = nullptr;
    std::vector<ModuleGlobal> globals;  // slot -> name; known globals come first
    std::unordered_map<std::string, uint32_t> global_slots;
};

struct ResolveOptions {
    std::vector<std::string> builtins;      // prelude globals, by slot
    std::vector<ModuleGlobal> known_globals; // REPL: globals of earlier lines
    std::vector<std::string> native_names;   // stdlib module: its natives, bound first
    bool repl = false;                       // a REPL line may `return` from the top level
};

// Returns false if errors were reported.
bool resolve_module(Module& module, const ResolveOptions& options, Resolution& out, Diagnostics& diagnostics);

}  // namespace vb::compiler
