// compiler/ast_dump.cpp — writes the tree of ast.h as S-expressions (see ast_dump.h).
#include "compiler/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace vb::compiler {

namespace {

const char* spelling(Op op) {
    switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::IDiv: return "//";
    case Op::Mod: return "%";
    case Op::Pow: return "**";
    case Op::Concat: return "++";
    case Op::BitAnd: return "&";
    case Op::BitOr: return "|";
    case Op::BitXor: return "^";
    case Op::Shl: return "<<";
    case Op::Shr: return ">>";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Is: return "is";
    case Op::In: return "in";
    case Op::NotIn: return "not-in";
    case Op::Neg: return "-";
    case Op::Not: return "not";
    case Op::BitNot: return "~";
    case Op::None: return "";
    }
    return "?";
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '$': out += "\\$"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buffer[12];
                std::snprintf(buffer, sizeof buffer, "\\u{%X}", c);
                out += buffer;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

// The shortest spelling that reads back as the same double, always with a '.' or an
// exponent so it cannot be mistaken for an int.
std::string float_text(double value) {
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    char buffer[64];
    const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return text;
}

class Dumper {
public:
    std::string take() { return std::move(m_out); }
    void newline() { m_out += '\n'; }

    void stmt(const Stmt& stmt) {
        switch (stmt.kind) {
        case StmtKind::Let:
            open("let");
            m_out += ' ';
            pattern(*stmt.pattern);
            expr_child(stmt.value);
            close();
            break;
        case StmtKind::Var:
            open("var");
            word(stmt.name);
            expr_child(stmt.value);
            close();
            break;
        case StmtKind::Fn:
            function(*stmt.fn);
            break;
        case StmtKind::Import:
            open("import");
            word(stmt.import_is_file ? quoted(stmt.import_path) : stmt.import_path);
            if (stmt.import_is_file || stmt.name != stmt.import_path) {
                word("as");
                word(stmt.name);
            }
            close();
            break;
        case StmtKind::Expr:
            expr(*stmt.value);
            break;
        }
    }

    void expr(const Expr& e) {
        switch (e.kind) {
        case ExprKind::Nil: return leaf("nil");
        case ExprKind::True: return leaf("true");
        case ExprKind::False: return leaf("false");
        case ExprKind::Int: return leaf(std::to_string(e.int_value));
        case ExprKind::Float: return leaf(float_text(e.float_value));
        case ExprKind::String: return leaf(quoted(e.text));
        case ExprKind::Symbol: return leaf(":" + e.text);
        case ExprKind::Name: return leaf(e.text);
        case ExprKind::Interp:
            open("interp");
            for (const InterpPart& part : e.parts) {
                if (part.expr)
                    expr_child(part.expr);
                else
                    word(quoted(part.text));
            }
            return close();
        case ExprKind::Tuple: return node("tuple", e.items);
        case ExprKind::Array: return node("array", e.items);
        case ExprKind::Map:
            open("map");
            for (const MapEntry& entry : e.entries) {
                m_out += " (";
                expr(*entry.key);
                expr_child(entry.value);
                m_out += ")";
            }
            return close();
        case ExprKind::Unary:
            open(spelling(e.op));
            expr_child(e.a);
            return close();
        case ExprKind::Binary:
            open(spelling(e.op));
            expr_child(e.a);
            expr_child(e.b);
            return close();
        case ExprKind::And:
        case ExprKind::Or:
            open(e.kind == ExprKind::And ? "and" : "or");
            expr_child(e.a);
            expr_child(e.b);
            return close();
        case ExprKind::Range:
            open(e.inclusive ? "..=" : "..");
            expr_child(e.a);
            expr_child(e.b);
            return close();
        case ExprKind::Call:
            open("call");
            expr_child(e.a);
            for (const Expr* item : e.items)
                expr_child(item);
            return close();
        case ExprKind::Index:
            open("index");
            expr_child(e.a);
            expr_child(e.b);
            return close();
        case ExprKind::Field:
            open(".");
            expr_child(e.a);
            word(e.text);
            return close();
        case ExprKind::Fn:
            return function(*e.fn);
        case ExprKind::If:
            open("if");
            expr_child(e.a);
            expr_child(e.b);
            expr_child(e.c);
            return close();
        case ExprKind::Block:
            open("block");
            for (const Stmt* s : e.stmts) {
                m_out += ' ';
                stmt(*s);
            }
            return close();
        case ExprKind::Match:
            open("match");
            expr_child(e.a);
            for (const MatchArm& arm : e.arms) {
                m_out += " (arm ";
                pattern(*arm.pattern);
                if (arm.guard) {
                    m_out += " (guard";
                    expr_child(arm.guard);
                    m_out += ")";
                }
                expr_child(arm.body);
                m_out += ")";
            }
            return close();
        case ExprKind::Try:
            open("try");
            expr_child(e.a);
            word(e.catch_name.empty() ? "_" : e.catch_name);
            expr_child(e.b);
            return close();
        case ExprKind::Raise:
            open("raise");
            expr_child(e.a);
            return close();
        case ExprKind::Return:
            open("return");
            expr_child(e.a);
            return close();
        case ExprKind::Break: return leaf("(break)");
        case ExprKind::Continue: return leaf("(continue)");
        case ExprKind::While:
            open("while");
            expr_child(e.a);
            expr_child(e.b);
            return close();
        case ExprKind::For:
            open("for");
            m_out += ' ';
            pattern(*e.pattern);
            expr_child(e.a);
            expr_child(e.b);
            return close();
        case ExprKind::Assign:
            open(std::string(spelling(e.op)) + "=");
            expr_child(e.a);
            expr_child(e.b);
            return close();
        }
    }

