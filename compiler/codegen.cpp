// compiler/codegen.cpp — bytecode generation (see codegen.h).
//
// Registers are allocated as a stack: a local takes the next register when it is
// declared and gives it back when its block ends; temporaries live above the
// locals. compile_expr(e, dst) leaves e's value in register dst (kDiscard: value
// unused); compile_any(e) returns some register holding e's value, without a move
// when e is a local. Conditions compile to test-and-jump pairs, never to a bool.
// A call in tail position (the value of a function's body, not inside `try`)
// becomes TailCall, so loops written as recursion run in constant stack.
#include "compiler/codegen.h"

#include <memory>

#include "compiler/function_builder.h"

namespace vb::compiler {

using isa::Opcode;

namespace {

constexpr int kDiscard = -1;

struct LoopContext {
    std::vector<size_t> breaks;
    std::vector<size_t> continues;
    int try_depth = 0;
};

struct FunctionState {
    FunctionState* parent = nullptr;
    FunctionScope* scope = nullptr;
    std::unique_ptr<image::Function> function;
    std::unique_ptr<FunctionBuilder> builder;
    int next_reg = 0;
    int max_reg = 1;
    int try_depth = 0;
    bool is_top_level = false;
    std::vector<LoopContext> loops;
};

class Codegen;

// The registers one expression takes while it compiles, given back when it is done;
// `target` is the destination, or a scratch register when the value is discarded.
struct Scratch {
    Scratch(Codegen& codegen, int dst);
    ~Scratch();
    Codegen& codegen;
    int saved;
    int target;
};

class Codegen {
    friend struct Scratch;

public:
    Codegen(Module& module, Resolution& resolution, const CodegenOptions& options, image::Module& out,
            Diagnostics& diagnostics)
        : m_module(module), m_res(resolution), m_options(options), m_out(out), m_diagnostics(diagnostics) {}

    void run() {
        m_out.functions.clear();
        m_functions.clear();
        m_functions.emplace_back();  // slot 0: the top level
        FunctionState top;
        top.scope = m_res.top_level;
        top.function = std::make_unique<image::Function>();
        top.function->name = "<main>";
        top.builder = std::make_unique<FunctionBuilder>(*top.function);
        top.is_top_level = true;
        m_fn = &top;
        try {
            compile_top_level();
        } catch (LimitExceeded& e) {
            m_diagnostics.error(Loc{1, 1}, "the module's top level is too large: " + e.what);
        }
        finish_function(top);
        m_functions[0] = std::move(top.function);
        for (auto& f : m_functions) m_out.functions.push_back(std::move(*f));
        for (const ModuleGlobal& g : m_res.globals) m_out.globals.push_back(g.name);
    }

private:
    FunctionBuilder& b() { return *m_fn->builder; }

    // ---- registers ----
    int alloc() {
        m_fresh = -1;
        int r = m_fn->next_reg++;
        if (r >= 250) throw LimitExceeded{"too many local variables and temporaries in one function"};
        if (m_fn->next_reg > m_fn->max_reg) m_fn->max_reg = m_fn->next_reg;
        return r;
    }
    void free_to(int n) { m_fn->next_reg = n; }

    int constant(const image::Constant& c) { return b().constant(c); }
    int symbol_constant(const std::string& name) {
        image::Constant c;
        c.kind = image::ConstantKind::Symbol;
        c.text = name;
        return constant(c);
    }

    void load_int(int dst, int64_t v) {
        if (v >= isa::kMinSBx && v <= isa::kMaxSBx) {
            b().asbx(Opcode::LoadInt, dst, static_cast<int>(v));
        } else {
            image::Constant c;
            c.kind = image::ConstantKind::Int;
            c.int_value = v;
            b().abx(Opcode::LoadK, dst, constant(c));
        }
    }

    void load_constant(int dst, const image::Constant& c) { b().abx(Opcode::LoadK, dst, constant(c)); }

    // ---- names ----

    void load_name(Expr* e, int dst) {
        switch (e->name_kind) {
            case NameKind::Local: {
                Binding* bd = e->binding;
                if (bd->needs_cell()) b().abc(Opcode::GetCell, dst, bd->reg, 0);
                else if (dst != bd->reg) b().abc(Opcode::Move, dst, bd->reg, 0);
                break;
            }
            case NameKind::Upvalue:
                if (e->binding->needs_cell()) b().abc(Opcode::GetUpCell, dst, e->slot, 0);
                else b().abc(Opcode::GetUpval, dst, e->slot, 0);
                break;
            case NameKind::Global: b().abx(Opcode::GetGlobal, dst, e->slot); break;
            case NameKind::Builtin: b().abx(Opcode::GetBuiltin, dst, e->slot); break;
            case NameKind::Unresolved: b().abc(Opcode::LoadNil, dst, 0, 0); break;
        }
    }

    // ---- expressions ----

    bool is_plain_local(Expr* e) {
        return e->kind == ExprKind::Name && e->name_kind == NameKind::Local && e->binding &&
               !e->binding->needs_cell() && e->binding->reg >= 0;
    }

    // Compiles `e` into a new register on top of the stack (an argument or an
    // element of a literal), which a call may use as its base.
    void compile_fresh(Expr* e) {
        int r = alloc();
        m_fresh = r;
        compile_expr(e, r);
    }

    int compile_any(Expr* e) {
        if (is_plain_local(e)) return e->binding->reg;
        int r = alloc();
        m_fresh = r;
        compile_expr(e, r);
        return r;
    }

    static bool small_int(Expr* e, int64_t lo, int64_t hi, int64_t* out) {
        if (e->kind != ExprKind::Int) return false;
        if (e->int_value < lo || e->int_value > hi) return false;
        *out = e->int_value;
        return true;
    }

