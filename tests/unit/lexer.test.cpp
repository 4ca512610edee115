// tests/unit/lexer.test.cpp — unit tests of compiler/lexer.{h,cpp}.
//
// Token kinds (every entry of tokens.def), numbers, strings and their escapes and
// interpolations, the symbol-or-colon rule, which newlines become tokens, locations,
// bracket depths, and error tokens.
#include "compiler/lexer.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

using namespace vb::compiler;

namespace {

std::vector<TokenKind> kinds(std::string_view source) {
    std::vector<TokenKind> out;
    for (const Token& token : tokenize(source))
        out.push_back(token.kind);
    return out;
}

// The one token [source] lexes to (besides Eof).
Token only_token(std::string_view source) {
    std::vector<Token> tokens = tokenize(source);
    REQUIRE(tokens.size() == 2);
    REQUIRE(tokens[1].kind == TokenKind::Eof);
    return tokens[0];
}

// The spellings of the table, expanded the same way the lexer expands them.
struct Spelling {
    const char* text;
    TokenKind kind;
};

const Spelling kPunctuation[] = {
#define PUNCT(name, spelling, ...) {spelling, TokenKind::name},
#include "compiler/tokens.def"
};

const Spelling kKeywords[] = {
#define KEYWORD(name, spelling, ...) {spelling, TokenKind::name},
#include "compiler/tokens.def"
};

using K = TokenKind;

}  // namespace

TEST_CASE("lexer: every operator and punctuation mark of tokens.def lexes to its kind", "[lexer]") {
    for (const Spelling& punct : kPunctuation) {
        INFO(punct.text);
        const Token token = only_token(punct.text);
        CHECK(token.kind == punct.kind);
        CHECK(token.length == std::string_view(punct.text).size());
        CHECK(describe(token.kind) == "'" + std::string(punct.text) + "'");
    }
}

TEST_CASE("lexer: every keyword of tokens.def lexes to its kind, and longer words are names", "[lexer]") {
    for (const Spelling& keyword : kKeywords) {
        INFO(keyword.text);
        const Token token = only_token(keyword.text);
        CHECK(token.kind == keyword.kind);
        CHECK(token.text == keyword.text);
        CHECK(is_keyword(token.kind));
        const Token longer = only_token(std::string(keyword.text) + "x");
        CHECK(longer.kind == K::Identifier);
        CHECK_FALSE(is_keyword(longer.kind));
    }
}

TEST_CASE("lexer: operators are matched longest first", "[lexer]") {
    CHECK(kinds("a..=b") == std::vector<K>{K::Identifier, K::DotDotEqual, K::Identifier, K::Eof});
    CHECK(kinds("...xs") == std::vector<K>{K::Ellipsis, K::Identifier, K::Eof});
    CHECK(kinds("x//=2") == std::vector<K>{K::Identifier, K::SlashSlashEqual, K::Int, K::Eof});
    CHECK(kinds("s++=t") == std::vector<K>{K::Identifier, K::PlusPlusEqual, K::Identifier, K::Eof});
    CHECK(kinds("a|>f") == std::vector<K>{K::Identifier, K::PipeGreater, K::Identifier, K::Eof});
    CHECK(kinds("a**-b") == std::vector<K>{K::Identifier, K::StarStar, K::Minus, K::Identifier, K::Eof});
    CHECK(kinds("p=>q") == std::vector<K>{K::Identifier, K::FatArrow, K::Identifier, K::Eof});
    CHECK(kinds("a<<b>>c<=d") ==
          std::vector<K>{K::Identifier, K::LessLess, K::Identifier, K::GreaterGreater, K::Identifier,
                         K::LessEqual, K::Identifier, K::Eof});
}

TEST_CASE("lexer: names", "[lexer]") {
    const std::vector<Token> tokens = tokenize("_ _private x1 camelCase");
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[0].text == "_");
    CHECK(tokens[1].text == "_private");
    CHECK(tokens[2].text == "x1");
    CHECK(tokens[3].text == "camelCase");
    CHECK(describe(tokens[3]) == "'camelCase'");
}

TEST_CASE("lexer: integers in decimal, hex and binary, with underscores", "[lexer]") {
    CHECK(only_token("42").int_value == 42);
    CHECK(only_token("0").int_value == 0);
    CHECK(only_token("0x2a").int_value == 42);
    CHECK(only_token("0XFF").int_value == 255);
    CHECK(only_token("0b101").int_value == 5);
    CHECK(only_token("1_000_000").int_value == 1000000);
    CHECK(only_token("0xdead_beef").int_value == 0xdeadbeef);
    CHECK(only_token("9223372036854775807").int_value == std::numeric_limits<int64_t>::max());
    CHECK(only_token("1_000").text == "1_000");
    CHECK(describe(only_token("42")) == "'42'");
}