    void pattern(const Pattern& p) {
        switch (p.kind) {
        case PatternKind::Wildcard: return leaf("_");
        case PatternKind::Bind: return leaf(p.name);
        case PatternKind::Pin: return leaf("^" + p.name);
        case PatternKind::Literal: return expr(*p.literal);
        case PatternKind::Tuple:
        case PatternKind::Array:
        case PatternKind::Or:
            open(p.kind == PatternKind::Tuple ? "tuple" : p.kind == PatternKind::Array ? "array" : "|");
            for (const Pattern* item : p.items) {
                m_out += ' ';
                pattern(*item);
            }
            if (p.has_rest)
                word(".." + p.name);
            return close();
        case PatternKind::Map:
            open("map");
            for (const MapPatternEntry& entry : p.entries) {
                m_out += " (";
                expr(*entry.key);
                m_out += ' ';
                pattern(*entry.value);
                m_out += ")";
            }
            return close();
        }
    }

private:
    std::string m_out;

    void leaf(const std::string& text) { m_out += text; }
    void word(const std::string& text) { m_out += ' ' + text; }
    void open(const std::string& head) { m_out += '(' + head; }
    void close() { m_out += ')'; }

    // A space and [child], unless it is absent.
    void expr_child(const Expr* child) {
        if (!child)
            return;
        m_out += ' ';
        expr(*child);
    }

    void node(const char* head, const std::vector<Expr*>& items) {
        open(head);
        for (const Expr* item : items)
            expr_child(item);
        close();
    }

    void function(const FnDecl& fn) {
        open("fn");
        if (!fn.name.empty())
            word(fn.name);
        m_out += " (";
        bool first = true;
        for (const Param& param : fn.params) {
            if (!first)
                m_out += ' ';
            first = false;
            if (param.rest) {
                m_out += "..." + param.name;
            } else if (param.default_value) {
                m_out += "(" + param.name + " =";
                expr_child(param.default_value);
                m_out += ")";
            } else {
                m_out += param.name;
            }
        }
        m_out += ")";
        expr_child(fn.body);
        close();
    }
};

}  // namespace

std::string dump_ast(const Module& module) {
    Dumper dumper;
    for (const Stmt* stmt : module.stmts) {
        dumper.stmt(*stmt);
        dumper.newline();
    }
    return dumper.take();
}

std::string dump_expr(const Expr& expr) {
    Dumper dumper;
    dumper.expr(expr);
    return dumper.take();
}

std::string dump_pattern(const Pattern& pattern) {
    Dumper dumper;
    dumper.pattern(pattern);
    return dumper.take();
}

}  // namespace vb::compiler