    static Opcode arith_opcode(Op op) {
        switch (op) {
            case Op::Add: return Opcode::Add;
            case Op::Sub: return Opcode::Sub;
            case Op::Mul: return Opcode::Mul;
            case Op::Div: return Opcode::Div;
            case Op::IDiv: return Opcode::IDiv;
            case Op::Mod: return Opcode::Mod;
            case Op::Pow: return Opcode::Pow;
            case Op::Concat: return Opcode::Concat;
            case Op::BitAnd: return Opcode::BitAnd;
            case Op::BitOr: return Opcode::BitOr;
            case Op::BitXor: return Opcode::BitXor;
            case Op::Shl: return Opcode::Shl;
            case Op::Shr: return Opcode::Shr;
            case Op::Eq: return Opcode::Eq;
            case Op::Ne: return Opcode::Ne;
            case Op::Lt: return Opcode::Lt;
            case Op::Le: return Opcode::Le;
            case Op::Is: return Opcode::Is;
            default: return Opcode::Move;
        }
    }

    void compile_binary(Expr* e, int dst) {
        Scratch scratch(*this, dst);
        int target = scratch.target;
        int64_t imm;
        if ((e->op == Op::Add || e->op == Op::Sub) && small_int(e->b, -127, 127, &imm)) {
            int ra = compile_any(e->a);
            b().line = e->loc.line;
            b().abc(Opcode::AddI, target, ra, static_cast<int>((e->op == Op::Add ? imm : -imm) + 128));
            return;
        }
        if (compile_constant_operand(e, target)) return;
        Expr* left = e->a;
        Expr* right = e->b;
        Op op = e->op;
        if (op == Op::Gt || op == Op::Ge) {
            std::swap(left, right);
            op = op == Op::Gt ? Op::Lt : Op::Le;
        }
        int ra, rb;
        if (left == e->b) {  // swapped: still evaluate in source order
            rb = compile_any(e->a);
            ra = compile_any(e->b);
        } else {
            ra = compile_any(left);
            rb = compile_any(right);
        }
        b().line = e->loc.line;
        switch (op) {
            case Op::In: b().abc(Opcode::In, target, ra, rb); break;
            case Op::NotIn:
                b().abc(Opcode::In, target, ra, rb);
                b().abc(Opcode::Not, target, target, 0);
                break;
            default: b().abc(arith_opcode(op), target, ra, rb); break;
        }
    }

    // `x op 2.5`, `x % 7`, `2.0 * x`: the literal stays in the constant pool instead of
    // taking a register and an instruction to load. Returns false when not applicable.
    bool compile_constant_operand(Expr* e, int target) {
        Opcode op;
        switch (e->op) {
            case Op::Add: op = Opcode::AddK; break;
            case Op::Sub: op = Opcode::SubK; break;
            case Op::Mul: op = Opcode::MulK; break;
            case Op::Div: op = Opcode::DivK; break;
            case Op::Mod: op = Opcode::ModK; break;
            case Op::IDiv: op = Opcode::IDivK; break;
            default: return false;
        }
        auto is_number = [](Expr* x) { return x->kind == ExprKind::Int || x->kind == ExprKind::Float; };
        Expr* literal = nullptr;
        Expr* other = nullptr;
        if (is_number(e->b)) {
            literal = e->b;
            other = e->a;
        } else if ((e->op == Op::Add || e->op == Op::Mul) && is_number(e->a)) {
            literal = e->a;  // both commute exactly, for ints and IEEE floats
            other = e->b;
        } else {
            return false;
        }
        int k = constant(literal_constant(literal));
        if (k > 255) return false;
        int r = compile_any(other);
        b().line = e->loc.line;
        b().abc(op, target, r, k);
        return true;
    }

    // Jumps (added to `jumps`) when the condition's truth equals `when`.
    void compile_condition(Expr* e, bool when, std::vector<size_t>& jumps) {
        switch (e->kind) {
            case ExprKind::True:
                if (when) jumps.push_back(b().jump());
                return;
            case ExprKind::False:
            case ExprKind::Nil:
                if (!when) jumps.push_back(b().jump());
                return;
            case ExprKind::Unary:
                if (e->op == Op::Not) {
                    compile_condition(e->a, !when, jumps);
                    return;
                }
                break;
            case ExprKind::And:
            case ExprKind::Or: {
                bool is_and = e->kind == ExprKind::And;
                if (is_and != when) {
                    // and-false / or-true: either side decides on its own.
                    compile_condition(e->a, when, jumps);
                    compile_condition(e->b, when, jumps);
                } else {
                    std::vector<size_t> skip;
                    compile_condition(e->a, !when, skip);
                    compile_condition(e->b, when, jumps);
                    b().patch_all_to_here(skip);
                }
                return;
            }
            case ExprKind::Binary: {
                Op op = e->op;
                if (op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge) {
                    int saved = m_fn->next_reg;
                    int64_t imm;
                    if (op == Op::Lt && small_int(e->b, -128, 127, &imm)) {
                        int ra = compile_any(e->a);
                        b().line = e->loc.line;
                        b().abc(Opcode::TestLtI, ra, static_cast<int>(imm + 128), when ? 1 : 0);
                        jumps.push_back(b().jump());
                        free_to(saved);
                        return;
                    }
                    int ra = compile_any(e->a);
                    int rb = compile_any(e->b);
                    b().line = e->loc.line;
                    switch (op) {
                        case Op::Eq: b().abc(Opcode::TestEq, ra, rb, when); break;
                        case Op::Ne: b().abc(Opcode::TestEq, ra, rb, !when); break;
                        case Op::Lt: b().abc(Opcode::TestLt, ra, rb, when); break;
                        case Op::Le: b().abc(Opcode::TestLe, ra, rb, when); break;
                        case Op::Gt: b().abc(Opcode::TestLt, rb, ra, when); break;
                        default: b().abc(Opcode::TestLe, rb, ra, when); break;
                    }
                    jumps.push_back(b().jump());
                    free_to(saved);
                    return;
                }
                break;
            }
            default: break;
        }
        int saved = m_fn->next_reg;
        int r = compile_any(e);
        jumps.push_back(b().jump(when ? Opcode::JmpIf : Opcode::JmpIfNot, r));
        free_to(saved);
    }