TEST_CASE("lexer: 2**63 lexes, marked as valid only after a minus; larger ints are errors", "[lexer]") {
    const Token edge = only_token("9223372036854775808");
    CHECK(edge.kind == K::Int);
    CHECK(edge.needs_minus);
    CHECK(edge.int_value == std::numeric_limits<int64_t>::min());

    const Token big = only_token("9223372036854775809");
    CHECK(big.kind == K::Error);
    CHECK(big.text == "integer literal '9223372036854775809' is too large");
    CHECK(only_token("0x10000000000000000").kind == K::Error);
    CHECK(only_token("0xffffffffffffffff").kind == K::Error);
}

TEST_CASE("lexer: floats", "[lexer]") {
    CHECK(only_token("3.14").float_value == 3.14);
    CHECK(only_token("1e9").float_value == 1e9);
    CHECK(only_token("1.5e+3").float_value == 1500.0);
    CHECK(only_token("1e-5").float_value == 1e-5);
    CHECK(only_token("2E3").float_value == 2000.0);
    CHECK(only_token("1_000.5").float_value == 1000.5);
    CHECK(only_token("1e-400").float_value == 0.0);  // underflow rounds to zero
    CHECK(only_token("3.14").kind == K::Float);
    CHECK(only_token("1e9").kind == K::Float);

    const Token huge = only_token("1e999");
    CHECK(huge.kind == K::Error);
    CHECK(huge.text == "float literal '1e999' is too large");
}

TEST_CASE("lexer: a dot after an int is not a float when no digit follows", "[lexer]") {
    CHECK(kinds("1..5") == std::vector<K>{K::Int, K::DotDot, K::Int, K::Eof});
    CHECK(kinds("1..=5") == std::vector<K>{K::Int, K::DotDotEqual, K::Int, K::Eof});
    CHECK(kinds("x.0") == std::vector<K>{K::Identifier, K::Dot, K::Int, K::Eof});
    CHECK(kinds("1.abs") == std::vector<K>{K::Int, K::Dot, K::Identifier, K::Eof});
}

TEST_CASE("lexer: malformed numbers are one error token each", "[lexer]") {
    const Token glued = only_token("12ab");
    CHECK(glued.kind == K::Error);
    CHECK(glued.text == "invalid number '12ab'");
    CHECK(glued.length == 4);
    CHECK(only_token("0b102").hint == "binary digits are 0 and 1");
    CHECK(only_token("0xfg").kind == K::Error);
    CHECK(only_token("1e").hint == "an exponent needs digits, as in 1e9 or 2.5e-3");
    CHECK(only_token("0x").text == "'0x' must be followed by digits");
    CHECK(only_token("1_").text == "a number cannot end with '_'");
}

TEST_CASE("lexer: string escapes", "[lexer]") {
    const Token token = only_token(R"("a\nb\tc\rd\0e\\f\"g\$h")");
    CHECK(token.kind == K::String);
    CHECK(token.parts.empty());
    CHECK(token.text == std::string("a\nb\tc\rd\0e\\f\"g$h", 15));
    CHECK(only_token(R"("\u{1F600}")").text == "\xF0\x9F\x98\x80");
    CHECK(only_token(R"("\u{e9}")").text == "\xC3\xA9");
    CHECK(only_token(R"("\u{41}")").text == "A");
    CHECK(only_token(R"("$x and $")").text == "$x and $");  // '$' without '{' is plain
    CHECK(only_token("\"caf\xC3\xA9\"").text == "caf\xC3\xA9");
    CHECK(only_token("\"two\nlines\"").text == "two\nlines");
    CHECK(only_token("\"two\r\nlines\"").text == "two\nlines");
    CHECK(describe(token) == "a string");
}

