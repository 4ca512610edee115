// tests/fuzz/compile_fuzz.cpp — fuzz target for the compiler (compiler/*): any
// bytes as source text, compiled as a program and as a REPL line against the
// prelude's builtins.
//
// A diagnostic is a fine outcome; a crash, a sanitizer report or a hang is not.
// What compiles must also be right by construction: the image passes the
// verifier (vm/image/verifier.cpp) — the compiler and the verifier agree on
// every operand — and survives the trip through the .vbi format
// (vm/image/file.cpp) unchanged. Either failure aborts, so libFuzzer keeps the
// input. Built as a libFuzzer target (scripts/fuzz.sh) and, with
// replay_main.cpp, as a plain program that ctest runs over corpus/compile/.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "compiler/compile.h"
#include "vm/image/file.h"
#include "vm/image/verifier.h"

namespace {

using namespace vb;

const std::vector<std::string>& prelude_builtins() {
    static const std::vector<std::string> builtins = [] {
        compiler::CompileResult prelude = compiler::compile_prelude();
        if (!prelude.ok) {
            std::fprintf(stderr, "compile_fuzz: the prelude does not compile:\n%s", prelude.errors.c_str());
            std::abort();
        }
        return prelude.image.modules[prelude.image.entry].globals;
    }();
    return builtins;
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "compile_fuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

// A file import reads whatever path the input names (say /dev/zero, or a FIFO):
// that is the file system under test, not the compiler, so such inputs are
// skipped. Stdlib imports (`import str`) stay.
bool imports_a_file(const std::string& source) {
    for (size_t at = source.find("import"); at != std::string::npos; at = source.find("import", at + 1)) {
        size_t i = at + 6;
        while (i < source.size()) {
            char c = source[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';') {
                i++;
            } else if (c == '#') {
                while (i < source.size() && source[i] != '\n') i++;
            } else {
                break;
            }
        }
        if (i < source.size() && source[i] == '"') return true;
    }
    return false;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same_constant(const image::Constant& a, const image::Constant& b) {
    return a.kind == b.kind && a.int_value == b.int_value && same_bits(a.float_value, b.float_value) &&
           a.text == b.text;
}

bool same_function(const image::Function& a, const image::Function& b) {
    if (a.name != b.name || a.line != b.line || a.param_count != b.param_count ||
        a.required_count != b.required_count || a.has_rest != b.has_rest || a.register_count != b.register_count ||
        a.code != b.code || a.lines != b.lines || a.constants.size() != b.constants.size() ||
        a.captures.size() != b.captures.size())
        return false;
    for (size_t i = 0; i < a.constants.size(); i++)
        if (!same_constant(a.constants[i], b.constants[i])) return false;
    for (size_t i = 0; i < a.captures.size(); i++)
        if (a.captures[i].from_register != b.captures[i].from_register || a.captures[i].index != b.captures[i].index)
            return false;
    return true;
}

// Stdlib modules travel by reference (name and version); the rest in full.
std::string image_difference(const image::Image& compiled, const image::Image& read) {
    if (compiled.entry != read.entry) return "the entry differs";
    if (compiled.prelude_version != read.prelude_version) return "the prelude version differs";
    if (compiled.modules.size() != read.modules.size()) return "the module count differs";
    for (size_t m = 0; m < compiled.modules.size(); m++) {
        const image::Module& a = compiled.modules[m];
        const image::Module& b = read.modules[m];
        std::string where = "module " + std::to_string(m) + " (" + a.name + "): ";
        if (a.name != b.name || a.path != b.path || a.is_stdlib != b.is_stdlib) return where + "name, path or kind";
        if (a.is_stdlib) {
            if (!b.by_reference || a.version != b.version) return where + "the stdlib reference";
            continue;
        }
        if (b.by_reference || a.extends != b.extends) return where + "flags";
        if (a.globals != b.globals) return where + "globals";
        if (a.imports != b.imports) return where + "imports";
        if (a.functions.size() != b.functions.size()) return where + "the function count";
        for (size_t f = 0; f < a.functions.size(); f++)
            if (!same_function(a.functions[f], b.functions[f])) return where + "function " + std::to_string(f);
    }
    return "";
}

void check_compiled(const compiler::CompileResult& compiled, bool repl) {
    image::VerifyResult check = image::verify(compiled.image, prelude_builtins().size());
    if (!check.ok) fail("the compiler produced an image the verifier rejects", check.message());
    // A REPL line extends a module of the team, which the file format does not
    // carry: only whole programs are written to files.
    if (repl) return;
    std::string bytes = image::write_image_file(compiled.image);
    image::ReadResult read = image::read_image_file(bytes);
    if (!read.ok) fail("a written image does not read back", read.error);
    std::string difference = image_difference(compiled.image, read.image);
    if (!difference.empty()) fail("an image read back differs from the one written", difference);
    if (image::write_image_file(read.image) != bytes) fail("an image read back writes different bytes", "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string source(reinterpret_cast<const char*>(data), size);
    if (imports_a_file(source)) return 0;
    compiler::CompileOptions options;
    options.builtins = prelude_builtins();
    compiler::CompileResult program = compiler::compile_program("fuzz/input.vb", source, options);
    if (program.ok) check_compiled(program, false);
    options.repl = true;
    compiler::CompileResult line = compiler::compile_program("fuzz/input.vb", source, options);
    if (line.ok) check_compiled(line, true);
    return 0;
}