    void compile_expr(Expr* e, int dst) {
        b().line = e->loc.line;
        switch (e->kind) {
            case ExprKind::Nil:
                if (dst != kDiscard) b().abc(Opcode::LoadNil, dst, 0, 0);
                return;
            case ExprKind::True:
            case ExprKind::False:
                if (dst != kDiscard) b().abc(Opcode::LoadBool, dst, e->kind == ExprKind::True, 0);
                return;
            case ExprKind::Int:
                if (dst != kDiscard) load_int(dst, e->int_value);
                return;
            case ExprKind::Float:
            case ExprKind::String:
            case ExprKind::Symbol:
                if (dst != kDiscard) load_constant(dst, literal_constant(e));
                return;
            case ExprKind::Name:
                if (dst != kDiscard) load_name(e, dst);
                else if (e->name_kind == NameKind::Global) {
                    int saved = m_fn->next_reg;
                    load_name(e, alloc());  // may raise :undefined
                    free_to(saved);
                }
                return;
            case ExprKind::Interp: compile_interpolation(e, dst); return;
            case ExprKind::Tuple:
            case ExprKind::Array: compile_sequence(e, dst); return;
            case ExprKind::Map: compile_map(e, dst); return;
            case ExprKind::Unary: compile_unary(e, dst); return;
            case ExprKind::Binary: compile_binary(e, dst); return;
            case ExprKind::And:
            case ExprKind::Or: {
                Scratch scratch(*this, dst);
                int target = scratch.target;
                compile_expr(e->a, target);
                b().line = e->loc.line;
                size_t skip = b().jump(e->kind == ExprKind::And ? Opcode::JmpIfNot : Opcode::JmpIf, target);
                compile_expr(e->b, target);
                b().patch_to_here(skip);
                return;
            }
            case ExprKind::Range: {
                Scratch scratch(*this, dst);
                int target = scratch.target;
                int ra = compile_any(e->a);
                int rb = compile_any(e->b);
                b().line = e->loc.line;
                b().abc(e->inclusive ? Opcode::RangeIncl : Opcode::Range, target, ra, rb);
                return;
            }
            case ExprKind::Call: compile_call(e, dst, false); return;
            case ExprKind::Index: {
                Scratch scratch(*this, dst);
                int target = scratch.target;
                int ro = compile_any(e->a);
                int64_t imm;
                if (small_int(e->b, 0, 255, &imm)) {
                    b().line = e->loc.line;
                    b().abc(Opcode::GetIndexI, target, ro, static_cast<int>(imm));
                } else {
                    int rk = compile_any(e->b);
                    b().line = e->loc.line;
                    b().abc(Opcode::GetIndex, target, ro, rk);
                }
                return;
            }
            case ExprKind::Field: {
                Scratch scratch(*this, dst);
                int target = scratch.target;
                int ro = compile_any(e->a);
                int k = symbol_constant(e->text);
                b().line = e->loc.line;
                if (k <= 255) {
                    b().abc(Opcode::GetField, target, ro, k);
                } else {
                    int rk = alloc();
                    b().abx(Opcode::LoadK, rk, k);
                    b().abc(Opcode::GetIndex, target, ro, rk);
                }
                return;
            }
            case ExprKind::Fn: {
                int index = compile_function(e->fn);
                if (dst != kDiscard) emit_closure(dst, index);
                return;
            }
            case ExprKind::If: compile_if(e, dst); return;
            case ExprKind::Block: compile_block(e, dst, false); return;
            case ExprKind::Match: compile_match(e, dst, false); return;
            case ExprKind::Try: compile_try(e, dst); return;
            case ExprKind::Raise: {
                int saved = m_fn->next_reg;
                int r = compile_any(e->a);
                b().line = e->loc.line;
                b().abc(Opcode::Raise, r, 0, 0);
                free_to(saved);
                return;
            }
            case ExprKind::Return: compile_return(e); return;
            case ExprKind::Break:
            case ExprKind::Continue: compile_break(e); return;
            case ExprKind::While: compile_while(e, dst); return;
            case ExprKind::For: compile_for(e, dst); return;
            case ExprKind::Assign:
                compile_assign(e);
                if (dst != kDiscard) b().abc(Opcode::LoadNil, dst, 0, 0);
                return;
        }
    }

    image::Constant literal_constant(Expr* e) {
        image::Constant c;
        switch (e->kind) {
            case ExprKind::Int:
                c.kind = image::ConstantKind::Int;
                c.int_value = e->int_value;
                break;
            case ExprKind::Float:
                c.kind = image::ConstantKind::Float;
                c.float_value = e->float_value;
                break;
            case ExprKind::String:
                c.kind = image::ConstantKind::String;
                c.text = e->text;
                break;
            case ExprKind::Symbol:
                c.kind = image::ConstantKind::Symbol;
                c.text = e->text;
                break;
            case ExprKind::True:
            case ExprKind::False:
                c.kind = image::ConstantKind::Bool;
                c.int_value = e->kind == ExprKind::True;
                break;
            default: break;
        }
        return c;
    }