TEST_CASE("lexer: bad escapes are errors located at the escape", "[lexer]") {
    const Token unknown = only_token(R"("ab\qcd")");
    CHECK(unknown.kind == K::Error);
    CHECK(unknown.text == "unknown escape sequence '\\q'");
    CHECK(unknown.loc.col == 4);
    CHECK(unknown.length == 2);

    CHECK(only_token(R"("\u{110000}")").text == "'\\u{110000}' is not a Unicode character");
    CHECK(only_token(R"("\u{D800}")").text == "'\\u{D800}' is not a Unicode character");
    CHECK(only_token(R"("\u{}")").text == "'\\u{}' needs one to six hex digits");
    CHECK(only_token(R"("\u{1234567}")").text == "'\\u{1234567}' needs one to six hex digits");
    CHECK(only_token(R"("\u41")").text == "expected '{' after '\\u'");
    CHECK(only_token(R"("\u{41")").text == "unterminated '\\u{' escape");
    CHECK(only_token("\"\xFF\"").text == "invalid UTF-8 byte 0xFF in a string");
}

TEST_CASE("lexer: an error inside a string does not disturb the tokens after it", "[lexer]") {
    CHECK(kinds(R"("\q" + 1)") == std::vector<K>{K::Error, K::Plus, K::Int, K::Eof});
}

TEST_CASE("lexer: interpolation keeps the raw source of each ${} and where it starts", "[lexer]") {
    const Token token = only_token(R"("x = ${x + 1}!")");
    REQUIRE(token.kind == K::String);
    REQUIRE(token.parts.size() == 3);
    CHECK_FALSE(token.parts[0].is_code);
    CHECK(token.parts[0].text == "x = ");
    CHECK(token.parts[1].is_code);
    CHECK(token.parts[1].text == "x + 1");
    CHECK(token.parts[1].loc.line == 1);
    CHECK(token.parts[1].loc.col == 8);
    CHECK(token.parts[2].text == "!");
}

TEST_CASE("lexer: interpolation handles nested braces, strings and interpolations", "[lexer]") {
    const Token token = only_token(R"("a${ {k: "}"}["}"] }b${"in ${"ner"}"}")");
    REQUIRE(token.kind == K::String);
    REQUIRE(token.parts.size() == 4);
    CHECK(token.parts[1].text == R"( {k: "}"}["}"] )");
    CHECK(token.parts[2].text == "b");
    CHECK(token.parts[3].text == R"("in ${"ner"}")");

    const std::vector<Token> inner = tokenize(token.parts[3].text, token.parts[3].loc);
    REQUIRE(inner.size() == 2);
    REQUIRE(inner[0].parts.size() == 2);
    CHECK(inner[0].parts[1].text == R"("ner")");
}

TEST_CASE("lexer: interpolation positions follow lines", "[lexer]") {
    const std::vector<Token> tokens = tokenize("x\n  \"ab\n${y}\"");
    REQUIRE(tokens[2].kind == K::String);
    CHECK(tokens[2].loc.line == 2);
    CHECK(tokens[2].loc.col == 3);
    REQUIRE(tokens[2].parts.size() == 2);
    CHECK(tokens[2].parts[1].loc.line == 3);
    CHECK(tokens[2].parts[1].loc.col == 3);
}

TEST_CASE("lexer: a string without an end is an error that asks for more input", "[lexer]") {
    const Token plain = only_token("\"abc");
    CHECK(plain.kind == K::Error);
    CHECK(plain.text == "unterminated string");
    CHECK(plain.at_end_of_input);
    CHECK(plain.loc.col == 1);

    const Token open = only_token("\"a ${b");
    CHECK(open.text == "unterminated '${' in a string");
    CHECK(open.at_end_of_input);
    CHECK(open.loc.col == 4);

    const Token inner = only_token("\"a ${\"b");
    CHECK(inner.text == "unterminated string");
    CHECK(inner.at_end_of_input);
}

TEST_CASE("lexer: interpolation nesting is bounded", "[lexer]") {
    std::string deep = "x = ";
    for (int i = 0; i < 1000; ++i)
        deep += "\"${";
    const std::vector<Token> tokens = tokenize(deep);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[2].kind == K::Error);
    CHECK(tokens[2].text == "strings are nested too deeply inside '${}'");
    CHECK_FALSE(tokens[2].at_end_of_input);
}

