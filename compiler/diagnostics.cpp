// compiler/diagnostics.cpp — records compile errors and renders them Rust-style.
//
// The rendering is fixed by docs/language.md ("Errors"):
//
//   error: expected an expression, found ')'
//     --> path/to/prog.vb:3:14
//      |
//    3 | let x = (1 + )
//      |              ^
//      = hint: ...
//
// Columns count bytes, but the caret line is built from the source line itself, so
// tabs stay tabs and a multi-byte character takes one column on a terminal.
#include "compiler/diagnostics.h"

#include <algorithm>
#include <utility>

namespace vb::compiler {

namespace {

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

Diagnostics::Diagnostics(std::string path, const std::string& source)
    : m_path(std::move(path)), m_source(source) {}

void Diagnostics::error(Loc at, std::string message, std::string hint, uint32_t length) {
    if (m_diagnostics.size() >= kMaxRecorded)
        return;
    m_diagnostics.push_back(Diagnostic{m_path, at, std::max<uint32_t>(length, 1),
                                       std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const {
    return !m_diagnostics.empty();
}

const std::vector<Diagnostic>& Diagnostics::all() const {
    return m_diagnostics;
}

const std::string& Diagnostics::path() const {
    return m_path;
}

std::string Diagnostics::render() const {
    std::string out;
    for (const Diagnostic& diagnostic : m_diagnostics) {
        if (!out.empty())
            out += '\n';
        out += render(diagnostic);
    }
    return out;
}

std::string_view Diagnostics::source_line(uint32_t line) const {
    size_t start = 0;
    for (uint32_t n = 1; n < line; ++n) {
        size_t newline = m_source.find('\n', start);
        if (newline == std::string::npos)
            return {};  // past the end: an empty line after the last one
        start = newline + 1;
    }
    size_t end = m_source.find('\n', start);
    if (end == std::string::npos)
        end = m_source.size();
    if (end > start && m_source[end - 1] == '\r')
        --end;
    return std::string_view(m_source).substr(start, end - start);
}

std::string Diagnostics::render(const Diagnostic& diagnostic) const {
    const Loc loc = diagnostic.loc;
    std::string out = "error: " + diagnostic.message + "\n";
    if (loc.line == 0) {  // no position known: name the file only
        out += "  --> " + diagnostic.path + "\n";
        if (!diagnostic.hint.empty())
            out += "  = hint: " + diagnostic.hint + "\n";
        return out;
    }

    const std::string number = std::to_string(loc.line);
    const std::string margin(number.size() + 1, ' ');  // as wide as " 3" in " 3 | "
    out += margin + "--> " + diagnostic.path + ":" + number + ":" + std::to_string(loc.col) + "\n";
    out += margin + " |\n";

    const std::string_view line = source_line(loc.line);
    out += " " + number + " | ";
    out += line;
    out += "\n";

    // Copy the line's layout up to the column so the caret lands under the same
    // character the terminal shows: tabs stay tabs, continuation bytes take no room.
    std::string carets = margin + " | ";
    const size_t before = loc.col > 0 ? loc.col - 1 : 0;
    for (size_t i = 0; i < before; ++i) {
        if (i >= line.size())
            carets += ' ';
        else if (line[i] == '\t')
            carets += '\t';
        else if (!is_continuation_byte(line[i]))
            carets += ' ';
    }
    size_t width = 0;
    for (size_t i = before; i < before + diagnostic.length && i < line.size(); ++i) {
        if (!is_continuation_byte(line[i]))
            ++width;
    }
    carets.append(std::max<size_t>(width, 1), '^');
    out += carets + "\n";

    if (!diagnostic.hint.empty())
        out += margin + " = hint: " + diagnostic.hint + "\n";
    return out;
}

}  // namespace vb::compiler