    void compile_unary(Expr* e, int dst) {
        if (e->op == Op::Neg && e->a->kind == ExprKind::Int) {
            if (dst != kDiscard) load_int(dst, -e->a->int_value);
            return;
        }
        if (e->op == Op::Neg && e->a->kind == ExprKind::Float) {
            if (dst != kDiscard) {
                image::Constant c;
                c.kind = image::ConstantKind::Float;
                c.float_value = -e->a->float_value;
                load_constant(dst, c);
            }
            return;
        }
        Scratch scratch(*this, dst);
        int target = scratch.target;
        int r = compile_any(e->a);
        b().line = e->loc.line;
        Opcode op = e->op == Op::Neg ? Opcode::Neg : e->op == Op::Not ? Opcode::Not : Opcode::BitNot;
        b().abc(op, target, r, 0);
    }

    void compile_interpolation(Expr* e, int dst) {
        Scratch scratch(*this, dst);
        if (e->parts.size() > 200) throw LimitExceeded{"a string has more than 200 interpolated parts"};
        int base = m_fn->next_reg;
        for (InterpPart& part : e->parts) {
            int r = alloc();
            if (part.expr) {
                compile_expr(part.expr, r);
            } else {
                image::Constant c;
                c.kind = image::ConstantKind::String;
                c.text = part.text;
                load_constant(r, c);
            }
        }
        b().line = e->loc.line;
        b().abc(Opcode::Interpolate, scratch.target, base, static_cast<int>(e->parts.size()));
    }

    void compile_sequence(Expr* e, int dst) {
        Scratch scratch(*this, dst);
        int target = scratch.target;
        size_t n = e->items.size();
        bool tuple = e->kind == ExprKind::Tuple;
        if (n <= 64) {
            int base = m_fn->next_reg;
            for (Expr* item : e->items) compile_fresh(item);
            b().line = e->loc.line;
            b().abc(tuple ? Opcode::NewTuple : Opcode::NewArray, target, base, static_cast<int>(n));
        } else if (!tuple) {
            int array = alloc();
            b().abc(Opcode::NewArray, array, 0, 0);
            for (Expr* item : e->items) {
                int r = compile_any(item);
                b().abc(Opcode::Append, array, r, 0);
                free_to(array + 1);
            }
            b().abc(Opcode::Move, target, array, 0);
        } else {
            throw LimitExceeded{"a tuple literal has more than 64 elements; use an array"};
        }
    }

    void compile_map(Expr* e, int dst) {
        Scratch scratch(*this, dst);
        int target = scratch.target;
        size_t n = e->entries.size();
        if (n <= 32) {
            int base = m_fn->next_reg;
            for (MapEntry& entry : e->entries) {
                compile_fresh(entry.key);
                compile_fresh(entry.value);
            }
            b().line = e->loc.line;
            b().abc(Opcode::NewMap, target, base, static_cast<int>(n));
        } else {
            int map = alloc();
            b().abc(Opcode::NewMap, map, 0, 0);
            for (MapEntry& entry : e->entries) {
                int rk = compile_any(entry.key);
                int rv = compile_any(entry.value);
                b().abc(Opcode::SetIndex, map, rk, rv);
                free_to(map + 1);
            }
            b().abc(Opcode::Move, target, map, 0);
        }
    }

    void compile_call(Expr* e, int dst, bool tail) {
        int saved = m_fn->next_reg;
        if (e->items.size() > 200) throw LimitExceeded{"a call has more than 200 arguments"};
        // A fresh temporary on top of the stack can be the call's base itself, which
        // saves the Move of the result; a variable's register cannot (the callee
        // would overwrite it before the arguments are evaluated).
        bool reuse = dst != kDiscard && dst == m_fresh && dst + 1 == m_fn->next_reg;
        m_fresh = -1;
        int base = reuse ? dst : alloc();
        compile_expr(e->a, base);
        for (Expr* arg : e->items) compile_fresh(arg);
        b().line = e->loc.line;
        int n = static_cast<int>(e->items.size());
        if (tail) {
            b().abc(Opcode::TailCall, base, n, 0);
            b().abc(Opcode::Return, base, 0, 0);
        } else {
            b().abc(Opcode::Call, base, n, 0);
            if (dst != kDiscard && dst != base) b().abc(Opcode::Move, dst, base, 0);
        }
        free_to(saved);
    }

    // ---- control flow ----

    void compile_if(Expr* e, int dst) {
        std::vector<size_t> otherwise;
        compile_condition(e->a, false, otherwise);
        compile_expr(e->b, dst);
        if (e->c || dst != kDiscard) {
            size_t end = b().jump();
            b().patch_all_to_here(otherwise);
            if (e->c) compile_expr(e->c, dst);
            else b().abc(Opcode::LoadNil, dst, 0, 0);
            b().patch_to_here(end);
        } else {
            b().patch_all_to_here(otherwise);
        }
    }

    // Declares the registers of a block's local functions before its statements,
    // so they can call each other in any order.
    void hoist_local_functions(std::vector<Stmt*>& stmts) {
        for (Stmt* s : stmts) {
            if (s->kind != StmtKind::Fn || !s->binding || s->binding->is_global) continue;
            Binding* bd = s->binding;
            bd->reg = alloc();
            if (bd->needs_cell()) {
                b().abc(Opcode::LoadNil, bd->reg, 0, 0);
                b().abc(Opcode::NewCell, bd->reg, bd->reg, 0);
            }
        }
    }

