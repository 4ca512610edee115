// compiler/lexer.cpp — vb source text to tokens.
//
// One Lexer walks the text byte by byte, keeping line and column. Its only state
// beyond the position is the stack of open brackets and the previous token, which
// together decide two context rules of docs/language.md:
//
//   * A newline ends a statement only where the innermost open bracket is a `{` (or
//     none is open), the previous token does not join lines (tokens.def, `newline`
//     column), and the next line does not start with `|>`, `else` or `catch`.
//   * `:name` is a symbol unless the `:` directly follows a name, a literal or a
//     closing bracket, which makes it the colon of a map entry: `{a: :b}`, `{a:b}`.
//
// A string's `${...}` is found by running a second Lexer from just after the `${`
// until an unmatched `}`, so that braces, strings and comments inside it need no rules
// of their own; the token keeps the raw source and where it starts, and the parser
// lexes and parses it again in place.
#include "compiler/lexer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace vb::compiler {

namespace {

struct Spelling {
    std::string_view text;
    TokenKind kind;
};

constexpr Spelling kPunctuation[] = {
#define PUNCT(name, spelling, ...) {spelling, TokenKind::name},
#include "compiler/tokens.def"
};

constexpr Spelling kKeywords[] = {
#define KEYWORD(name, spelling, ...) {spelling, TokenKind::name},
#include "compiler/tokens.def"
};

enum class LineRule : uint8_t { Joins, Ends };

constexpr LineRule kLineRules[] = {
#define TOKEN(name, description, prefix, infix, precedence, newline, op) LineRule::newline,
#include "compiler/tokens.def"
};

constexpr const char* kDescriptions[] = {
#define TOKEN(name, description, ...) description,
#include "compiler/tokens.def"
};

constexpr bool kIsKeyword[] = {
#define TOKEN(name, ...) false,
#define KEYWORD(name, ...) true,
#include "compiler/tokens.def"
};

constexpr uint64_t kInt64Magnitude = uint64_t(1) << 63;  // |INT64_MIN|

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_word_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_word_char(char c) {
    return is_word_start(c) || is_digit(c);
}

int digit_value(char c) {
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

bool is_digit_in_base(char c, int base) {
    return digit_value(c) < base;
}

// The length of the well-formed UTF-8 sequence at [pos] of [text], or 0 when the
// bytes there are not one (bad lead byte, truncated, overlong, surrogate, too big).
size_t utf8_sequence_length(std::string_view text, size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80)
        return 1;
    size_t length;
    uint32_t code_point;
    uint32_t smallest;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, code_point = lead & 0x1F, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code_point = lead & 0x0F, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code_point = lead & 0x07, smallest = 0x10000;
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    for (size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0) != 0x80)
            return 0;
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    if (code_point < smallest || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF))
        return 0;
    return length;
}

void append_utf8(std::string& out, uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

std::string hex_byte(unsigned char byte) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
    return buffer;
}

// The first error found inside a string. Scanning goes on to the closing quote so
// that lexing resumes after the string, and only this first error is reported.
struct Problem {
    bool found = false;
    Loc loc;
    uint32_t length = 1;
    std::string message;
    std::string hint;
    bool at_end_of_input = false;  // more input could have completed the string

    void note(Loc at, size_t bytes, std::string what, std::string help = {}) {
        if (found)
            return;
        found = true;
        loc = at;
        length = static_cast<uint32_t>(bytes);
        message = std::move(what);
        hint = std::move(help);
    }
};

enum class Interpolation { Closed, RanOut };

class Lexer {
public:
    Lexer(std::string_view text, Loc start, int nesting)
        : m_text(text), m_line(start.line), m_col(start.col), m_nesting(nesting) {}

    Token next();

    bool at_end() const { return m_pos >= m_text.size(); }

