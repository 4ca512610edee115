// compiler/lexer.h — turns vb source text into tokens.
//
// The lexer reads UTF-8 text and produces tokens of the kinds listed in tokens.def;
// the parser (parser.cpp) takes them all at once from tokenize(). The lexer decides
// which newlines end a statement (docs/language.md, "Statements and newlines"), so the parser only
// sees those. Bad input becomes an Error token that carries its own message: the
// lexer never throws and never reports, and the parser reports each error token once,
// when it reaches it, so that a bad character costs one message and not a cascade.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast.h"

namespace vb::compiler {

enum class TokenKind : uint8_t {
#define TOKEN(name, ...) name,
#include "compiler/tokens.def"
};

// A piece of a string literal that contains `${...}`: literal text, or the source
// between `${` and its `}`, which the parser lexes and parses on its own.
struct StringPart {
    std::string text;      // decoded text, or the raw source of the expression
    bool is_code = false;  // text is the source of an interpolated expression
    Loc loc;               // where text starts in the module
};

struct Token {
    TokenKind kind = TokenKind::Eof;
    Loc loc;
    uint32_t length = 0;  // bytes of source the token covers (for an Error: the bad part)
    uint32_t offset = 0;  // byte offset of the token's start in the text given to tokenize()
    uint32_t depth = 0;   // brackets open around the token; the parser recovers by it

    // Identifier and keyword: the spelling. String: the decoded text when there is no
    // interpolation. Symbol: the name without ':'. Int and Float: the spelling as
    // written. Error: the message.
    std::string text;
    std::string hint;                // Error: what to do about it, or ""
    std::vector<StringPart> parts;   // String with `${}`: its pieces in order
    int64_t int_value = 0;
    double float_value = 0;

    // Int: the literal is 9223372036854775808, which is valid only after a unary minus.
    bool needs_minus = false;
    // Error: the input ended inside the token (an unterminated string), so more input
    // could complete it.
    bool at_end_of_input = false;
};

// Lexes [text], which starts at [start] in its module (an interpolated expression
// starts inside a string), and always ends the result with an Eof token.
std::vector<Token> tokenize(std::string_view text, Loc start = {1, 1});

bool is_keyword(TokenKind kind);

// How messages name a kind, such as "')'", "'else'", "end of line" or "a name".
const char* describe(TokenKind kind);

// How messages name a token: like its kind, but names, numbers and symbols are quoted
// as written, such as "'count'", "'42'" or "':ok'".
std::string describe(const Token& token);

// Interpolations nest inside strings inside interpolations; each level lexes with a
// level of C++ recursion, so the depth is bounded.
constexpr int kMaxInterpolationNesting = 100;

}  // namespace vb::compiler