    void compile_block(Expr* e, int dst, bool tail) {
        int saved = m_fn->next_reg;
        hoist_local_functions(e->stmts);
        size_t n = e->stmts.size();
        for (size_t i = 0; i < n; i++) {
            Stmt* s = e->stmts[i];
            bool last = i + 1 == n;
            if (last && s->kind == StmtKind::Expr) {
                if (tail) compile_tail(s->value);
                else compile_expr(s->value, dst);
            } else {
                compile_statement(s);
                if (last) finish_value(dst, tail);
            }
        }
        if (n == 0) finish_value(dst, tail);
        free_to(saved);
    }

    // A construct that yields nil: load it, or return it in tail position.
    void finish_value(int dst, bool tail) {
        if (tail) {
            int r = alloc();
            b().abc(Opcode::LoadNil, r, 0, 0);
            b().abc(Opcode::Return, r, 0, 0);
        } else if (dst != kDiscard) {
            b().abc(Opcode::LoadNil, dst, 0, 0);
        }
    }

    void compile_while(Expr* e, int dst) {
        size_t start = b().here();
        std::vector<size_t> exit;
        compile_condition(e->a, false, exit);
        m_fn->loops.push_back(LoopContext{{}, {}, m_fn->try_depth});
        compile_expr(e->b, kDiscard);
        for (size_t j : m_fn->loops.back().continues) b().patch(j, start);
        b().line = e->loc.line;
        size_t back = b().jump();
        b().patch(back, start);
        b().patch_all_to_here(exit);
        b().patch_all_to_here(m_fn->loops.back().breaks);
        m_fn->loops.pop_back();
        if (dst != kDiscard) b().abc(Opcode::LoadNil, dst, 0, 0);
    }

    void compile_for(Expr* e, int dst) {
        int saved = m_fn->next_reg;
        Pattern* pattern = e->pattern;
        if (e->a->kind == ExprKind::Range) {
            int base = alloc();
            alloc();
            alloc();
            compile_expr(e->a->a, base);
            compile_expr(e->a->b, base + 1);
            b().line = e->loc.line;
            bool inclusive = e->a->inclusive;
            size_t prep = b().jump(inclusive ? Opcode::ForPrepIncl : Opcode::ForPrep, base);
            size_t body = b().here();
            m_fn->loops.push_back(LoopContext{{}, {}, m_fn->try_depth});
            int body_saved = m_fn->next_reg;
            bind_loop_variable(pattern, base + 2);
            compile_expr(e->b, kDiscard);
            free_to(body_saved);
            b().patch_all_to_here(m_fn->loops.back().continues);
            b().line = e->loc.line;
            size_t loop = b().jump(inclusive ? Opcode::ForLoopIncl : Opcode::ForLoop, base);
            b().patch(loop, body);
            b().patch_to_here(prep);
        } else {
            bool pair = pattern && pattern->kind == PatternKind::Tuple && pattern->items.size() == 2;
            int base = alloc();
            alloc();
            alloc();
            if (pair) alloc();
            compile_expr(e->a, base);
            b().line = e->loc.line;
            b().abc(Opcode::IterPrep, base, 0, 0);
            size_t start = b().here();
            size_t next = b().jump(pair ? Opcode::IterNext2 : Opcode::IterNext, base);
            m_fn->loops.push_back(LoopContext{{}, {}, m_fn->try_depth});
            int body_saved = m_fn->next_reg;
            if (pair) {
                bind_loop_variable(pattern->items[0], base + 2);
                bind_loop_variable(pattern->items[1], base + 3);
            } else {
                bind_loop_variable(pattern, base + 2);
            }
            compile_expr(e->b, kDiscard);
            free_to(body_saved);
            for (size_t j : m_fn->loops.back().continues) b().patch(j, start);
            m_fn->loops.back().continues.clear();
            b().line = e->loc.line;
            size_t back = b().jump();
            b().patch(back, start);
            b().patch_to_here(next);
        }
        b().patch_all_to_here(m_fn->loops.back().breaks);
        m_fn->loops.pop_back();
        free_to(saved);
        if (dst != kDiscard) b().abc(Opcode::LoadNil, dst, 0, 0);
    }

    // Binds a loop pattern to the value in `reg`, which the loop overwrites next time.
    void bind_loop_variable(Pattern* p, int reg) {
        if (!p || p->kind == PatternKind::Wildcard) return;
        if (p->kind == PatternKind::Bind && !p->binding->needs_cell()) {
            p->binding->reg = reg;
            return;
        }
        std::vector<size_t> fail;
        compile_pattern(p, reg, fail);
        if (!fail.empty()) {
            size_t ok = b().jump();
            b().patch_all_to_here(fail);
            b().abc(Opcode::NoMatch, reg, 0, 0);
            b().patch_to_here(ok);
        }
    }

    void compile_break(Expr* e) {
        if (m_fn->loops.empty()) {
            m_diagnostics.error(e->loc, std::string("`") + (e->kind == ExprKind::Break ? "break" : "continue") +
                                            "` outside a loop");
            return;
        }
        LoopContext& loop = m_fn->loops.back();
        for (int i = loop.try_depth; i < m_fn->try_depth; i++) b().abc(Opcode::EndTry, 0, 0, 0);
        size_t j = b().jump();
        (e->kind == ExprKind::Break ? loop.breaks : loop.continues).push_back(j);
    }

    void compile_return(Expr* e) {
        if (m_fn->is_top_level && !m_options.repl) {
            m_diagnostics.error(e->loc, "`return` outside a function");
            return;
        }
        if (m_fn->try_depth == 0 && e->a && !m_fn->is_top_level) {
            compile_tail(e->a);
            return;
        }
        int saved = m_fn->next_reg;
        int r;
        if (e->a) {
            r = compile_any(e->a);
        } else {
            r = alloc();
            b().abc(Opcode::LoadNil, r, 0, 0);
        }
        b().line = e->loc.line;
        b().abc(Opcode::Return, r, 0, 0);
        free_to(saved);
    }

