// compiler/diagnostics.h — compile errors and how they are shown.
//
// The lexer's error tokens, the parser (parser.cpp), the resolver and codegen all
// report here; the `vb` executable prints render() on stderr, and the REPL reads
// `incomplete` to decide whether to ask for another line. A diagnostic is located by
// line and column (bytes, 1-based) in the module source, which this object shows as
// an excerpt with a caret, in the format fixed by docs/language.md ("Errors").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast.h"

namespace vb::compiler {

struct Diagnostic {
    std::string path;
    Loc loc;
    uint32_t length = 1;  // bytes of source the caret line underlines
    std::string message;
    std::string hint;     // "" when there is nothing more to say
};

class Diagnostics {
public:
    // Keeps a reference to [source]: it must outlive this object.
    Diagnostics(std::string path, const std::string& source);

    // Records an error at [at]; errors after the first 20 are dropped, since
    // by then they are more likely echoes than news.
    void error(Loc at, std::string message, std::string hint = {}, uint32_t length = 1);

    bool has_errors() const;
    const std::vector<Diagnostic>& all() const;

    // Set when the input ended inside an open construct (a bracket, a block, a
    // string, a binary operator), so that the REPL reads another line instead of
    // reporting the error.
    bool incomplete = false;

    // Every diagnostic, in order, separated by blank lines.
    std::string render() const;

    const std::string& path() const;

private:
    static constexpr size_t kMaxRecorded = 20;

    std::string render(const Diagnostic& diagnostic) const;
    std::string_view source_line(uint32_t line) const;

    std::string m_path;
    const std::string& m_source;
    std::vector<Diagnostic> m_diagnostics;
};

}  // namespace vb::compiler
