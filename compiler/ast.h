// compiler/ast.h — the syntax tree of a vb module.
//
// The parser (parser.cpp) builds it, the resolver (resolver.cpp) annotates names
// with where they live, and codegen (codegen.cpp) walks it once to emit bytecode.
// Nodes are allocated in an Arena owned by the Module and never freed one by one.
// Every node carries the line and column where it starts, so that diagnostics and
// the line table can point at it.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace vb::compiler {

struct Loc {
    uint32_t line = 0;
    uint32_t col = 0;
};

struct Expr;
struct Stmt;
struct Pattern;
struct FnDecl;

// Where a name lives, filled in by the resolver.
enum class NameKind : uint8_t {
    Unresolved,
    Local,    // declared in the current function (codegen knows its register, or its cell's)
    Upvalue,  // captured from an enclosing function: closure upvalue `slot` (a value or a cell)
    Global,   // module global `slot`
    Builtin,  // prelude global `slot`
};

struct Binding;  // a declared variable (resolver.cpp)

// ---- expressions -----------------------------------------------------------

enum class ExprKind : uint8_t {
    Nil, True, False, Int, Float, String, Interp, Symbol,
    Name,      // name
    Tuple,     // (a, b)
    Array,     // [a, b, ..spread?]  (no spread in literals for now)
    Map,       // {k: v, ...}
    Unary,     // -a  not a  ~a
    Binary,    // a op b (arithmetic, comparison, ++, in, is, bitwise)
    And, Or,   // short-circuit
    Range,     // a..b  a..=b
    Call,      // f(args)    (a |> f(x) is parsed into Call f(a, x))
    Index,     // a[i]
    Field,     // a.name
    Fn,        // fn(params) { body }
    If,        // if c { } else { }
    Block,     // { stmts }
    Match,     // match v { arms }
    Try,       // try { } catch e { }
    Raise,     // raise e
    Return,    // return e?
    Break, Continue,
    While,     // while c { }
    For,       // for pat in e { }
    Assign,    // target = value, target op= value
};

enum class Op : uint8_t {
    // arithmetic
    Add, Sub, Mul, Div, IDiv, Mod, Pow, Concat,
    BitAnd, BitOr, BitXor, Shl, Shr,
    // comparison
    Eq, Ne, Lt, Le, Gt, Ge, Is, In, NotIn,
    // unary
    Neg, Not, BitNot,
    None,  // plain `=` in Assign
};

struct Param {
    std::string name;
    Loc loc;
    Expr* default_value = nullptr;  // nullptr: required
    bool rest = false;              // ...name
    Binding* binding = nullptr;     // resolver
};

struct MapEntry {
    Expr* key;    // `name:` becomes a Symbol expression
    Expr* value;
};

struct MatchArm {
    Pattern* pattern;
    Expr* guard = nullptr;
    Expr* body;
};

struct InterpPart {
    std::string text;      // literal text (when expr == nullptr)
    Expr* expr = nullptr;  // an interpolated expression
};

struct FnDecl {
    std::string name;  // "" for a function expression
    Loc loc;
    std::vector<Param> params;
    Expr* body = nullptr;  // a Block
    // resolver:
    struct FunctionScope* scope = nullptr;
};

struct Expr {
    ExprKind kind;
    Loc loc;

    // literals
    int64_t int_value = 0;
    double float_value = 0;
    std::string text;  // String, Symbol (without ':'), Name, Field name

    // operators
    Op op = Op::None;
    Expr* a = nullptr;  // left / operand / callee / object / condition / target / subject
    Expr* b = nullptr;  // right / index / then / value
    Expr* c = nullptr;  // else (If: nullptr when absent)
    bool inclusive = false;  // Range `..=`

    std::vector<Expr*> items;          // Tuple, Array, Call arguments
    std::vector<MapEntry> entries;     // Map
    std::vector<InterpPart> parts;     // Interp
    std::vector<Stmt*> stmts;          // Block
    std::vector<MatchArm> arms;        // Match
    FnDecl* fn = nullptr;              // Fn
    Pattern* pattern = nullptr;        // For (loop pattern)
    std::string catch_name;            // Try: the `catch e` name ("" for `catch _`)
    Loc catch_loc;
    Binding* catch_binding = nullptr;  // Try (resolver)

    // resolver, for Name (and Assign to a Name through `a`)
    NameKind name_kind = NameKind::Unresolved;
    uint32_t slot = 0;
    Binding* binding = nullptr;
};

// ---- patterns --------------------------------------------------------------

enum class PatternKind : uint8_t {
    Wildcard,  // _
    Bind,      // name
    Pin,       // ^name
    Literal,   // 1, -2.5, "s", :sym, true, false, nil  (value in `literal`)
    Tuple,     // (p, q)
    Array,     // [p, q, ..rest]
    Map,       // {key: p, name}
    Or,        // p | q
};

struct MapPatternEntry {
    Expr* key;          // a literal key expression (Symbol for `name:` and shorthand)
    Pattern* value;     // shorthand `{name}` gives a Bind pattern named `name`
};

struct Pattern {
    PatternKind kind;
    Loc loc;
    std::string name;                       // Bind, Pin; Array: rest name ("" = `..`)
    Expr* literal = nullptr;                // Literal; Pin (a Name expression)
    std::vector<Pattern*> items;            // Tuple, Array (before the rest), Or alternatives
    std::vector<MapPatternEntry> entries;   // Map
    bool has_rest = false;                  // Array: `..` or `..name` present (always last)
    Binding* binding = nullptr;             // Bind; Array rest (resolver)
    Binding* rest_binding = nullptr;
};

// ---- statements ------------------------------------------------------------

enum class StmtKind : uint8_t {
    Let,     // let pattern = value
    Var,     // var name = value   (value may be nullptr: nil)
    Fn,      // fn name(...) { }
    Import,  // import io  |  import "path.vb" as name
    Expr,    // an expression statement
};

struct Stmt {
    StmtKind kind;
    Loc loc;
    Pattern* pattern = nullptr;  // Let
    std::string name;            // Var, Import (binding name)
    Expr* value = nullptr;       // Let, Var, Expr
    FnDecl* fn = nullptr;        // Fn
    std::string import_path;     // Import: "io" for a stdlib module, or the quoted path
    bool import_is_file = false; // Import: quoted path
    Binding* binding = nullptr;  // Var, Fn, Import (resolver)
};

// All nodes of one module live here and die with it.
class Arena {
public:
    template <class T>
    T* make() {
        auto& slot = m_blocks.emplace_back(std::make_unique<Holder<T>>());
        return &static_cast<Holder<T>*>(slot.get())->value;
    }

private:
    struct Base {
        virtual ~Base() = default;
    };
    template <class T>
    struct Holder : Base {
        T value{};
    };
    std::deque<std::unique_ptr<Base>> m_blocks;
};

struct Module {
    std::string path;      // as given, for diagnostics and traces
    std::string source;    // the whole text
    std::vector<Stmt*> stmts;
    Arena arena;
};

}  // namespace vb::compiler