    // Compiles `e` as the value the function returns.
    void compile_tail(Expr* e) {
        b().line = e->loc.line;
        switch (e->kind) {
            case ExprKind::Call: compile_call(e, kDiscard, true); return;
            case ExprKind::If: {
                std::vector<size_t> otherwise;
                compile_condition(e->a, false, otherwise);
                compile_tail(e->b);
                b().patch_all_to_here(otherwise);
                if (e->c) compile_tail(e->c);
                else finish_value(kDiscard, true);
                return;
            }
            case ExprKind::Block: compile_block(e, kDiscard, true); return;
            case ExprKind::Match: compile_match(e, kDiscard, true); return;
            default: {
                int saved = m_fn->next_reg;
                int r = compile_any(e);
                b().line = e->loc.line;
                b().abc(Opcode::Return, r, 0, 0);
                free_to(saved);
            }
        }
    }

    void compile_try(Expr* e, int dst) {
        int saved = m_fn->next_reg;
        int caught = alloc();
        b().line = e->loc.line;
        size_t handler = b().jump(Opcode::Try, caught);
        m_fn->try_depth++;
        compile_expr(e->a, dst);
        m_fn->try_depth--;
        b().abc(Opcode::EndTry, 0, 0, 0);
        size_t end = b().jump();
        b().patch_to_here(handler);
        if (e->catch_binding) {
            e->catch_binding->reg = caught;
            if (e->catch_binding->needs_cell()) b().abc(Opcode::NewCell, caught, caught, 0);
        }
        compile_expr(e->b, dst);
        b().patch_to_here(end);
        free_to(saved);
    }

    void compile_match(Expr* e, int dst, bool tail) {
        int saved = m_fn->next_reg;
        int subject = compile_any(e->a);
        std::vector<size_t> ends;
        for (MatchArm& arm : e->arms) {
            int arm_saved = m_fn->next_reg;
            std::vector<size_t> fail;
            compile_pattern(arm.pattern, subject, fail);
            if (arm.guard) compile_condition(arm.guard, false, fail);
            if (tail) {
                compile_tail(arm.body);
            } else {
                compile_expr(arm.body, dst);
                ends.push_back(b().jump());
            }
            free_to(arm_saved);
            b().patch_all_to_here(fail);
        }
        b().line = e->loc.line;
        b().abc(Opcode::NoMatch, subject, 0, 0);
        b().patch_all_to_here(ends);
        free_to(saved);
    }

    // ---- patterns ----

    void bind(Binding* bd, int value_reg) {
        if (bd->is_global) {
            b().abx(Opcode::SetGlobal, value_reg, bd->global_slot);
            return;
        }
        int r = alloc();
        b().abc(Opcode::Move, r, value_reg, 0);
        if (bd->needs_cell()) b().abc(Opcode::NewCell, r, r, 0);
        bd->reg = r;
    }

    // Tests the value in `reg` against `p`, binding its names; adds to `fail` the
    // jumps taken when it does not match.
    void compile_pattern(Pattern* p, int reg, std::vector<size_t>& fail) {
        b().line = p->loc.line;
        switch (p->kind) {
            case PatternKind::Wildcard: return;
            case PatternKind::Bind: bind(p->binding, reg); return;
            case PatternKind::Pin:
            case PatternKind::Literal: {
                int saved = m_fn->next_reg;
                int r = alloc();
                compile_expr(p->literal, r);
                b().abc(Opcode::TestEq, reg, r, 0);
                fail.push_back(b().jump());
                free_to(saved);
                return;
            }
            case PatternKind::Tuple: {
                if (p->items.size() > 255) throw LimitExceeded{"a tuple pattern has more than 255 elements"};
                b().abc(Opcode::TestTuple, reg, static_cast<int>(p->items.size()), 0);
                fail.push_back(b().jump());
                for (size_t i = 0; i < p->items.size(); i++) {
                    if (p->items[i]->kind == PatternKind::Wildcard) continue;
                    int r = alloc();
                    b().abc(Opcode::GetIndexI, r, reg, static_cast<int>(i));
                    compile_pattern(p->items[i], r, fail);
                }
                return;
            }
            case PatternKind::Array: {
                if (p->items.size() > 255) throw LimitExceeded{"an array pattern has more than 255 elements"};
                b().abc(Opcode::TestArray, reg, static_cast<int>(p->items.size()), p->has_rest ? 1 : 0);
                fail.push_back(b().jump());
                for (size_t i = 0; i < p->items.size(); i++) {
                    if (p->items[i]->kind == PatternKind::Wildcard) continue;
                    int r = alloc();
                    b().abc(Opcode::GetIndexI, r, reg, static_cast<int>(i));
                    compile_pattern(p->items[i], r, fail);
                }
                if (p->has_rest && p->rest_binding) {
                    int r = alloc();
                    b().abc(Opcode::SliceFrom, r, reg, static_cast<int>(p->items.size()));
                    bind(p->rest_binding, r);
                }
                return;
            }
            case PatternKind::Map: {
                b().abc(Opcode::TestMap, reg, 0, 0);
                fail.push_back(b().jump());
                for (MapPatternEntry& entry : p->entries) {
                    int key = alloc();
                    compile_expr(entry.key, key);
                    b().abc(Opcode::TestKey, reg, key, 0);
                    fail.push_back(b().jump());
                    if (entry.value->kind == PatternKind::Wildcard) continue;
                    int r = alloc();
                    b().abc(Opcode::GetIndex, r, reg, key);
                    compile_pattern(entry.value, r, fail);
                }
                return;
            }
            case PatternKind::Or: {
                std::vector<size_t> matched;
                for (size_t i = 0; i < p->items.size(); i++) {
                    int saved = m_fn->next_reg;
                    if (i + 1 == p->items.size()) {
                        compile_pattern(p->items[i], reg, fail);
                    } else {
                        std::vector<size_t> next;
                        compile_pattern(p->items[i], reg, next);
                        matched.push_back(b().jump());
                        b().patch_all_to_here(next);
                    }
                    free_to(saved);
                }
                b().patch_all_to_here(matched);
                return;
            }
        }
    }

