// compiler/compile.cpp — the compile driver: parses the entry module, follows its
// imports (stdlib modules by name, files relative to the importer), reports import
// cycles by name, then resolves and generates each module into one image.
#include "compiler/compile.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "compiler/codegen.h"
#include "compiler/diagnostics.h"
#include "compiler/parser.h"
#include "compiler/stdlib_sources.h"
#include "vm/image/file.h"

namespace vb::compiler {

namespace {

std::vector<std::string> native_names(const std::string& module) {
    std::vector<std::string> names;
#define NATIVE(mod, name, min, max, fn, effects) \
    if (module == #mod) names.push_back(#name);
#include "vm/builtins/natives.def"
#undef NATIVE
    return names;
}

// With stdio, not an ifstream: the first stream a process makes builds the C++
// locale, whose code and tables cost a few hundred KiB of memory. As with the
// stream, a read error ends the text.
bool read_source(const std::string& path, std::string* out) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return false;
    char buffer[16384];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) out->append(buffer, n);
    std::fclose(file);
    return true;
}

class Driver {
public:
    explicit Driver(const CompileOptions& options) : m_options(options) {}

    CompileResult result;

    // Returns the module's index in the image, or -1 after reporting errors.
    long compile(const std::string& key, const std::string& name, const std::string& path, const std::string& source,
                 bool is_stdlib, bool is_entry) {
        auto module = std::make_unique<Module>();
        module->path = path;
        module->source = source;
        Module& m = *module;
        m_modules.push_back(std::move(module));
        auto diagnostics = std::make_unique<Diagnostics>(path, m.source);
        Diagnostics& diags = *diagnostics;
        m_diagnostics.push_back(std::move(diagnostics));

        if (!parse_module(m, diags)) {
            if (is_entry && diags.incomplete) result.incomplete = true;
            result.errors += diags.render();
            return -1;
        }

        CodegenOptions codegen;
        codegen.builtins = m_options.builtins;
        codegen.repl = is_entry && m_options.repl;
        m_in_progress.push_back({key, path});
        bool imports_ok = true;
        for (Stmt* s : m.stmts) {
            if (s->kind != StmtKind::Import) continue;
            long target = import(s, path, diags);
            if (target < 0) {
                imports_ok = false;
                continue;
            }
            codegen.import_targets[s->import_path] = static_cast<uint32_t>(target);
        }
        m_in_progress.pop_back();

        ResolveOptions resolve;
        resolve.builtins = m_options.builtins;
        if (is_entry && m_options.repl) {
            resolve.known_globals = m_options.repl_globals;
            resolve.repl = true;
        }
        if (is_stdlib) resolve.native_names = native_names(name);
        auto resolution = std::make_unique<Resolution>();
        image::Module out;
        out.name = name;
        out.path = path;
        out.is_stdlib = is_stdlib;
        out.extends = is_entry && m_options.repl;
        bool ok = resolve_module(m, resolve, *resolution, diags) && imports_ok;
        if (ok) ok = generate_module(m, *resolution, codegen, out, diags);
        if (!ok) {
            result.errors += diags.render();
            return -1;
        }
        if (is_entry) result.globals = resolution->globals;
        long index = static_cast<long>(result.image.modules.size());
        result.image.modules.push_back(std::move(out));
        m_done[key] = index;
        return index;
    }

private:
    long import(Stmt* s, const std::string& importer, Diagnostics& diags) {
        std::string key, name, path, source;
        bool is_stdlib = !s->import_is_file;
        if (is_stdlib) {
            const char* text = stdlib_source(s->import_path);
            if (!text) {
                diags.error(s->loc, "there is no stdlib module named '" + s->import_path + "'",
                            "to import a file, write: import \"" + s->import_path + ".vb\" as " + s->import_path);
                return -1;
            }
            key = "std:" + s->import_path;
            name = s->import_path;
            path = "<stdlib>/" + s->import_path + ".vb";
            source = text;
        } else {
            namespace fs = std::filesystem;
            fs::path joined = fs::path(importer).parent_path() / s->import_path;
            path = joined.lexically_normal().string();
            std::error_code ec;
            fs::path canonical = fs::weakly_canonical(joined, ec);
            key = ec ? path : canonical.string();
            name = path;
        }
        for (size_t i = 0; i < m_in_progress.size(); i++) {
            if (m_in_progress[i].first != key) continue;
            std::string cycle;
            for (size_t j = i; j < m_in_progress.size(); j++) cycle += m_in_progress[j].second + " -> ";
            diags.error(s->loc, "import cycle: " + cycle + path,
                        "move what both modules need into a third module that both import");
            return -1;
        }
        if (auto found = m_done.find(key); found != m_done.end()) return found->second;
        if (!is_stdlib) {
            if (!read_source(path, &source)) {
                diags.error(s->loc, "cannot read the module '" + s->import_path + "' (looked for " + path + ")");
                return -1;
            }
        }
        return compile(key, name, path, source, is_stdlib, false);
    }

    const CompileOptions& m_options;
    std::vector<std::unique_ptr<Module>> m_modules;
    std::vector<std::unique_ptr<Diagnostics>> m_diagnostics;
    std::vector<std::pair<std::string, std::string>> m_in_progress;  // (key, path) of the import chain
    std::map<std::string, long> m_done;
};

}  // namespace

CompileResult compile_program(const std::string& path, const std::string& source, const CompileOptions& options) {
    Driver driver(options);
    std::string name = options.repl ? "<repl>" : path;
    long entry = driver.compile("entry:" + path, name, path, source, false, true);
    CompileResult result = std::move(driver.result);
    result.ok = entry >= 0;
    if (result.ok) result.image.entry = static_cast<uint32_t>(entry);
    return result;
}

void stamp_versions(image::Image& image) {
    image.prelude_version = stdlib_module_version("prelude");
    for (image::Module& m : image.modules)
        if (m.is_stdlib) m.version = stdlib_module_version(m.name);
}

std::string stdlib_module_version(const std::string& name) {
    const char* source = stdlib_source(name);
    if (!source) return "";
    std::string text = source;
    for (const std::string& native : native_names(name)) {
        text.push_back('\0');
        text += native;
    }
    image::Hash hash = image::content_hash(text);
    return image::to_hex(hash.data(), 8);
}

CompileResult compile_prelude() {
    CompileOptions options;
    Driver driver(options);
    const char* text = stdlib_source("prelude");
    long entry = driver.compile("std:prelude", "prelude", "<stdlib>/prelude.vb", text ? text : "", true, false);
    CompileResult result = std::move(driver.result);
    result.ok = entry >= 0;
    if (result.ok) result.image.entry = static_cast<uint32_t>(entry);
    return result;
}

}  // namespace vb::compiler