    // True once an error has swallowed the rest of the input (an unterminated string),
    // so that an enclosing string's scan passes that error on instead of its own.
    bool gave_up() const { return m_gave_up; }

private:
    char peek(size_t ahead = 0) const {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    bool looking_at(std::string_view spelling) const {
        return m_text.substr(m_pos).substr(0, spelling.size()) == spelling;
    }
    Loc here() const { return Loc{m_line, m_col}; }
    void advance(size_t bytes = 1);
    void skip_blanks();
    void give_up();

    bool newline_ends_statement() const;
    bool next_line_continues() const;
    bool follows_value_directly() const;

    Token make_token(TokenKind kind, size_t start, Loc loc) const;
    Token error_token(size_t start, Loc loc, size_t length, std::string message,
                      std::string hint = {}) const;
    Token emit(Token token);
    Token end_of_input();

    Token scan_token();
    Token scan_word();
    Token scan_symbol();
    Token scan_number();
    Token scan_string();
    Token scan_punctuation();
    Token bad_character();
    void skip_digits(int base);
    void scan_escape(std::string& out, Problem& problem);
    void scan_unicode_escape(size_t start, Loc loc, std::string& out, Problem& problem);
    Interpolation scan_interpolation(std::vector<StringPart>& parts, Problem& problem);

    std::string_view m_text;
    size_t m_pos = 0;
    uint32_t m_line;
    uint32_t m_col;
    int m_nesting;  // how many strings' `${` this text is inside
    bool m_gave_up = false;

    std::vector<TokenKind> m_brackets;  // the open brackets, innermost last

    // The previous token, for the newline and symbol rules; Newline at the start, so
    // that leading blank lines are dropped.
    TokenKind m_previous = TokenKind::Newline;
    size_t m_previous_end = std::string_view::npos;

    Loc m_code_end;  // just after the last token other than a newline
    bool m_emitted_code = false;
};

void Lexer::advance(size_t bytes) {
    for (size_t i = 0; i < bytes && m_pos < m_text.size(); ++i) {
        if (m_text[m_pos] == '\n') {
            ++m_line;
            m_col = 1;
        } else {
            ++m_col;
        }
        ++m_pos;
    }
}

void Lexer::give_up() {
    advance(m_text.size() - m_pos);
    m_gave_up = true;
}

void Lexer::skip_blanks() {
    for (;;) {
        const char c = peek();
        if (c == ' ' || c == '\t' || c == '\r') {
            advance();
        } else if (c == '#') {
            while (!at_end() && peek() != '\n')
                advance();
        } else if (m_pos == 0 && looking_at("\xEF\xBB\xBF")) {  // a UTF-8 byte order mark
            advance(3);
        } else {
            return;
        }
    }
}

bool Lexer::newline_ends_statement() const {
    if (!m_brackets.empty() && m_brackets.back() != TokenKind::LeftBrace)
        return false;
    if (m_previous == TokenKind::Newline)  // a blank line, or nothing yet
        return false;
    if (kLineRules[static_cast<size_t>(m_previous)] == LineRule::Joins)
        return false;
    return !next_line_continues();
}

// Whether the next line that holds a token starts with `|>`, `else` or `catch`, which
// can only continue what came before.
bool Lexer::next_line_continues() const {
    size_t pos = m_pos;
    for (;;) {
        while (pos < m_text.size() &&
               (m_text[pos] == ' ' || m_text[pos] == '\t' || m_text[pos] == '\r' || m_text[pos] == '\n'))
            ++pos;
        if (pos < m_text.size() && m_text[pos] == '#') {
            while (pos < m_text.size() && m_text[pos] != '\n')
                ++pos;
            continue;
        }
        break;
    }
    const std::string_view rest = m_text.substr(pos);
    if (rest.substr(0, 2) == "|>")
        return true;
    for (std::string_view word : {std::string_view("else"), std::string_view("catch")}) {
        if (rest.substr(0, word.size()) == word &&
            (rest.size() == word.size() || !is_word_char(rest[word.size()])))
            return true;
    }
    return false;
}

// Whether the token being scanned touches the previous one, and that one ends a
// value: then a `:` here is the colon of a map entry, not the start of a symbol.
bool Lexer::follows_value_directly() const {
    if (m_previous_end != m_pos)
        return false;
    switch (m_previous) {
    case TokenKind::Identifier:
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::Symbol:
    case TokenKind::RightParen:
    case TokenKind::RightBracket:
    case TokenKind::RightBrace:
        return true;
    default:
        return is_keyword(m_previous);
    }
}

Token Lexer::make_token(TokenKind kind, size_t start, Loc loc) const {
    Token token;
    token.kind = kind;
    token.loc = loc;
    token.offset = static_cast<uint32_t>(start);
    token.length = static_cast<uint32_t>(m_pos - start);
    return token;
}

Token Lexer::error_token(size_t start, Loc loc, size_t length, std::string message,
                         std::string hint) const {
    Token token = make_token(TokenKind::Error, start, loc);
    token.length = static_cast<uint32_t>(length);
    token.text = std::move(message);
    token.hint = std::move(hint);
    return token;
}

// Records [token] as the previous one and keeps the bracket stack.
Token Lexer::emit(Token token) {
    switch (token.kind) {
    case TokenKind::LeftParen:
    case TokenKind::LeftBracket:
    case TokenKind::LeftBrace:
        token.depth = static_cast<uint32_t>(m_brackets.size());
        m_brackets.push_back(token.kind);
        break;
    case TokenKind::RightParen:
    case TokenKind::RightBracket:
    case TokenKind::RightBrace: {
        const TokenKind opener = token.kind == TokenKind::RightParen     ? TokenKind::LeftParen
                                 : token.kind == TokenKind::RightBracket ? TokenKind::LeftBracket
                                                                         : TokenKind::LeftBrace;
        // A closer also closes the brackets left open inside the one it matches; a
        // closer that matches nothing is left alone. The parser reports both; this only
        // keeps depths useful for its recovery.
        for (size_t i = m_brackets.size(); i-- > 0;) {
            if (m_brackets[i] == opener) {
                m_brackets.resize(i);
                break;
            }
        }
        token.depth = static_cast<uint32_t>(m_brackets.size());
        break;
    }
    default:
        token.depth = static_cast<uint32_t>(m_brackets.size());
        break;
    }
    m_previous = token.kind;
    m_previous_end = m_pos;
    if (token.kind != TokenKind::Newline) {
        m_code_end = here();
        m_emitted_code = true;
    }
    return token;
}

// The Eof token sits just after the last token, so that "found end of input" points
// at the end of the code rather than at trailing blank lines.
Token Lexer::end_of_input() {
    Token token = make_token(TokenKind::Eof, m_pos, m_emitted_code ? m_code_end : here());
    token.depth = static_cast<uint32_t>(m_brackets.size());
    return token;
}

Token Lexer::next() {
    for (;;) {
        skip_blanks();
        if (at_end())
            return end_of_input();
        if (peek() == '\n') {
            const size_t start = m_pos;
            const Loc loc = here();
            advance();
            if (newline_ends_statement())
                return emit(make_token(TokenKind::Newline, start, loc));
            continue;
        }
        return emit(scan_token());
    }
}

Token Lexer::scan_token() {
    const char c = peek();
    if (is_word_start(c))
        return scan_word();
    if (is_digit(c))
        return scan_number();
    if (c == '"')
        return scan_string();
    if (c == ':' && is_word_start(peek(1)) && !follows_value_directly())
        return scan_symbol();
    return scan_punctuation();
}

Token Lexer::scan_word() {
    const size_t start = m_pos;
    const Loc loc = here();
    while (is_word_char(peek()))
        advance();
    const std::string_view word = m_text.substr(start, m_pos - start);
    TokenKind kind = TokenKind::Identifier;
    for (const Spelling& keyword : kKeywords) {
        if (keyword.text == word) {
            kind = keyword.kind;
            break;
        }
    }
    Token token = make_token(kind, start, loc);
    token.text = std::string(word);
    return token;
}

Token Lexer::scan_symbol() {
    const size_t start = m_pos;
    const Loc loc = here();
    advance();  // the ':'
    while (is_word_char(peek()))
        advance();
    Token token = make_token(TokenKind::Symbol, start, loc);
    token.text = std::string(m_text.substr(start + 1, m_pos - start - 1));
    return token;
}

void Lexer::skip_digits(int base) {
    while (is_digit_in_base(peek(), base) || peek() == '_')
        advance();
}

Token Lexer::scan_number() {
    const size_t start = m_pos;
    const Loc loc = here();
    int base = 10;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X'))
        base = 16;
    else if (peek() == '0' && (peek(1) == 'b' || peek(1) == 'B'))
        base = 2;
    if (base != 10)
        advance(2);
    const size_t digits_start = m_pos;
    skip_digits(base);

    bool is_float = false;
    if (base == 10) {
        if (peek() == '.' && is_digit(peek(1))) {  // not `1..5` nor `1.name`
            is_float = true;
            advance();
            skip_digits(10);
        }
        const bool signed_exponent = (peek(1) == '+' || peek(1) == '-') && is_digit(peek(2));
        if ((peek() == 'e' || peek() == 'E') && (is_digit(peek(1)) || signed_exponent)) {
            is_float = true;
            advance(signed_exponent ? 2 : 1);
            skip_digits(10);
        }
    }

    // A letter or digit glued on makes the whole run one bad literal: `12ab`, `0b12`, `1e`.
    if (is_word_char(peek())) {
        const char glued = peek();
        while (is_word_char(peek()))
            advance();
        const std::string spelling(m_text.substr(start, m_pos - start));
        std::string hint = "put a space or an operator between a number and a name";
        if (base == 2)
            hint = "binary digits are 0 and 1";
        else if (base == 16)
            hint = "hex digits are 0-9 and a-f";
        else if (glued == 'e' || glued == 'E')
            hint = "an exponent needs digits, as in 1e9 or 2.5e-3";
        return error_token(start, loc, m_pos - start, "invalid number '" + spelling + "'", hint);
    }

    const std::string spelling(m_text.substr(start, m_pos - start));
    std::string digits;
    for (char c : m_text.substr(digits_start, m_pos - digits_start)) {
        if (c != '_')
            digits += c;
    }
    if (digits.empty())
        return error_token(start, loc, m_pos - start,
                           "'" + spelling.substr(0, 2) + "' must be followed by digits");
    if (spelling.back() == '_')
        return error_token(start, loc, m_pos - start, "a number cannot end with '_'",
                           "'_' may only separate digits, as in 1_000_000");

    if (is_float) {
        Token token = make_token(TokenKind::Float, start, loc);
        token.text = spelling;
        const std::from_chars_result result =
            std::from_chars(digits.data(), digits.data() + digits.size(), token.float_value);
        if (result.ec == std::errc::result_out_of_range) {
            // Too small rounds to zero, as in every language; too large is an error.
            if (digits.find("e-") == std::string::npos && digits.find("E-") == std::string::npos)
                return error_token(start, loc, m_pos - start, "float literal '" + spelling + "' is too large",
                                   "the largest float is about 1.8e308");
            token.float_value = 0.0;
        }
        return token;
    }

    uint64_t magnitude = 0;
    for (char c : digits) {
        const auto digit = static_cast<uint64_t>(digit_value(c));
        if (magnitude > (kInt64Magnitude - digit) / static_cast<uint64_t>(base))
            return error_token(start, loc, m_pos - start, "integer literal '" + spelling + "' is too large",
                               "ints are 64-bit: the largest is 9223372036854775807; "
                               "write a float such as 1e20 for a larger number");
        magnitude = magnitude * static_cast<uint64_t>(base) + digit;
    }
    Token token = make_token(TokenKind::Int, start, loc);
    token.text = spelling;
    if (magnitude == kInt64Magnitude) {
        token.needs_minus = true;
        token.int_value = std::numeric_limits<int64_t>::min();
    } else {
        token.int_value = static_cast<int64_t>(magnitude);
    }
    return token;
}

Token Lexer::scan_string() {
    const size_t start = m_pos;
    const Loc loc = here();
    advance();  // the opening quote
    std::string text;
    Loc text_loc = here();
    std::vector<StringPart> parts;
    Problem problem;
    for (;;) {
        if (at_end()) {
            m_gave_up = true;
            Token token = error_token(start, loc, 1, "unterminated string",
                                      "add a '\"' where the string should end");
            token.at_end_of_input = true;
            return token;
        }
        const char c = peek();
        if (c == '"') {
            advance();
            break;
        }
        if (c == '\\') {
            scan_escape(text, problem);
            continue;
        }
        if (c == '\r' && peek(1) == '\n') {  // a multi-line string reads the same from a CRLF file
            advance();
            continue;
        }
        if (c == '$' && peek(1) == '{') {
            if (!text.empty())
                parts.push_back(StringPart{std::move(text), false, text_loc});
            text.clear();
            Problem ran_out;
            if (scan_interpolation(parts, ran_out) == Interpolation::RanOut) {
                Token token = error_token(start, ran_out.loc, ran_out.length, ran_out.message, ran_out.hint);
                token.at_end_of_input = ran_out.at_end_of_input;
                return token;
            }
            text_loc = here();
            continue;
        }
        const size_t length = utf8_sequence_length(m_text, m_pos);
        if (length == 0) {
            problem.note(here(), 1,
                         "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(c)) + " in a string",
                         "vb source files must be UTF-8; write other bytes with escapes such as \\u{E9}");
            advance();
            continue;
        }
        text.append(m_text.substr(m_pos, length));
        advance(length);
    }

    if (problem.found)
        return error_token(start, problem.loc, problem.length, problem.message, problem.hint);
    Token token = make_token(TokenKind::String, start, loc);
    if (parts.empty()) {
        token.text = std::move(text);
    } else {
        if (!text.empty())
            parts.push_back(StringPart{std::move(text), false, text_loc});
        token.parts = std::move(parts);
    }
    return token;
}

void Lexer::scan_escape(std::string& out, Problem& problem) {
    const size_t start = m_pos;
    const Loc loc = here();
    advance();  // the backslash
    if (at_end())
        return;  // the caller reports the unterminated string
    const char c = peek();
    switch (c) {
    case 'n': out += '\n'; break;
    case 't': out += '\t'; break;
    case 'r': out += '\r'; break;
    case '0': out += '\0'; break;
    case '\\': out += '\\'; break;
    case '"': out += '"'; break;
    case '$': out += '$'; break;
    case 'u':
        advance();
        scan_unicode_escape(start, loc, out, problem);
        return;
    case '\n':
        problem.note(loc, 1, "a '\\' at the end of a line is not an escape",
                     "a string may span lines as it is; write \\n for a newline");
        break;
    default: {
        const size_t length = std::max<size_t>(utf8_sequence_length(m_text, m_pos), 1);
        problem.note(loc, 1 + length,
                     "unknown escape sequence '\\" + std::string(m_text.substr(m_pos, length)) + "'",
                     "the escapes are \\n \\t \\r \\0 \\\\ \\\" \\$ and \\u{...}");
        advance(length);
        return;
    }
    }
    advance();
}

// After `\u` of an escape that starts at [start]: `{`, one to six hex digits, `}`.
void Lexer::scan_unicode_escape(size_t start, Loc loc, std::string& out, Problem& problem) {
    const char* const hint = "write a code point in hex between braces, as in \\u{1F600}";
    if (peek() != '{') {
        problem.note(loc, 2, "expected '{' after '\\u'", hint);
        return;
    }
    advance();
    uint32_t code_point = 0;
    size_t digits = 0;
    while (is_digit_in_base(peek(), 16)) {
        if (digits < 8)
            code_point = code_point * 16 + static_cast<uint32_t>(digit_value(peek()));
        ++digits;
        advance();
    }
    if (peek() != '}') {
        problem.note(loc, m_pos - start, "unterminated '\\u{' escape", hint);
        return;
    }
    advance();
    const std::string escape(m_text.substr(start, m_pos - start));
    if (digits == 0 || digits > 6)
        problem.note(loc, m_pos - start, "'" + escape + "' needs one to six hex digits", hint);
    else if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        problem.note(loc, m_pos - start, "'" + escape + "' is not a Unicode character",
                     "code points go up to 10FFFF, without the surrogates D800-DFFF");
    else
        append_utf8(out, code_point);
}

// After a string's `${`: finds the matching `}` with a nested Lexer and adds the
// source between them to [parts]. RanOut when the input ends first; then [problem]
// holds the error and the rest of the input is consumed.
Interpolation Lexer::scan_interpolation(std::vector<StringPart>& parts, Problem& problem) {
    const Loc dollar = here();
    advance(2);  // "${"
    if (m_nesting >= kMaxInterpolationNesting) {
        problem.note(dollar, 2, "strings are nested too deeply inside '${}'",
                     "move the inner strings into variables");
        give_up();
        return Interpolation::RanOut;
    }

    const size_t code_start = m_pos;
    const Loc code_loc = here();
    Lexer inner(m_text.substr(m_pos), code_loc, m_nesting + 1);
    int open_braces = 0;
    for (;;) {
        Token token = inner.next();
        if (token.kind == TokenKind::Error && inner.gave_up()) {
            problem.note(token.loc, token.length, token.text, token.hint);
            problem.at_end_of_input = token.at_end_of_input;
            give_up();
            return Interpolation::RanOut;
        }
        if (token.kind == TokenKind::Eof) {
            problem.note(dollar, 2, "unterminated '${' in a string",
                         "close the interpolated expression with '}', then the string with '\"'");
            problem.at_end_of_input = true;
            give_up();
            return Interpolation::RanOut;
        }
        if (token.kind == TokenKind::LeftBrace) {
            ++open_braces;
        } else if (token.kind == TokenKind::RightBrace) {
            if (open_braces == 0) {
                parts.push_back(StringPart{std::string(m_text.substr(code_start, token.offset)), true, code_loc});
                advance(token.offset + 1);
                return Interpolation::Closed;
            }
            --open_braces;
        }
    }
}

Token Lexer::scan_punctuation() {
    const size_t start = m_pos;
    const Loc loc = here();

    // Operators of other languages, caught here to say what vb spells instead.
    struct Foreign {
        std::string_view spelling;
        const char* hint;
    };
    static constexpr Foreign kForeign[] = {
        {"&&", "use 'and'"},
        {"||", "use 'or'"},
        {"!=", nullptr},  // vb's own, listed so that '!' below does not take it
        {"!", "use 'not'"},
    };
    for (const Foreign& foreign : kForeign) {
        if (!looking_at(foreign.spelling))
            continue;
        if (!foreign.hint)
            break;
        advance(foreign.spelling.size());
        return error_token(start, loc, foreign.spelling.size(),
                           "'" + std::string(foreign.spelling) + "' is not a vb operator", foreign.hint);
    }

    const Spelling* longest = nullptr;
    for (const Spelling& punct : kPunctuation) {
        if (looking_at(punct.text) && (!longest || punct.text.size() > longest->text.size()))
            longest = &punct;
    }
    if (!longest)
        return bad_character();
    advance(longest->text.size());
    return make_token(longest->kind, start, loc);
}

Token Lexer::bad_character() {
    const size_t start = m_pos;
    const Loc loc = here();
    const auto byte = static_cast<unsigned char>(peek());
    const size_t length = utf8_sequence_length(m_text, m_pos);
    if (length == 0) {
        advance();
        return error_token(start, loc, 1, "invalid UTF-8 byte " + hex_byte(byte),
                           "vb source files must be UTF-8");
    }
    advance(length);
    const std::string_view character = m_text.substr(start, length);
    std::string shown;
    if (byte < 0x20 || byte == 0x7F) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "U+%04X", byte);
        shown = buffer;
    } else {
        shown = "'" + std::string(character) + "'";
    }
    std::string hint;
    if (character == "'" || character == "`")
        hint = "strings are written between double quotes: \"text\"";
    else if (character == "$")
        hint = "'$' means something only inside a string, as in \"total: ${n}\"";
    else if (length > 1)
        hint = "names are made of ASCII letters, digits and '_'; other characters belong in strings";
    return error_token(start, loc, length, "unexpected character " + shown, hint);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, Loc start) {
    Lexer lexer(text, start, 0);
    std::vector<Token> tokens;
    // Typical code has a token per 3-5 bytes: reserving avoids the copies, and the
    // doubled peak, of growing a large vector step by step.
    tokens.reserve(text.size() / 4 + 16);
    do {
        tokens.push_back(lexer.next());
    } while (tokens.back().kind != TokenKind::Eof);
    return tokens;
}

bool is_keyword(TokenKind kind) {
    return kIsKeyword[static_cast<size_t>(kind)];
}

const char* describe(TokenKind kind) {
    return kDescriptions[static_cast<size_t>(kind)];
}

std::string describe(const Token& token) {
    switch (token.kind) {
    case TokenKind::Identifier:
    case TokenKind::Int:
    case TokenKind::Float:
        return "'" + token.text + "'";
    case TokenKind::Symbol:
        return "':" + token.text + "'";
    default:
        return describe(token.kind);
    }
}

}  // namespace vb::compiler