    // ---- assignment ----

    void compile_assign(Expr* e) {
        Expr* target = e->a;
        int saved = m_fn->next_reg;
        if (target->kind == ExprKind::Name) {
            Expr* value = e->b;
            Expr combined;
            if (e->op != Op::None) {
                combined.kind = ExprKind::Binary;
                combined.loc = e->loc;
                combined.op = e->op;
                combined.a = target;
                combined.b = e->b;
                value = &combined;
            }
            switch (target->name_kind) {
                case NameKind::Local:
                    if (target->binding->needs_cell()) {
                        int r = compile_any(value);
                        b().line = e->loc.line;
                        b().abc(Opcode::SetCell, target->binding->reg, r, 0);
                    } else {
                        compile_expr(value, target->binding->reg);
                    }
                    break;
                case NameKind::Upvalue: {
                    int r = compile_any(value);
                    b().line = e->loc.line;
                    b().abc(Opcode::SetUpCell, target->slot, r, 0);
                    break;
                }
                case NameKind::Global: {
                    int r = compile_any(value);
                    b().line = e->loc.line;
                    b().abx(Opcode::SetGlobal, r, target->slot);
                    break;
                }
                default: break;
            }
            free_to(saved);
            return;
        }
        // a[i] op= v and m.name op= v: the object and key are evaluated once. A field
        // whose name fits in an operand uses GetField/SetField and their caches.
        int object = compile_any(target->a);
        bool is_field = target->kind == ExprKind::Field;
        int name = is_field ? symbol_constant(target->text) : 0;
        bool by_name = is_field && name <= 255;
        int key = 0;
        if (!by_name) {
            if (is_field) {
                key = alloc();
                b().abx(Opcode::LoadK, key, name);
            } else {
                key = compile_any(target->b);
            }
        }
        int value;
        if (e->op == Op::None) {
            value = compile_any(e->b);
        } else {
            value = alloc();
            b().line = e->loc.line;
            if (by_name) b().abc(Opcode::GetField, value, object, name);
            else b().abc(Opcode::GetIndex, value, object, key);
            int operand = compile_any(e->b);
            b().line = e->loc.line;
            b().abc(arith_opcode(e->op), value, value, operand);
        }
        b().line = e->loc.line;
        if (by_name) b().abc(Opcode::SetField, object, name, value);
        else b().abc(Opcode::SetIndex, object, key, value);
        free_to(saved);
    }

    // ---- statements ----

    void compile_statement(Stmt* s) {
        b().line = s->loc.line;
        int saved = m_fn->next_reg;
        switch (s->kind) {
            case StmtKind::Let: {
                Pattern* p = s->pattern;
                if (p->kind == PatternKind::Bind && !p->binding->is_global) {
                    int r = alloc();
                    m_fresh = r;  // the binding is declared only after its value
                    compile_expr(s->value, r);
                    if (p->binding->needs_cell()) b().abc(Opcode::NewCell, r, r, 0);
                    p->binding->reg = r;
                    return;  // the register stays taken by the binding
                }
                if (p->kind == PatternKind::Wildcard) {
                    compile_expr(s->value, kDiscard);
                    return;
                }
                int value = alloc();
                compile_expr(s->value, value);
                std::vector<size_t> fail;
                compile_pattern(p, value, fail);
                if (!fail.empty()) {
                    size_t ok = b().jump();
                    b().patch_all_to_here(fail);
                    b().line = s->loc.line;
                    b().abc(Opcode::NoMatch, value, 0, 0);
                    b().patch_to_here(ok);
                }
                if (p->kind == PatternKind::Bind) free_to(saved);  // a global: nothing stays
                return;
            }
            case StmtKind::Var: {
                Binding* bd = s->binding;
                if (bd->is_global) {
                    int r = alloc();
                    if (s->value) compile_expr(s->value, r);
                    else b().abc(Opcode::LoadNil, r, 0, 0);
                    b().abx(Opcode::SetGlobal, r, bd->global_slot);
                    free_to(saved);
                    return;
                }
                int r = alloc();
                if (s->value) compile_expr(s->value, r);
                else b().abc(Opcode::LoadNil, r, 0, 0);
                if (bd->needs_cell()) b().abc(Opcode::NewCell, r, r, 0);
                bd->reg = r;
                return;
            }
            case StmtKind::Fn: {
                Binding* bd = s->binding;
                if (bd->is_global) return;  // bound at the start of the top level
                int index = compile_function(s->fn);
                b().line = s->loc.line;
                if (bd->needs_cell()) {
                    int r = alloc();
                    emit_closure(r, index);
                    b().abc(Opcode::SetCell, bd->reg, r, 0);
                    free_to(saved);
                } else {
                    emit_closure(bd->reg, index);
                }
                return;
            }
            case StmtKind::Import: {
                auto found = m_options.import_targets.find(s->import_path);
                if (found == m_options.import_targets.end()) return;  // reported by the driver
                uint32_t slot = static_cast<uint32_t>(m_out.imports.size());
                m_out.imports.push_back(found->second);
                int r = alloc();
                b().abx(Opcode::Import, r, static_cast<int>(slot));
                b().abx(Opcode::SetGlobal, r, s->binding->global_slot);
                free_to(saved);
                return;
            }
            case StmtKind::Expr:
                compile_expr(s->value, kDiscard);
                free_to(saved);
                return;
        }
    }