TEST_CASE("lexer: ':name' is a symbol unless the ':' touches a name, literal or closing bracket", "[lexer]") {
    CHECK(kinds("{a: :b}") == std::vector<K>{K::LeftBrace, K::Identifier, K::Colon, K::Symbol, K::RightBrace, K::Eof});
    CHECK(kinds("{a:b}") == std::vector<K>{K::LeftBrace, K::Identifier, K::Colon, K::Identifier, K::RightBrace, K::Eof});
    CHECK(kinds("{a :b}") == std::vector<K>{K::LeftBrace, K::Identifier, K::Symbol, K::RightBrace, K::Eof});
    CHECK(kinds("{\"k\":v}") == std::vector<K>{K::LeftBrace, K::String, K::Colon, K::Identifier, K::RightBrace, K::Eof});
    CHECK(kinds("{(k):v}") ==
          std::vector<K>{K::LeftBrace, K::LeftParen, K::Identifier, K::RightParen, K::Colon, K::Identifier,
                         K::RightBrace, K::Eof});
    CHECK(kinds("{1:v}") == std::vector<K>{K::LeftBrace, K::Int, K::Colon, K::Identifier, K::RightBrace, K::Eof});
    CHECK(kinds("{:a: 1}") == std::vector<K>{K::LeftBrace, K::Symbol, K::Colon, K::Int, K::RightBrace, K::Eof});
    CHECK(kinds("{fn:f}") == std::vector<K>{K::LeftBrace, K::Fn, K::Colon, K::Identifier, K::RightBrace, K::Eof});
    CHECK(kinds("f(:a,:b)") ==
          std::vector<K>{K::Identifier, K::LeftParen, K::Symbol, K::Comma, K::Symbol, K::RightParen, K::Eof});
    CHECK(kinds("x[:k]") == std::vector<K>{K::Identifier, K::LeftBracket, K::Symbol, K::RightBracket, K::Eof});
    CHECK(kinds(": 5") == std::vector<K>{K::Colon, K::Int, K::Eof});

    const Token symbol = only_token(":if_ok2");
    CHECK(symbol.kind == K::Symbol);
    CHECK(symbol.text == "if_ok2");
    CHECK(symbol.length == 7);
    CHECK(describe(symbol) == "':if_ok2'");
}

TEST_CASE("lexer: comments, including a #! line, are skipped", "[lexer]") {
    CHECK(kinds("#!/usr/bin/env vb\nx # note\n# whole line\ny") ==
          std::vector<K>{K::Identifier, K::Newline, K::Identifier, K::Eof});
    CHECK(kinds("\xEF\xBB\xBFx") == std::vector<K>{K::Identifier, K::Eof});
}

TEST_CASE("lexer: newlines end statements only where they can", "[lexer]") {
    SECTION("at top level and in braces they are tokens; blank lines collapse") {
        CHECK(kinds("a\n\n\nb") == std::vector<K>{K::Identifier, K::Newline, K::Identifier, K::Eof});
        CHECK(kinds("{\na\nb\n}") ==
              std::vector<K>{K::LeftBrace, K::Identifier, K::Newline, K::Identifier, K::Newline, K::RightBrace,
                             K::Eof});
    }
    SECTION("leading newlines are dropped, and there is none before Eof unless written") {
        CHECK(kinds("\n\na") == std::vector<K>{K::Identifier, K::Eof});
        CHECK(kinds("a\n") == std::vector<K>{K::Identifier, K::Newline, K::Eof});
    }
    SECTION("inside ( and [ they are ignored, also in braces nested in them and vice versa") {
        CHECK(kinds("f(a,\nb\n)") ==
              std::vector<K>{K::Identifier, K::LeftParen, K::Identifier, K::Comma, K::Identifier, K::RightParen,
                             K::Eof});
        CHECK(kinds("[a\nb]") == std::vector<K>{K::LeftBracket, K::Identifier, K::Identifier, K::RightBracket, K::Eof});
        CHECK(kinds("({a\nb})") ==
              std::vector<K>{K::LeftParen, K::LeftBrace, K::Identifier, K::Newline, K::Identifier, K::RightBrace,
                             K::RightParen, K::Eof});
    }
    SECTION("a line ending in a binary operator, ',', '=' or an open bracket continues") {
        CHECK(kinds("a +\nb") == std::vector<K>{K::Identifier, K::Plus, K::Identifier, K::Eof});
        CHECK(kinds("a and\nb") == std::vector<K>{K::Identifier, K::And, K::Identifier, K::Eof});
        CHECK(kinds("x =\n1") == std::vector<K>{K::Identifier, K::Equal, K::Int, K::Eof});
        CHECK(kinds("{\na: 1,\n}") ==
              std::vector<K>{K::LeftBrace, K::Identifier, K::Colon, K::Int, K::Comma, K::RightBrace, K::Eof});
        CHECK(kinds("a + # comment\nb") == std::vector<K>{K::Identifier, K::Plus, K::Identifier, K::Eof});
    }
    SECTION("a line starting with |>, else or catch continues the previous one") {
        CHECK(kinds("xs\n  |> f") == std::vector<K>{K::Identifier, K::PipeGreater, K::Identifier, K::Eof});
        CHECK(kinds("}\n\n# c\nelse {") == std::vector<K>{K::RightBrace, K::Else, K::LeftBrace, K::Eof});
        CHECK(kinds("}\ncatch e") == std::vector<K>{K::RightBrace, K::Catch, K::Identifier, K::Eof});
        CHECK(kinds("a\nelsewhere") == std::vector<K>{K::Identifier, K::Newline, K::Identifier, K::Eof});
    }
    SECTION("a line ending in a value or a keyword like return ends") {
        CHECK(kinds("return\nx") == std::vector<K>{K::Return, K::Newline, K::Identifier, K::Eof});
        CHECK(kinds("f()\n-1") ==
              std::vector<K>{K::Identifier, K::LeftParen, K::RightParen, K::Newline, K::Minus, K::Int, K::Eof});
    }
}

