// compiler/parser.cpp — the Pratt parser: tokens (lexer.cpp) to the tree of ast.h.
//
// Expressions are parsed by precedence climbing over the rules of tokens.def: each
// token kind has a prefix rule, an infix rule and the precedence of the infix rule,
// and precedence() keeps applying infix rules while the next operator binds at least
// as tightly as its caller allows. Statements, blocks, parameter lists and patterns
// are plain recursive descent, since they are not operators.
//
// Error handling is panic mode with a C++ exception: fail() reports one error and
// throws ParseError, which unwinds to the nearest statement list; that list skips to
// the next statement boundary at its own bracket depth (every token carries one from
// the lexer) and goes on. So each statement yields at most one parser error, an error
// token from the lexer yields its own message and nothing more, and an error inside a
// nested block costs only that block's statement. Parsing is bounded in depth (Nesting)
// so hostile input gets an error instead of a C++ stack overflow.
#include "compiler/parser.h"

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/lexer.h"

namespace vb::compiler {

namespace {

// Binding power of infix operators, lowest first (docs/language.md, "Operators").
enum class Precedence : uint8_t {
    None, Or, And, Not, Comparison, BitOr, BitXor, BitAnd, Shift, Pipe, Range, Term, Factor,
    Unary, Power, Postfix,
};

Precedence tighter(Precedence precedence) {
    return static_cast<Precedence>(static_cast<uint8_t>(precedence) + 1);
}

constexpr Op kOps[] = {
#define TOKEN(name, description, prefix, infix, precedence, newline, op) Op::op,
#include "compiler/tokens.def"
};

Op op_of(TokenKind kind) {
    return kOps[static_cast<size_t>(kind)];
}

// Thrown by fail() once the error is reported; caught where statements are listed.
struct ParseError {};

std::string where(Loc loc) {
    return std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

bool is_word(TokenKind kind) {
    return kind == TokenKind::Identifier || is_keyword(kind);
}

bool is_assignment(TokenKind kind) {
    switch (kind) {
    case TokenKind::Equal:
    case TokenKind::PlusEqual:
    case TokenKind::MinusEqual:
    case TokenKind::StarEqual:
    case TokenKind::SlashEqual:
    case TokenKind::SlashSlashEqual:
    case TokenKind::PercentEqual:
    case TokenKind::PlusPlusEqual:
        return true;
    default:
        return false;
    }
}

bool is_closing_bracket(TokenKind kind) {
    return kind == TokenKind::RightParen || kind == TokenKind::RightBracket ||
           kind == TokenKind::RightBrace;
}

// Tokens after which a `return` has no value.
bool ends_expression(TokenKind kind) {
    return is_closing_bracket(kind) || kind == TokenKind::Newline || kind == TokenKind::Semicolon ||
           kind == TokenKind::Comma || kind == TokenKind::Eof;
}

// Words of other languages where vb has a keyword. Two names in a row are never vb,
// so a statement that starts with one of these followed by a name gets its hint (and
// `elif` and friends get theirs after the block of an `if` too). Alone they are names.
struct ForeignWord {
    std::string_view word;
    const char* hint;
};

constexpr const char* kUseFn = "functions are declared with 'fn', as in fn name(a, b) { ... }";
constexpr const char* kUseLet = "names are bound with 'let', or with 'var' when they will change";
constexpr const char* kUseElseIf = "write 'else if'";

constexpr ForeignWord kForeignWords[] = {
    {"def", kUseFn},
    {"function", kUseFn},
    {"func", kUseFn},
    {"fun", kUseFn},
    {"const", kUseLet},
    {"val", kUseLet},
    {"local", kUseLet},
    {"elif", kUseElseIf},
    {"elsif", kUseElseIf},
    {"elseif", kUseElseIf},
    {"switch", "use 'match value { pattern => result, ... }'"},
};

const ForeignWord* foreign_word(const Token& token) {
    if (token.kind != TokenKind::Identifier)
        return nullptr;
    for (const ForeignWord& foreign : kForeignWords) {
        if (foreign.word == token.text)
            return &foreign;
    }
    return nullptr;
}

// The leftmost source position of [expr], for errors about a whole expression whose
// node is located at its operator.
Loc start_of(const Expr* expr) {
    switch (expr->kind) {
    case ExprKind::Binary:
    case ExprKind::And:
    case ExprKind::Or:
    case ExprKind::Range:
    case ExprKind::Index:
    case ExprKind::Field:
    case ExprKind::Assign:
        return start_of(expr->a);
    case ExprKind::Call: {
        Loc start = start_of(expr->a);
        if (!expr->items.empty()) {  // `x |> f` puts x first
            const Loc first = start_of(expr->items.front());
            if (first.line < start.line || (first.line == start.line && first.col < start.col))
                start = first;
        }
        return start;
    }
    default:
        return expr->loc;
    }
}

class Parser {
public:
    Parser(Module& module, Diagnostics& diagnostics)
        : m_module(module), m_diagnostics(diagnostics) {}

    void parse() {
        m_tokens = tokenize(m_module.source);
        statement_list(m_module.stmts, /*in_block=*/false);
    }

private:
    using PrefixRule = Expr* (Parser::*)(const Token&);
    using InfixRule = Expr* (Parser::*)(Expr*, const Token&);
    struct Rule {
        PrefixRule prefix;
        InfixRule infix;
        Precedence precedence;
    };
    static const Rule& rule(TokenKind kind);

    // Counts nesting levels for as long as it lives: one on entry, one more for each
    // operator that wraps the tree built so far.
    class Nesting {
    public:
        Nesting(Parser& parser, const Token& at) : m_parser(parser) { deepen(at); }
        ~Nesting() { m_parser.m_depth -= m_levels; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;
        void deepen(const Token& at) {
            if (m_parser.m_depth >= kMaxNesting)
                m_parser.fail(at, "this is nested too deeply (more than " + std::to_string(kMaxNesting) +
                                      " levels)",
                              "split it up: name some of the inner parts with 'let'");
            ++m_parser.m_depth;
            ++m_levels;
        }

    private:
        Parser& m_parser;
        int m_levels = 0;
    };

    // Parses from [tokens] instead of the module's tokens while it lives (the source of
    // an interpolated `${...}`).
    class TokenStream {
    public:
        TokenStream(Parser& parser, std::vector<Token>& tokens) : m_parser(parser), m_tokens(tokens) {
            std::swap(m_parser.m_tokens, m_tokens);
            std::swap(m_parser.m_pos, m_pos);
            ++m_parser.m_interpolating;
        }
        ~TokenStream() {
            std::swap(m_parser.m_tokens, m_tokens);
            std::swap(m_parser.m_pos, m_pos);
            --m_parser.m_interpolating;
        }
        TokenStream(const TokenStream&) = delete;
        TokenStream& operator=(const TokenStream&) = delete;

    private:
        Parser& m_parser;
        std::vector<Token>& m_tokens;
        size_t m_pos = 0;
    };

    // ---- tokens ---------------------------------------------------------------

    const Token& current() const { return m_tokens[m_pos]; }
    const Token& peek(size_t ahead = 1) const {
        return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)];
    }
    bool check(TokenKind kind) const { return current().kind == kind; }
    const Token& advance() {
        const Token& token = m_tokens[m_pos];
        if (token.kind != TokenKind::Eof)
            ++m_pos;
        return token;
    }
    bool match(TokenKind kind) {
        if (!check(kind))
            return false;
        advance();
        return true;
    }
    void skip_newlines() {
        while (check(TokenKind::Newline))
            advance();
    }

    // ---- errors ---------------------------------------------------------------

    [[noreturn]] void fail(const Token& at, std::string message, std::string hint = {});
    [[noreturn]] void fail(Loc at, std::string message, std::string hint = {});
    void report(const Token& at, std::string message, std::string hint = {});
    [[noreturn]] void fail_list_end(const Token& opener, TokenKind closer, std::string_view item);
    const Token& expect(TokenKind kind, std::string_view purpose, std::string hint = {});
    const Token& expect_name(std::string_view what);
    void synchronize(uint32_t depth);
    std::string what_is(const Token& found) const;

    // ---- statements -----------------------------------------------------------

    void statement_list(std::vector<Stmt*>& out, bool in_block);
    void end_statement(bool in_block);
    Stmt* statement();
    Stmt* let_statement();
    Stmt* var_statement();
    Stmt* import_statement();
    Stmt* fn_statement();
    FnDecl* function(const Token& fn, std::string name);
    void parameters(const Token& open, std::vector<Param>& params);
    Expr* expression_or_assignment();

    // ---- expressions ----------------------------------------------------------

    Expr* expression() { return precedence(Precedence::Or); }
    Expr* precedence(Precedence lowest);
    Expr* condition(std::string_view keyword);
    Expr* body(std::string_view purpose, std::string hint = {});
    Expr* block_body(const Token& open);
    Expr* map_literal(const Token& open);
    bool looks_like_map() const;
    Expr* interpolated(const StringPart& part);
    Expr* literal_value(const Token& token, const Token* minus);
    const Token* misspelled_else() const;
    template <class ParseItem>
    void comma_list(const Token& opener, TokenKind closer, std::string_view item, ParseItem parse_item);

    // Prefix rules, named in tokens.def.
    Expr* none(const Token& token);
    Expr* variable(const Token& token);
    Expr* number(const Token& token);
    Expr* string_literal(const Token& token);
    Expr* symbol(const Token& token);
    Expr* literal(const Token& token);
    Expr* grouping(const Token& open);
    Expr* array(const Token& open);
    Expr* map_or_block(const Token& open);
    Expr* unary(const Token& op);
    Expr* logical_not(const Token& op);
    Expr* fn_expression(const Token& fn);
    Expr* if_expression(const Token& if_token);
    Expr* while_loop(const Token& while_token);
    Expr* for_loop(const Token& for_token);
    Expr* match_expression(const Token& match_token);
    Expr* try_expression(const Token& try_token);
    Expr* raise_expression(const Token& raise);
    Expr* return_expression(const Token& ret);
    Expr* break_expression(const Token& token);
    Expr* continue_expression(const Token& token);

    // Infix rules, named in tokens.def.
    Expr* none(Expr* left, const Token& token);
    Expr* binary(Expr* left, const Token& op);
    Expr* comparison(Expr* left, const Token& op);
    Expr* power(Expr* left, const Token& op);
    Expr* logical_and(Expr* left, const Token& op);
    Expr* logical_or(Expr* left, const Token& op);
    Expr* range(Expr* left, const Token& op);
    Expr* pipe(Expr* left, const Token& op);
    Expr* call(Expr* callee, const Token& open);
    Expr* index(Expr* object, const Token& open);
    Expr* field(Expr* object, const Token& dot);

    // ---- patterns -------------------------------------------------------------

    Pattern* pattern();
    Pattern* single_pattern();
    Pattern* tuple_pattern(const Token& open);
    Pattern* array_pattern(const Token& open);
    Pattern* map_pattern(const Token& open);

    // ---- nodes ----------------------------------------------------------------

    Expr* make_expr(ExprKind kind, Loc loc) {
        Expr* expr = m_module.arena.make<Expr>();
        expr->kind = kind;
        expr->loc = loc;
        return expr;
    }
    Stmt* make_stmt(StmtKind kind, Loc loc) {
        Stmt* stmt = m_module.arena.make<Stmt>();
        stmt->kind = kind;
        stmt->loc = loc;
        return stmt;
    }
    Pattern* make_pattern(PatternKind kind, Loc loc) {
        Pattern* pattern = m_module.arena.make<Pattern>();
        pattern->kind = kind;
        pattern->loc = loc;
        return pattern;
    }
    Expr* make_symbol(const Token& word) {
        Expr* symbol = make_expr(ExprKind::Symbol, word.loc);
        symbol->text = word.text;
        return symbol;
    }

    Module& m_module;
    Diagnostics& m_diagnostics;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;          // nesting levels open now (Nesting)
    int m_interpolating = 0;  // > 0 while parsing the source of a `${...}`
    bool m_reported_end_of_input = false;
};

const Parser::Rule& Parser::rule(TokenKind kind) {
    static const Rule kRules[] = {
#define TOKEN(name, description, prefix, infix, precedence, newline, op) \
    {&Parser::prefix, &Parser::infix, Precedence::precedence},
#include "compiler/tokens.def"
    };
    return kRules[static_cast<size_t>(kind)];
}

// ---- errors -------------------------------------------------------------------

// Reports an error at [at] and abandons the statement. An error token stands for its
// own message: whatever the parser expected there, the lexer's account is the useful
// one. Running out of input is reported once: every construct still open at that
// point fails the same way, and the first (innermost) message is the one that helps.
void Parser::fail(const Token& at, std::string message, std::string hint) {
    const bool ran_out = at.kind == TokenKind::Eof || (at.kind == TokenKind::Error && at.at_end_of_input);
    if (ran_out && m_interpolating == 0) {
        if (m_reported_end_of_input)
            throw ParseError{};
        m_reported_end_of_input = true;
        if (!m_diagnostics.has_errors())
            m_diagnostics.incomplete = true;
    }
    if (at.kind == TokenKind::Error)
        m_diagnostics.error(at.loc, at.text, at.hint, std::max<uint32_t>(at.length, 1));
    else
        report(at, std::move(message), std::move(hint));
    throw ParseError{};
}

void Parser::fail(Loc at, std::string message, std::string hint) {
    m_diagnostics.error(at, std::move(message), std::move(hint));
    throw ParseError{};
}

// Reports an error that needs no recovery: parsing goes on as if it were fine.
void Parser::report(const Token& at, std::string message, std::string hint) {
    m_diagnostics.error(at.loc, std::move(message), std::move(hint), std::max<uint32_t>(at.length, 1));
}

// After an item of a list opened by [opener], found neither ',' nor [closer].
void Parser::fail_list_end(const Token& opener, TokenKind closer, std::string_view item) {
    const Token& found = current();
    if (found.kind == TokenKind::Eof || found.kind == TokenKind::Newline ||
        found.kind == TokenKind::Semicolon || is_closing_bracket(found.kind))
        fail(found, std::string("expected ") + describe(closer) + " to close the " + describe(opener.kind) +
                        " at " + where(opener.loc) + ", found " + what_is(found));
    fail(found, std::string("expected ',' or ") + describe(closer) + " after the " + std::string(item) +
                    ", found " + what_is(found));
}

// How a message names the token found where another was expected. The end of an
// interpolated expression's own tokens is the '}' that closes it.
std::string Parser::what_is(const Token& found) const {
    if (found.kind == TokenKind::Eof && m_interpolating > 0)
        return "'}'";
    return describe(found);
}

const Token& Parser::expect(TokenKind kind, std::string_view purpose, std::string hint) {
    if (check(kind))
        return advance();
    std::string message = std::string("expected ") + describe(kind);
    if (!purpose.empty())
        message += " " + std::string(purpose);
    fail(current(), message + ", found " + what_is(current()), std::move(hint));
}

// Expects a name, described by [what] as in "a parameter name".
const Token& Parser::expect_name(std::string_view what) {
    if (check(TokenKind::Identifier))
        return advance();
    std::string hint;
    if (is_keyword(current().kind))
        hint = describe(current()) + std::string(" is a keyword, so it cannot be a name");
    fail(current(), "expected " + std::string(what) + ", found " + what_is(current()), hint);
}

// Skips the rest of a statement that failed, which started at bracket [depth]: up to
// and past the next newline or ';' at that depth, or up to the '}' that closes the
// enclosing block. Error tokens on the way are not reported: in a statement already
// known to be wrong they are more likely part of that mistake than news.
void Parser::synchronize(uint32_t depth) {
    for (;;) {
        const Token& token = current();
        if (token.kind == TokenKind::Eof || token.depth < depth)
            return;
        advance();
        if (token.depth == depth && (token.kind == TokenKind::Newline || token.kind == TokenKind::Semicolon))
            return;
    }
}

// ---- statements ---------------------------------------------------------------

void Parser::statement_list(std::vector<Stmt*>& out, bool in_block) {
    for (;;) {
        if (match(TokenKind::Newline) || match(TokenKind::Semicolon))
            continue;
        if (check(TokenKind::Eof) || (in_block && check(TokenKind::RightBrace)))
            return;
        const size_t start = m_pos;
        const uint32_t depth = current().depth;
        try {
            Stmt* stmt = statement();
            end_statement(in_block);
            out.push_back(stmt);
        } catch (const ParseError&) {
            synchronize(depth);
            if (m_pos == start)  // never stall on a token nothing else consumes
                advance();
        }
    }
}

void Parser::end_statement(bool in_block) {
    if (match(TokenKind::Newline) || match(TokenKind::Semicolon))
        return;
    if (check(TokenKind::Eof) || (in_block && check(TokenKind::RightBrace)))
        return;
    const Token& found = current();
    if (const ForeignWord* foreign = foreign_word(found))
        fail(found, "unknown keyword '" + found.text + "'", foreign->hint);
    std::string hint = "put each statement on its own line, or separate them with ';'";
    if (found.kind == TokenKind::Else)
        hint = "'else' belongs right after the '}' of an 'if'";
    else if (found.kind == TokenKind::Catch)
        hint = "'catch' belongs right after the '}' of a 'try'";
    else if (found.kind == TokenKind::RightBrace)
        hint = "this '}' has no matching '{'";
    else if (found.kind == TokenKind::Colon)
        hint = "a map key that is an expression goes in parentheses, as in {(k): v}";
    fail(found, "expected end of statement, found " + what_is(found), hint);
}

Stmt* Parser::statement() {
    const Token& first = current();
    switch (first.kind) {
    case TokenKind::Let:
        return let_statement();
    case TokenKind::Var:
        return var_statement();
    case TokenKind::Import:
        return import_statement();
    case TokenKind::Fn:
        if (peek().kind == TokenKind::Identifier)
            return fn_statement();
        break;
    case TokenKind::Identifier:
        if (peek().kind == TokenKind::Identifier) {
            if (const ForeignWord* foreign = foreign_word(first))
                fail(first, "unknown keyword '" + first.text + "'", foreign->hint);
        }
        break;
    case TokenKind::RightParen:
    case TokenKind::RightBracket:
    case TokenKind::RightBrace:
        fail(first, "unmatched " + describe(first), "nothing before it opened this bracket");
    default:
        break;
    }
    Stmt* stmt = make_stmt(StmtKind::Expr, first.loc);
    stmt->value = expression_or_assignment();
    return stmt;
}

Stmt* Parser::let_statement() {
    const Token& let = advance();
    Stmt* stmt = make_stmt(StmtKind::Let, let.loc);
    stmt->pattern = pattern();
    if (!check(TokenKind::Equal)) {
        std::string hint;
        if (ends_expression(current().kind))
            hint = "a 'let' needs a value; for a variable that starts as nil, write 'var name'";
        fail(current(), "expected '=' after the pattern of 'let', found " + what_is(current()), hint);
    }
    advance();
    stmt->value = expression();
    return stmt;
}

Stmt* Parser::var_statement() {
    const Token& var = advance();
    if (check(TokenKind::LeftParen) || check(TokenKind::LeftBracket) || check(TokenKind::LeftBrace))
        fail(current(), "'var' declares a single name",
             "to take a value apart, use 'let' with a pattern, as in let (a, b) = pair");
    Stmt* stmt = make_stmt(StmtKind::Var, var.loc);
    stmt->name = expect_name("a name after 'var'").text;
    if (match(TokenKind::Equal))
        stmt->value = expression();
    return stmt;
}

Stmt* Parser::import_statement() {
    const Token& import = advance();
    Stmt* stmt = make_stmt(StmtKind::Import, import.loc);
    if (check(TokenKind::String)) {
        const Token& path = advance();
        if (!path.parts.empty())
            fail(path, "an import path cannot contain '${}'", "write the path as a plain string");
        stmt->import_path = path.text;
        stmt->import_is_file = true;
        expect(TokenKind::As, "and a name after the path of a file import",
               "a file import needs a name, as in import \"lib/util.vb\" as util");
        stmt->name = expect_name("a name after 'as'").text;
        return stmt;
    }
    const Token& module = expect_name("a module name or a quoted file path after 'import'");
    stmt->import_path = module.text;
    stmt->name = module.text;
    if (match(TokenKind::As))
        stmt->name = expect_name("a name after 'as'").text;
    return stmt;
}

Stmt* Parser::fn_statement() {
    const Token& fn = advance();
    const Token& name = advance();
    Stmt* stmt = make_stmt(StmtKind::Fn, fn.loc);
    stmt->fn = function(fn, name.text);
    return stmt;
}

// The parameters and body of a function whose `fn` is [fn]; [name] is "" for a
// function expression.
FnDecl* Parser::function(const Token& fn, std::string name) {
    FnDecl* decl = m_module.arena.make<FnDecl>();
    decl->loc = fn.loc;
    const bool named = !name.empty();
    decl->name = std::move(name);
    const Token& open = expect(TokenKind::LeftParen, named ? "after the function name" : "after 'fn'",
                               "parameters go between parentheses, as in fn(a, b) { a + b }");
    parameters(open, decl->params);
    decl->body = body("to start the body of the function");
    return decl;
}

void Parser::parameters(const Token& open, std::vector<Param>& params) {
    bool seen_default = false;
    comma_list(open, TokenKind::RightParen, "parameter", [&] {
        const bool rest = match(TokenKind::Ellipsis);
        const Token& name = expect_name(rest ? "a parameter name after '...'" : "a parameter name");
        Param param;
        param.name = name.text;
        param.loc = name.loc;
        param.rest = rest;
        if (match(TokenKind::Equal)) {
            if (rest)
                report(name, "a rest parameter cannot have a default value", "it is an empty array when no arguments are left");
            param.default_value = expression();
        }
        if (!params.empty() && params.back().rest)
            report(name, "the rest parameter '..." + params.back().name + "' must be the last parameter");
        else if (param.default_value)
            seen_default = true;
        else if (seen_default && !rest)
            report(name, "parameter '" + name.text + "' needs a default value, since a parameter before it has one");
        for (const Param& earlier : params) {
            if (earlier.name == param.name && param.name != "_")
                report(name, "duplicate parameter '" + name.text + "'");
        }
        params.push_back(std::move(param));
    });
}

// An expression statement, or an assignment, which only statements and match arms may
// be.
Expr* Parser::expression_or_assignment() {
    Expr* target = expression();
    if (!is_assignment(current().kind))
        return target;
    const Token& op = advance();
    switch (target->kind) {
    case ExprKind::Name:
    case ExprKind::Index:
    case ExprKind::Field:
        break;
    case ExprKind::Tuple:
    case ExprKind::Array:
        fail(start_of(target), "cannot assign to this expression",
             "to take a value apart, use 'let' with a pattern, as in let (a, b) = pair");
    default:
        fail(start_of(target), "cannot assign to this expression",
             "only a name, an element a[i] or a field m.name can be assigned to");
    }
    Expr* assign = make_expr(ExprKind::Assign, op.loc);
    assign->op = op_of(op.kind);
    assign->a = target;
    assign->b = expression();
    return assign;
}

// ---- expressions --------------------------------------------------------------

Expr* Parser::precedence(Precedence lowest) {
    Nesting nesting(*this, current());
    const Token& first = advance();
    Expr* left = (this->*rule(first.kind).prefix)(first);
    while (rule(current().kind).precedence >= lowest) {
        nesting.deepen(current());
        const Token& op = advance();
        left = (this->*rule(op.kind).infix)(left, op);
    }
    return left;
}

// The condition of an `if` or a `while`, which the body's `{` must follow.
Expr* Parser::condition(std::string_view keyword) {
    Expr* cond = expression();
    if (check(TokenKind::Equal))
        fail(current(), "expected '{' after the condition of '" + std::string(keyword) + "', found '='",
             "to compare two values, use '=='");
    return cond;
}

// A `{ ... }` block that the syntax requires here; [purpose] ends "expected '{' ...".
Expr* Parser::body(std::string_view purpose, std::string hint) {
    skip_newlines();
    const Token& open = expect(TokenKind::LeftBrace, purpose, std::move(hint));
    return block_body(open);
}

// The statements of a block after its [open] brace, and the closing brace.
Expr* Parser::block_body(const Token& open) {
    Expr* block = make_expr(ExprKind::Block, open.loc);
    statement_list(block->stmts, /*in_block=*/true);
    if (!match(TokenKind::RightBrace))
        fail(current(), "expected '}' to close the '{' at " + where(open.loc) + ", found " + what_is(current()));
    return block;
}

// After a `{` in expression position: a map when followed by `}`, `name:`, `"str":`,
// an integer and `:`, a symbol and `:`, or a parenthesised expression and `:`
// (docs/language.md); otherwise a block.
bool Parser::looks_like_map() const {
    size_t i = m_pos;
    while (m_tokens[i].kind == TokenKind::Newline)
        ++i;
    const Token& first = m_tokens[i];
    if (first.kind == TokenKind::RightBrace)
        return true;
    if (first.kind == TokenKind::Eof)
        return false;
    const TokenKind after = m_tokens[i + 1].kind;
    if (is_word(first.kind) || first.kind == TokenKind::String || first.kind == TokenKind::Int ||
        first.kind == TokenKind::Symbol)
        return after == TokenKind::Colon;
    if (first.kind != TokenKind::LeftParen)
        return false;
    for (size_t j = i + 1; m_tokens[j].kind != TokenKind::Eof; ++j) {
        if (m_tokens[j].kind == TokenKind::RightParen && m_tokens[j].depth == first.depth)
            return m_tokens[j + 1].kind == TokenKind::Colon;
    }
    return false;
}

Expr* Parser::map_literal(const Token& open) {
    Expr* map = make_expr(ExprKind::Map, open.loc);
    comma_list(open, TokenKind::RightBrace, "entry", [&] {
        MapEntry entry;
        if (is_word(current().kind) && peek().kind == TokenKind::Colon)
            entry.key = make_symbol(advance());
        else
            entry.key = expression();
        if (!check(TokenKind::Colon)) {
            const Token& found = current();
            if (entry.key->kind == ExprKind::Name &&
                (found.kind == TokenKind::Comma || found.kind == TokenKind::RightBrace ||
                 found.kind == TokenKind::Newline)) {
                const std::string& name = entry.key->text;
                fail(entry.key->loc, "expected ':' and a value after the map key '" + name + "'",
                     "the shorthand {" + name + "} is only for patterns; in a map write {" + name + ": " +
                         name + "}");
            }
            fail(found, "expected ':' after the map key, found " + what_is(found));
        }
        advance();
        skip_newlines();
        entry.value = expression();
        map->entries.push_back(entry);
    });
    return map;
}

// Parses [parse_item] for each item of a list opened by [opener], separated by commas
// (a trailing one allowed) up to [closer]. Between braces, newlines are skipped.
template <class ParseItem>
void Parser::comma_list(const Token& opener, TokenKind closer, std::string_view item, ParseItem parse_item) {
    const bool in_braces = closer == TokenKind::RightBrace;
    for (;;) {
        if (in_braces)
            skip_newlines();
        if (match(closer))
            return;
        parse_item();
        if (in_braces)
            skip_newlines();
        if (match(TokenKind::Comma))
            continue;
        if (match(closer))
            return;
        fail_list_end(opener, closer, item);
    }
}

// The expression between `${` and `}` in a string, lexed and parsed in place.
Expr* Parser::interpolated(const StringPart& part) {
    std::vector<Token> tokens = tokenize(part.text, part.loc);
    TokenStream stream(*this, tokens);
    skip_newlines();
    if (check(TokenKind::Eof))
        fail(current(), "empty '${}' in a string",
             "put an expression between the braces, or write \\$ for a plain '$'");
    Expr* expr = expression();
    skip_newlines();
    if (!check(TokenKind::Eof))
        fail(current(), "expected '}' to end the expression in '${}', found " + what_is(current()));
    return expr;
}

// A literal of a pattern or a map pattern key: [token] is its first token, after the
// [minus] that negates it, if any.
Expr* Parser::literal_value(const Token& token, const Token* minus) {
    if (minus) {
        if (token.kind != TokenKind::Int && token.kind != TokenKind::Float)
            fail(token, "expected a number after '-' in a pattern, found " + what_is(token));
        Expr* value = make_expr(token.kind == TokenKind::Int ? ExprKind::Int : ExprKind::Float, minus->loc);
        value->int_value = token.needs_minus ? token.int_value : -token.int_value;
        value->float_value = -token.float_value;
        return value;
    }
    switch (token.kind) {
    case TokenKind::Int:
    case TokenKind::Float:
        return number(token);
    case TokenKind::String:
        if (!token.parts.empty())
            fail(token, "a pattern cannot contain '${}'",
                 "bind a name and compare in a guard, as in s if s == \"${x}\" => ...");
        return string_literal(token);
    case TokenKind::Symbol:
        return symbol(token);
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::Nil:
        return literal(token);
    default:
        fail(token, "expected a literal, found " + what_is(token));
    }
}

// `elif` and friends after the block of an `if`, on its line or the next.
const Token* Parser::misspelled_else() const {
    const Token* word = &current();
    if (word->kind == TokenKind::Newline)
        word = &peek();
    const ForeignWord* foreign = foreign_word(*word);
    if (!foreign || foreign->hint != kUseElseIf)
        return nullptr;
    // A variable that happens to be called `elif` may still be used on the next line.
    const TokenKind after = m_tokens[std::min<size_t>(word - m_tokens.data() + 1, m_tokens.size() - 1)].kind;
    if (is_assignment(after) || after == TokenKind::LeftParen || after == TokenKind::LeftBracket ||
        after == TokenKind::Dot || ends_expression(after))
        return nullptr;
    return word;
}

// ---- prefix rules -------------------------------------------------------------

Expr* Parser::none(const Token& token) {
    std::string hint;
    if (token.kind == TokenKind::Caret)
        hint = "'^' pins a variable only in a pattern; in an expression it is xor between two values";
    else if (token.kind == TokenKind::Else)
        hint = "'else' belongs right after the '}' of an 'if'";
    else if (token.kind == TokenKind::Let || token.kind == TokenKind::Var || token.kind == TokenKind::Import)
        hint = describe(token) + std::string(" starts a statement, which cannot be used as a value");
    else if (token.kind == TokenKind::DotDot)
        hint = "a rest pattern '..name' goes inside an array pattern, as in [first, ..rest]";
    fail(token, "expected an expression, found " + what_is(token), hint);
}

Expr* Parser::variable(const Token& token) {
    Expr* name = make_expr(ExprKind::Name, token.loc);
    name->text = token.text;
    return name;
}

Expr* Parser::number(const Token& token) {
    if (token.kind == TokenKind::Float) {
        Expr* value = make_expr(ExprKind::Float, token.loc);
        value->float_value = token.float_value;
        return value;
    }
    Expr* value = make_expr(ExprKind::Int, token.loc);
    if (token.needs_minus)
        report(token, "integer literal '" + token.text + "' is too large",
               "ints are 64-bit: the largest is 9223372036854775807 (and the smallest -" + token.text + ")");
    else
        value->int_value = token.int_value;
    return value;
}

Expr* Parser::string_literal(const Token& token) {
    if (token.parts.empty()) {
        Expr* string = make_expr(ExprKind::String, token.loc);
        string->text = token.text;
        return string;
    }
    Expr* interp = make_expr(ExprKind::Interp, token.loc);
    for (const StringPart& part : token.parts) {
        InterpPart piece;
        if (part.is_code)
            piece.expr = interpolated(part);
        else
            piece.text = part.text;
        interp->parts.push_back(std::move(piece));
    }
    return interp;
}

Expr* Parser::symbol(const Token& token) {
    return make_symbol(token);
}

Expr* Parser::literal(const Token& token) {
    const ExprKind kind = token.kind == TokenKind::True    ? ExprKind::True
                          : token.kind == TokenKind::False ? ExprKind::False
                                                           : ExprKind::Nil;
    return make_expr(kind, token.loc);
}

// `()`, `(a)` (just a), `(a,)`, `(a, b)`.
Expr* Parser::grouping(const Token& open) {
    if (match(TokenKind::RightParen))
        return make_expr(ExprKind::Tuple, open.loc);
    Expr* first = expression();
    if (match(TokenKind::RightParen))
        return first;
    if (!match(TokenKind::Comma))
        fail_list_end(open, TokenKind::RightParen, "element");
    Expr* tuple = make_expr(ExprKind::Tuple, open.loc);
    tuple->items.push_back(first);
    comma_list(open, TokenKind::RightParen, "element", [&] { tuple->items.push_back(expression()); });
    return tuple;
}

Expr* Parser::array(const Token& open) {
    Expr* array = make_expr(ExprKind::Array, open.loc);
    comma_list(open, TokenKind::RightBracket, "element", [&] { array->items.push_back(expression()); });
    return array;
}

Expr* Parser::map_or_block(const Token& open) {
    return looks_like_map() ? map_literal(open) : block_body(open);
}

Expr* Parser::unary(const Token& op) {
    // 9223372036854775808 fits only negated, and only as a plain literal (not 2^63 ** 2).
    if (op.kind == TokenKind::Minus && check(TokenKind::Int) && current().needs_minus) {
        const TokenKind after = peek().kind;
        if (after != TokenKind::StarStar && rule(after).precedence != Precedence::Postfix) {
            advance();
            Expr* value = make_expr(ExprKind::Int, op.loc);
            value->int_value = std::numeric_limits<int64_t>::min();
            return value;
        }
    }
    Expr* operand = precedence(Precedence::Unary);
    if (op.kind == TokenKind::Minus && (operand->kind == ExprKind::Int || operand->kind == ExprKind::Float)) {
        // A negative literal is a literal, not an operation on one.
        operand->int_value = -operand->int_value;
        operand->float_value = -operand->float_value;
        operand->loc = op.loc;
        return operand;
    }
    Expr* expr = make_expr(ExprKind::Unary, op.loc);
    expr->op = op.kind == TokenKind::Minus ? Op::Neg : Op::BitNot;
    expr->a = operand;
    return expr;
}

Expr* Parser::logical_not(const Token& op) {
    Expr* expr = make_expr(ExprKind::Unary, op.loc);
    expr->op = Op::Not;
    expr->a = precedence(Precedence::Not);
    return expr;
}

Expr* Parser::fn_expression(const Token& fn) {
    if (check(TokenKind::Identifier))
        fail(current(), "expected '(' after 'fn', found " + what_is(current()),
             "a named function is declared as a statement of its own; a function value has no "
             "name, as in let f = fn(x) { x + 1 }");
    Expr* expr = make_expr(ExprKind::Fn, fn.loc);
    expr->fn = function(fn, "");
    return expr;
}

Expr* Parser::if_expression(const Token& if_token) {
    Nesting nesting(*this, if_token);  // `else if` chains recurse here
    Expr* expr = make_expr(ExprKind::If, if_token.loc);
    expr->a = condition("if");
    expr->b = body("after the condition of 'if'", "the body of an 'if' is a block, as in if x > 0 { ... }");
    if (match(TokenKind::Else)) {
        if (check(TokenKind::If))
            expr->c = if_expression(advance());
        else
            expr->c = body("or 'if' after 'else'", "write 'else { ... }' or 'else if condition { ... }'");
    } else if (const Token* word = misspelled_else()) {
        skip_newlines();  // so that recovery skips the rest of its line too
        fail(*word, "unknown keyword '" + word->text + "'", kUseElseIf);
    }
    return expr;
}

Expr* Parser::while_loop(const Token& while_token) {
    Expr* expr = make_expr(ExprKind::While, while_token.loc);
    expr->a = condition("while");
    expr->b = body("after the condition of 'while'", "the body of a 'while' is a block, as in while x > 0 { ... }");
    return expr;
}

Expr* Parser::for_loop(const Token& for_token) {
    Expr* expr = make_expr(ExprKind::For, for_token.loc);
    expr->pattern = pattern();
    expect(TokenKind::In, "after the pattern of 'for'", "a loop reads for x in xs { ... }");
    expr->a = expression();
    expr->b = body("to start the body of 'for'", "the body of a 'for' is a block, as in for x in xs { ... }");
    return expr;
}

Expr* Parser::match_expression(const Token& match_token) {
    Expr* expr = make_expr(ExprKind::Match, match_token.loc);
    expr->a = expression();
    skip_newlines();
    const Token& open = expect(TokenKind::LeftBrace, "after the value of 'match'",
                               "the arms go between braces, as in match x { 0 => \"zero\", _ => \"other\" }");
    for (;;) {
        skip_newlines();
        if (match(TokenKind::RightBrace))
            break;
        if (check(TokenKind::Eof))
            fail(current(), "expected '}' to close the '{' at " + where(open.loc) + ", found end of input");
        MatchArm arm;
        arm.pattern = pattern();
        if (match(TokenKind::If))
            arm.guard = expression();
        if (!check(TokenKind::FatArrow)) {
            std::string hint;
            if (check(TokenKind::Colon) || check(TokenKind::Equal) || check(TokenKind::Minus))
                hint = "an arm is written pattern => result";
            fail(current(), std::string("expected '=>' after the ") + (arm.guard ? "guard" : "pattern") +
                                " of a match arm, found " + what_is(current()),
                 hint);
        }
        advance();
        arm.body = expression_or_assignment();
        expr->arms.push_back(arm);
        if (match(TokenKind::Comma) || check(TokenKind::Newline))
            continue;
        if (match(TokenKind::RightBrace))
            break;
        fail(current(), "expected ',' or a new line after the match arm, found " + what_is(current()));
    }
    return expr;
}

Expr* Parser::try_expression(const Token& try_token) {
    Expr* expr = make_expr(ExprKind::Try, try_token.loc);
    expr->a = body("after 'try'");
    skip_newlines();
    const Token& catch_token = expect(TokenKind::Catch, "after the block of 'try'",
                                      "a 'try' needs a 'catch', as in try { ... } catch e { ... }");
    expr->catch_loc = catch_token.loc;
    if (check(TokenKind::Identifier)) {
        const Token& name = advance();
        expr->catch_name = name.text == "_" ? "" : name.text;
        expr->catch_loc = name.loc;
    }
    expr->b = body("to start the 'catch' block", "write catch e { ... }, or catch _ { ... } to ignore the value");
    return expr;
}

Expr* Parser::raise_expression(const Token& raise) {
    Expr* expr = make_expr(ExprKind::Raise, raise.loc);
    expr->a = expression();
    return expr;
}

Expr* Parser::return_expression(const Token& ret) {
    Expr* expr = make_expr(ExprKind::Return, ret.loc);
    if (!ends_expression(current().kind))
        expr->a = expression();
    return expr;
}

Expr* Parser::break_expression(const Token& token) {
    return make_expr(ExprKind::Break, token.loc);
}

Expr* Parser::continue_expression(const Token& token) {
    return make_expr(ExprKind::Continue, token.loc);
}

// ---- infix rules --------------------------------------------------------------

Expr* Parser::none(Expr*, const Token& token) {
    // Unreachable: a token without an infix rule has precedence None, which ends the
    // loop in precedence() before it gets here.
    fail(token, "unexpected " + describe(token));
}

Expr* Parser::binary(Expr* left, const Token& op) {
    Expr* expr = make_expr(ExprKind::Binary, op.loc);
    expr->op = op_of(op.kind);
    expr->a = left;
    expr->b = precedence(tighter(rule(op.kind).precedence));
    return expr;
}

// `== != < <= > >= in not in is`, and `is not`, which reads as not (a is b).
// Comparisons do not chain: `a < b < c` is an error rather than a surprise.
Expr* Parser::comparison(Expr* left, const Token& op) {
    if (op.kind == TokenKind::Not && !match(TokenKind::In))
        fail(current(), "expected 'in' after 'not', found " + what_is(current()),
             "'not' after a value only begins 'not in'; to negate, put 'not' first, as in not a");
    const bool negated = op.kind == TokenKind::Is && match(TokenKind::Not);
    Expr* expr = make_expr(ExprKind::Binary, op.loc);
    expr->op = op_of(op.kind);
    expr->a = left;
    expr->b = precedence(tighter(Precedence::Comparison));
    if (rule(current().kind).precedence == Precedence::Comparison)
        fail(current(), "comparisons cannot be chained", "write a < b and b < c");
    if (!negated)
        return expr;
    Expr* negation = make_expr(ExprKind::Unary, op.loc);
    negation->op = Op::Not;
    negation->a = expr;
    return negation;
}

// `**` is right-associative and takes a unary operand on its right: 2 ** -1.
Expr* Parser::power(Expr* left, const Token& op) {
    Expr* expr = make_expr(ExprKind::Binary, op.loc);
    expr->op = Op::Pow;
    expr->a = left;
    expr->b = precedence(Precedence::Unary);
    return expr;
}

Expr* Parser::logical_and(Expr* left, const Token& op) {
    Expr* expr = make_expr(ExprKind::And, op.loc);
    expr->a = left;
    expr->b = precedence(tighter(Precedence::And));
    return expr;
}

Expr* Parser::logical_or(Expr* left, const Token& op) {
    Expr* expr = make_expr(ExprKind::Or, op.loc);
    expr->a = left;
    expr->b = precedence(tighter(Precedence::Or));
    return expr;
}

Expr* Parser::range(Expr* left, const Token& op) {
    Expr* expr = make_expr(ExprKind::Range, op.loc);
    expr->a = left;
    expr->b = precedence(tighter(Precedence::Range));
    expr->inclusive = op.kind == TokenKind::DotDotEqual;
    return expr;
}

// `x |> f(a)` is f(x, a) and `x |> f` is f(x).
Expr* Parser::pipe(Expr* left, const Token& op) {
    Expr* target = precedence(tighter(Precedence::Pipe));
    if (target->kind == ExprKind::Call) {
        target->items.insert(target->items.begin(), left);
        return target;
    }
    Expr* call = make_expr(ExprKind::Call, op.loc);
    call->a = target;
    call->items.push_back(left);
    return call;
}

Expr* Parser::call(Expr* callee, const Token& open) {
    Expr* expr = make_expr(ExprKind::Call, open.loc);
    expr->a = callee;
    comma_list(open, TokenKind::RightParen, "argument", [&] { expr->items.push_back(expression()); });
    return expr;
}

Expr* Parser::index(Expr* object, const Token& open) {
    Expr* expr = make_expr(ExprKind::Index, open.loc);
    expr->a = object;
    expr->b = expression();
    if (!match(TokenKind::RightBracket))
        fail_list_end(open, TokenKind::RightBracket, "index");
    return expr;
}

Expr* Parser::field(Expr* object, const Token& dot) {
    if (!is_word(current().kind)) {
        std::string hint;
        if (check(TokenKind::Int))
            hint = "elements are read with brackets, as in t[0]";
        fail(current(), "expected a field name after '.', found " + what_is(current()), hint);
    }
    Expr* expr = make_expr(ExprKind::Field, dot.loc);
    expr->a = object;
    expr->text = advance().text;
    return expr;
}

// ---- patterns -----------------------------------------------------------------

// One pattern, or alternatives `p | q | ...`.
Pattern* Parser::pattern() {
    Nesting nesting(*this, current());
    Pattern* first = single_pattern();
    if (!check(TokenKind::Pipe))
        return first;
    Pattern* either = make_pattern(PatternKind::Or, first->loc);
    either->items.push_back(first);
    while (match(TokenKind::Pipe))
        either->items.push_back(single_pattern());
    return either;
}

Pattern* Parser::single_pattern() {
    const Token& token = current();
    switch (token.kind) {
    case TokenKind::Identifier: {
        advance();
        if (token.text == "_")
            return make_pattern(PatternKind::Wildcard, token.loc);
        Pattern* bind = make_pattern(PatternKind::Bind, token.loc);
        bind->name = token.text;
        return bind;
    }
    case TokenKind::Caret: {
        advance();
        const Token& name = expect_name("a variable name after '^'");
        Pattern* pin = make_pattern(PatternKind::Pin, token.loc);
        pin->name = name.text;
        pin->literal = variable(name);
        return pin;
    }
    case TokenKind::Int:
    case TokenKind::Float:
    case TokenKind::String:
    case TokenKind::Symbol:
    case TokenKind::True:
    case TokenKind::False:
    case TokenKind::Nil:
    case TokenKind::Minus: {
        advance();
        Pattern* literal = make_pattern(PatternKind::Literal, token.loc);
        literal->literal = token.kind == TokenKind::Minus ? literal_value(advance(), &token)
                                                          : literal_value(token, nullptr);
        return literal;
    }
    case TokenKind::LeftParen:
        return tuple_pattern(advance());
    case TokenKind::LeftBracket:
        return array_pattern(advance());
    case TokenKind::LeftBrace:
        return map_pattern(advance());
    default: {
        std::string hint;
        if (token.kind == TokenKind::DotDot)
            hint = "a rest pattern '..name' goes inside an array pattern, as in [first, ..rest]";
        fail(token, "expected a pattern, found " + what_is(token), hint);
    }
    }
}

Pattern* Parser::tuple_pattern(const Token& open) {
    Pattern* tuple = make_pattern(PatternKind::Tuple, open.loc);
    if (match(TokenKind::RightParen))
        return tuple;
    Pattern* first = pattern();
    if (match(TokenKind::RightParen))
        return first;  // (p) is just p
    if (!match(TokenKind::Comma))
        fail_list_end(open, TokenKind::RightParen, "pattern");
    tuple->items.push_back(first);
    comma_list(open, TokenKind::RightParen, "pattern", [&] { tuple->items.push_back(pattern()); });
    return tuple;
}

// `[p, q]`, `[p, ..rest]`, `[p, ..]`, `[..all]`; the rest comes last.
Pattern* Parser::array_pattern(const Token& open) {
    Pattern* array = make_pattern(PatternKind::Array, open.loc);
    comma_list(open, TokenKind::RightBracket, "pattern", [&] {
        if (array->has_rest)
            fail(current(), "nothing may follow the rest pattern '.." + array->name + "'",
                 "the rest pattern comes last, as in [first, ..rest]");
        if (match(TokenKind::DotDot)) {
            array->has_rest = true;
            if (check(TokenKind::Identifier)) {
                const std::string& name = advance().text;
                array->name = name == "_" ? "" : name;
            }
            return;
        }
        array->items.push_back(pattern());
    });
    return array;
}

// `{key: p, "str": q, name}`; keys are names (symbols) or literals.
Pattern* Parser::map_pattern(const Token& open) {
    Pattern* map = make_pattern(PatternKind::Map, open.loc);
    comma_list(open, TokenKind::RightBrace, "entry", [&] {
        const Token& key = current();
        MapPatternEntry entry;
        if (is_word(key.kind) && peek().kind == TokenKind::Colon) {
            advance();
            advance();
            entry.key = make_symbol(key);
            entry.value = pattern();
        } else if (key.kind == TokenKind::Identifier) {  // the shorthand {name}
            advance();
            if (key.text == "_")
                fail(key, "'_' cannot be a shorthand key", "write key: _ to ignore a key's value");
            entry.key = make_symbol(key);
            entry.value = make_pattern(PatternKind::Bind, key.loc);
            entry.value->name = key.text;
        } else if (key.kind == TokenKind::String || key.kind == TokenKind::Int || key.kind == TokenKind::Float ||
                   key.kind == TokenKind::Symbol || key.kind == TokenKind::Minus) {
            advance();
            entry.key = key.kind == TokenKind::Minus ? literal_value(advance(), &key) : literal_value(key, nullptr);
            expect(TokenKind::Colon, "after the key of a map pattern");
            entry.value = pattern();
        } else {
            fail(key, "expected a map key, found " + what_is(key),
                 "a map pattern's keys are names, as in {name: n} or {name}, or literals, as in {\"k\": v}");
        }
        map->entries.push_back(entry);
    });
    return map;
}

}  // namespace

bool parse_module(Module& module, Diagnostics& diagnostics) {
    Parser parser(module, diagnostics);
    parser.parse();
    return !diagnostics.has_errors();
}

}  // namespace vb::compiler