    void compile_top_level() {
        // Every top-level function is bound before the top level runs.
        for (Stmt* s : m_module.stmts) {
            if (s->kind != StmtKind::Fn || !s->binding) continue;
            int r = alloc();
            int index = compile_function(s->fn);
            b().line = s->loc.line;
            emit_closure(r, index);
            b().abx(Opcode::SetGlobal, r, s->binding->global_slot);
            free_to(r);
        }
        size_t n = m_module.stmts.size();
        for (size_t i = 0; i < n; i++) {
            Stmt* s = m_module.stmts[i];
            if (m_options.repl && i + 1 == n && s->kind == StmtKind::Expr) {
                int r = alloc();
                compile_expr(s->value, r);
                b().abc(Opcode::Return, r, 0, 0);
                return;
            }
            compile_statement(s);
        }
        int r = alloc();
        if (m_options.repl) b().abc(Opcode::LoadNil, r, 0, 0);
        else b().abc(Opcode::ThisModule, r, 0, 0);
        b().abc(Opcode::Return, r, 0, 0);
    }

    // ---- functions ----

    void emit_closure(int dst, int index) { b().abx(Opcode::Closure, dst, index); }

    int compile_function(FnDecl* fn) {
        int index = static_cast<int>(m_functions.size());
        m_functions.emplace_back();
        FunctionState state;
        state.parent = m_fn;
        state.scope = fn->scope;
        state.function = std::make_unique<image::Function>();
        state.builder = std::make_unique<FunctionBuilder>(*state.function);
        image::Function& f = *state.function;
        f.name = fn->name;
        f.line = fn->loc.line;
        FunctionState* saved = m_fn;
        m_fn = &state;
        try {
            b().line = fn->loc.line;
            size_t required = 0;
            for (size_t i = 0; i < fn->params.size(); i++) {
                Param& p = fn->params[i];
                int r = alloc();
                if (p.binding) p.binding->reg = r;
                if (!p.default_value && !p.rest) required = i + 1;
                if (p.rest) f.has_rest = true;
            }
            if (fn->params.size() > 200) throw LimitExceeded{"a function has more than 200 parameters"};
            f.param_count = static_cast<uint8_t>(fn->params.size());
            f.required_count = static_cast<uint8_t>(required);
            for (Param& p : fn->params) {
                if (!p.default_value) continue;
                size_t skip = b().jump(Opcode::JmpIfPassed, p.binding->reg);
                compile_expr(p.default_value, p.binding->reg);
                b().patch_to_here(skip);
            }
            for (Param& p : fn->params)
                if (p.binding && p.binding->needs_cell()) b().abc(Opcode::NewCell, p.binding->reg, p.binding->reg, 0);
            compile_tail(fn->body);
        } catch (LimitExceeded& e) {
            m_diagnostics.error(fn->loc, "function '" + (fn->name.empty() ? std::string("<fn>") : fn->name) +
                                             "' is too large: " + e.what);
        }
        m_fn = saved;
        // What the closure captures, as seen from the function that creates it.
        for (Binding* bd : fn->scope->captures) {
            image::Capture cap;
            if (bd->owner == m_fn->scope) {
                cap.from_register = true;
                cap.index = static_cast<uint8_t>(bd->reg < 0 ? 0 : bd->reg);
            } else {
                cap.from_register = false;
                cap.index = static_cast<uint8_t>(m_fn->scope->capture_slot.at(bd));
            }
            f.captures.push_back(cap);
        }
        finish_function(state);
        m_functions[index] = std::move(state.function);
        return index;
    }

    void finish_function(FunctionState& state) {
        image::Function& f = *state.function;
        if (f.code.empty() || !(isa::kOpcodeInfo[f.code.back() & 0xff].flags & isa::OPF_END)) {
            int r = state.next_reg < 255 ? state.next_reg : 0;
            state.builder->abc(Opcode::LoadNil, r, 0, 0);
            state.builder->abc(Opcode::Return, r, 0, 0);
            if (r + 1 > state.max_reg) state.max_reg = r + 1;
        }
        f.register_count = static_cast<uint16_t>(std::max(state.max_reg, static_cast<int>(f.param_count) + 1));
        if (f.register_count > 255) f.register_count = 255;
    }

    Module& m_module;
    Resolution& m_res;
    const CodegenOptions& m_options;
    image::Module& m_out;
    Diagnostics& m_diagnostics;
    FunctionState* m_fn = nullptr;
    int m_fresh = -1;  // a temporary just allocated for the expression being compiled
    std::vector<std::unique_ptr<image::Function>> m_functions;
};

Scratch::Scratch(Codegen& c, int dst)
    : codegen(c), saved(c.m_fn->next_reg), target(dst == kDiscard ? c.alloc() : dst) {}
Scratch::~Scratch() { codegen.free_to(saved); }

}  // namespace

bool generate_module(Module& module, Resolution& resolution, const CodegenOptions& options, image::Module& out,
                     Diagnostics& diagnostics) {
    Codegen codegen(module, resolution, options, out, diagnostics);
    codegen.run();
    return !diagnostics.has_errors();
}

}  // namespace vb::compiler