TEST_CASE("lexer: tokens know their line, column and length in bytes", "[lexer]") {
    const std::vector<Token> tokens = tokenize("let x = 10\n\t\"\xC3\xA9\" + y");
    REQUIRE(tokens.size() == 9);
    CHECK(tokens[0].loc.line == 1);
    CHECK(tokens[0].loc.col == 1);
    CHECK(tokens[3].loc.col == 9);
    CHECK(tokens[3].length == 2);
    CHECK(tokens[4].kind == K::Newline);
    CHECK(tokens[4].loc.line == 1);
    CHECK(tokens[4].loc.col == 11);
    CHECK(tokens[5].loc.line == 2);
    CHECK(tokens[5].loc.col == 2);  // a tab is one byte
    CHECK(tokens[5].length == 4);
    CHECK(tokens[6].loc.col == 7);
    CHECK(tokens[7].loc.col == 9);
    // Eof sits right after the last token, not at trailing blank lines.
    CHECK(tokenize("x  \n\n").back().loc.line == 1);
    CHECK(tokenize("x  \n\n").back().loc.col == 2);
}

TEST_CASE("lexer: a start location shifts every token (for interpolated source)", "[lexer]") {
    const std::vector<Token> tokens = tokenize("a +\nb", Loc{7, 20});
    CHECK(tokens[0].loc.line == 7);
    CHECK(tokens[0].loc.col == 20);
    CHECK(tokens[2].loc.line == 8);
    CHECK(tokens[2].loc.col == 1);
}

TEST_CASE("lexer: tokens carry the number of brackets open around them", "[lexer]") {
    const std::vector<Token> tokens = tokenize("f([a], {b})");
    std::vector<uint32_t> depths;
    for (const Token& token : tokens)
        depths.push_back(token.depth);
    // f ( [ a ] , { b } ) Eof
    CHECK(depths == std::vector<uint32_t>{0, 0, 1, 2, 1, 1, 1, 2, 1, 0, 0});

    // A closer also closes the brackets left open inside the one it matches, and a
    // closer that matches nothing is left alone.
    const std::vector<Token> broken = tokenize("{ f(a } ) x");
    CHECK(broken[4].kind == K::RightBrace);
    CHECK(broken[4].depth == 0);
    CHECK(broken[5].depth == 0);
    CHECK(broken[6].depth == 0);
}

TEST_CASE("lexer: bad characters become error tokens with hints", "[lexer]") {
    const Token at = only_token("@");
    CHECK(at.kind == K::Error);
    CHECK(at.text == "unexpected character '@'");
    CHECK(describe(at.kind) == std::string("an invalid token"));

    CHECK(only_token("'").hint == "strings are written between double quotes: \"text\"");
    CHECK(only_token("&&").text == "'&&' is not a vb operator");
    CHECK(only_token("&&").hint == "use 'and'");
    CHECK(only_token("||").hint == "use 'or'");
    CHECK(only_token("!").hint == "use 'not'");
    CHECK(only_token("!=").kind == K::BangEqual);
    CHECK(only_token("\x01").text == "unexpected character U+0001");
    CHECK(only_token("\xFF").text == "invalid UTF-8 byte 0xFF");

    const Token letter = only_token("\xC3\xA9");
    CHECK(letter.text == "unexpected character '\xC3\xA9'");
    CHECK(letter.length == 2);

    CHECK(kinds("a @ b") == std::vector<K>{K::Identifier, K::Error, K::Identifier, K::Eof});
}

TEST_CASE("lexer: special kinds are described in words", "[lexer]") {
    CHECK(describe(K::Newline) == std::string("end of line"));
    CHECK(describe(K::Eof) == std::string("end of input"));
    CHECK(describe(K::Identifier) == std::string("a name"));
    CHECK(describe(K::Else) == std::string("'else'"));
}
