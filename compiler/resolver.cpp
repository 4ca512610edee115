// compiler/resolver.cpp — scope resolution (see resolver.h).
#include "compiler/resolver.h"

#include <algorithm>

namespace vb::compiler {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); j++) row[j] = j;
    for (size_t i = 1; i <= a.size(); i++) {
        size_t previous = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); j++) {
            size_t current = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1)});
            previous = current;
        }
    }
    return row[b.size()];
}

class Resolver {
public:
    Resolver(Module& module, const ResolveOptions& options, Resolution& out, Diagnostics& diagnostics)
        : m_module(module), m_options(options), m_out(out), m_diagnostics(diagnostics) {
        for (size_t i = 0; i < options.builtins.size(); i++)
            m_builtins.emplace(options.builtins[i], static_cast<uint32_t>(i));
    }

    void run() {
        for (const ModuleGlobal& g : m_options.known_globals) add_global(g.name, g.is_mutable);
        for (const std::string& n : m_options.native_names) add_global(n, false);
        declare_top_level_globals();
        FunctionContext top;
        top.scope = new_scope(nullptr);
        m_out.top_level = top.scope;
        m_function = &top;
        push_block();
        for (Stmt* s : m_module.stmts) statement(s, /*top_level=*/true);
        pop_block();
        m_function = nullptr;
    }

private:
    struct FunctionContext {
        FunctionScope* scope = nullptr;
        std::vector<std::unordered_map<std::string, Binding*>> blocks;
        FunctionContext* parent = nullptr;
        int loop_depth = 0;  // `break` and `continue` need one
    };

    FunctionScope* new_scope(FunctionScope* parent) {
        m_out.scopes.push_back(std::make_unique<FunctionScope>());
        m_out.scopes.back()->parent = parent;
        return m_out.scopes.back().get();
    }

    uint32_t add_global(const std::string& name, bool is_mutable) {
        auto found = m_out.global_slots.find(name);
        if (found != m_out.global_slots.end()) {
            if (is_mutable) m_out.globals[found->second].is_mutable = true;
            return found->second;
        }
        uint32_t slot = static_cast<uint32_t>(m_out.globals.size());
        m_out.globals.push_back({name, is_mutable});
        m_out.global_slots.emplace(name, slot);
        return slot;
    }

    void collect_pattern_names(Pattern* p, std::vector<std::string>& names) {
        if (!p) return;
        switch (p->kind) {
            case PatternKind::Bind: names.push_back(p->name); break;
            case PatternKind::Tuple:
            case PatternKind::Array:
                for (Pattern* item : p->items) collect_pattern_names(item, names);
                if (p->kind == PatternKind::Array && p->has_rest && !p->name.empty()) names.push_back(p->name);
                break;
            case PatternKind::Map:
                for (auto& e : p->entries) collect_pattern_names(e.value, names);
                break;
            default: break;
        }
    }

    void declare_top_level_globals() {
        for (Stmt* s : m_module.stmts) {
            switch (s->kind) {
                case StmtKind::Let: {
                    std::vector<std::string> names;
                    collect_pattern_names(s->pattern, names);
                    for (auto& n : names) add_global(n, false);
                    break;
                }
                case StmtKind::Var: add_global(s->name, true); break;
                case StmtKind::Fn: add_global(s->fn->name, false); break;
                case StmtKind::Import: m_import_slots.push_back(add_global(s->name, false)); break;
                case StmtKind::Expr: break;
            }
        }
    }

    Binding* new_binding(const std::string& name, Loc loc) {
        m_out.bindings.push_back(std::make_unique<Binding>());
        Binding* b = m_out.bindings.back().get();
        b->name = name;
        b->loc = loc;
        b->owner = m_function->scope;
        return b;
    }

    // Declares a binding in the innermost block; at the top level of the module
    // it is the module global of that name.
    Binding* declare(const std::string& name, Loc loc, bool is_mutable, bool top_level) {
        Binding* b = new_binding(name, loc);
        b->is_mutable = is_mutable;
        if (top_level) {
            b->is_global = true;
            b->global_slot = add_global(name, is_mutable);
        }
        if (name != "_") m_function->blocks.back()[name] = b;
        return b;
    }

    void push_block() { m_function->blocks.emplace_back(); }
    void pop_block() { m_function->blocks.pop_back(); }

    // ---- name lookup ----

    // Finds `name` in `context` or an enclosing function; records captures on the way.
    Binding* lookup(FunctionContext* context, const std::string& name, uint32_t* upvalue, bool* found_local) {
        for (auto block = context->blocks.rbegin(); block != context->blocks.rend(); ++block) {
            auto found = block->find(name);
            if (found != block->end()) {
                *found_local = true;
                return found->second;
            }
        }
        if (!context->parent) return nullptr;
        bool parent_local = false;
        uint32_t parent_upvalue = 0;
        Binding* b = lookup(context->parent, name, &parent_upvalue, &parent_local);
        if (!b || b->is_global) return b;
        b->captured = true;
        *found_local = false;
        *upvalue = context->scope->capture(b);
        return b;
    }

    void resolve_name(Expr* e) {
        bool local = false;
        uint32_t upvalue = 0;
        Binding* b = lookup(m_function, e->text, &upvalue, &local);
        if (b && b->is_global) {
            e->name_kind = NameKind::Global;
            e->slot = b->global_slot;
            e->binding = b;
            return;
        }
        if (b) {
            e->binding = b;
            e->name_kind = local ? NameKind::Local : NameKind::Upvalue;
            e->slot = upvalue;
            return;
        }
        auto global = m_out.global_slots.find(e->text);
        if (global != m_out.global_slots.end()) {
            e->name_kind = NameKind::Global;
            e->slot = global->second;
            return;
        }
        auto builtin = m_builtins.find(e->text);
        if (builtin != m_builtins.end()) {
            e->name_kind = NameKind::Builtin;
            e->slot = builtin->second;
            return;
        }
        undefined_name(e);
    }

    void undefined_name(Expr* e) {
        std::vector<std::string> candidates;
        for (FunctionContext* c = m_function; c; c = c->parent)
            for (auto& block : c->blocks)
                for (auto& [name, binding] : block) candidates.push_back(name);
        for (auto& g : m_out.globals) candidates.push_back(g.name);
        for (auto& [name, slot] : m_builtins)
            if (name[0] != '_') candidates.push_back(name);
        std::string best;
        size_t best_distance = 3;
        for (const std::string& c : candidates) {
            size_t d = edit_distance(e->text, c);
            if (d < best_distance || (d == best_distance && !best.empty() && c < best)) {
                if (d < best_distance) best_distance = d;
                best = c;
            }
        }
        std::string hint;
        if (!best.empty() && best_distance <= (e->text.size() > 3 ? 2u : 1u)) hint = "did you mean '" + best + "'?";
        m_diagnostics.error(e->loc, "undefined name '" + e->text + "'", hint,
                            static_cast<uint32_t>(e->text.size() ? e->text.size() : 1));
    }

    // ---- statements ----

    void statement(Stmt* s, bool top_level) {
        switch (s->kind) {
            case StmtKind::Let:
                expression(s->value);
                pattern(s->pattern, top_level);
                break;
            case StmtKind::Var:
                if (s->value) expression(s->value);
                s->binding = declare(s->name, s->loc, true, top_level);
                break;
            case StmtKind::Fn:
                // Hoisted: declared before any statement of the block (see block()).
                if (!s->binding) s->binding = declare(s->fn->name, s->loc, false, top_level);
                function(s->fn);
                break;
            case StmtKind::Import:
                if (!top_level) {
                    m_diagnostics.error(s->loc, "`import` must be at the top level of a module");
                    break;
                }
                s->binding = declare(s->name, s->loc, false, true);
                break;
            case StmtKind::Expr: expression(s->value); break;
        }
    }

    void hoist_functions(std::vector<Stmt*>& stmts, bool top_level) {
        for (Stmt* s : stmts) {
            if (s->kind != StmtKind::Fn) continue;
            s->binding = declare(s->fn->name, s->loc, false, top_level);
            s->binding->is_local_fn = !top_level;
        }
    }

    void block(Expr* e) {
        push_block();
        hoist_functions(e->stmts, false);
        for (Stmt* s : e->stmts) statement(s, false);
        pop_block();
    }

    // ---- functions ----

    void function(FnDecl* fn) {
        FunctionContext context;
        context.parent = m_function;
        context.scope = new_scope(m_function->scope);
        fn->scope = context.scope;
        FunctionContext* saved = m_function;
        m_function = &context;
        push_block();
        // Defaults see the parameters before them.
        for (Param& p : fn->params) {
            if (p.default_value) expression(p.default_value);
            p.binding = declare(p.name, p.loc, false, false);
        }
        if (fn->body->kind == ExprKind::Block) block(fn->body);
        else expression(fn->body);
        pop_block();
        m_function = saved;
    }

    // ---- patterns ----

    void pattern(Pattern* p, bool top_level) {
        if (!p) return;
        switch (p->kind) {
            case PatternKind::Wildcard: break;
            case PatternKind::Bind: p->binding = declare(p->name, p->loc, false, top_level); break;
            case PatternKind::Pin:
                if (p->literal) expression(p->literal);
                break;
            case PatternKind::Literal:
                if (p->literal) expression(p->literal);
                break;
            case PatternKind::Tuple:
            case PatternKind::Array:
                for (Pattern* item : p->items) pattern(item, top_level);
                if (p->kind == PatternKind::Array && p->has_rest && !p->name.empty())
                    p->rest_binding = declare(p->name, p->loc, false, top_level);
                break;
            case PatternKind::Map:
                for (auto& entry : p->entries) {
                    expression(entry.key);
                    pattern(entry.value, top_level);
                }
                break;
            case PatternKind::Or:
                for (Pattern* alt : p->items) {
                    std::vector<std::string> names;
                    collect_pattern_names(alt, names);
                    if (!names.empty())
                        m_diagnostics.error(alt->loc, "the alternatives of `|` cannot bind names ('" + names[0] + "')",
                                            "match each alternative in its own arm, or use `_`");
                    pattern(alt, top_level);
                }
                break;
        }
    }

    // ---- expressions ----

    void assignment_target(Expr* target) {
        if (target->kind != ExprKind::Name) {
            expression(target);
            return;
        }
        resolve_name(target);
        if (target->name_kind == NameKind::Builtin) {
            m_diagnostics.error(target->loc, "cannot assign to the builtin '" + target->text + "'",
                                "declare your own with `var " + target->text + " = ...`");
            return;
        }
        bool is_mutable;
        if (target->binding) is_mutable = target->binding->is_mutable;
        else if (target->name_kind == NameKind::Global) is_mutable = m_out.globals[target->slot].is_mutable;
        else return;  // undefined: already reported
        if (!is_mutable)
            m_diagnostics.error(target->loc, "cannot assign to '" + target->text + "': it is not a `var`",
                                "declare it with `var " + target->text + " = ...` to make it mutable",
                                static_cast<uint32_t>(target->text.size()));
    }

    void expression(Expr* e) {
        if (!e) return;
        switch (e->kind) {
            case ExprKind::Nil:
            case ExprKind::True:
            case ExprKind::False:
            case ExprKind::Int:
            case ExprKind::Float:
            case ExprKind::String:
            case ExprKind::Symbol: break;
            case ExprKind::Break:
            case ExprKind::Continue:
                if (m_function->loop_depth == 0)
                    m_diagnostics.error(e->loc, std::string("`") + (e->kind == ExprKind::Break ? "break" : "continue") +
                                                    "` outside a loop");
                break;
            case ExprKind::Return:
                if (!m_function->parent && !m_options.repl)
                    m_diagnostics.error(e->loc, "`return` outside a function",
                                        "the top level of a module runs to its end; use `exit(n)` to stop the program");
                expression(e->a);
                break;
            case ExprKind::While:
                expression(e->a);
                m_function->loop_depth++;
                expression(e->b);
                m_function->loop_depth--;
                break;
            case ExprKind::Name: resolve_name(e); break;
            case ExprKind::Interp:
                for (auto& part : e->parts) expression(part.expr);
                break;
            case ExprKind::Tuple:
            case ExprKind::Array:
                for (Expr* item : e->items) expression(item);
                break;
            case ExprKind::Map:
                for (auto& entry : e->entries) {
                    expression(entry.key);
                    expression(entry.value);
                }
                break;
            case ExprKind::Call:
                expression(e->a);
                for (Expr* item : e->items) expression(item);
                break;
            case ExprKind::Fn: function(e->fn); break;
            case ExprKind::Block: block(e); break;
            case ExprKind::If:
                expression(e->a);
                expression(e->b);
                expression(e->c);
                break;
            case ExprKind::Match:
                expression(e->a);
                for (MatchArm& arm : e->arms) {
                    push_block();
                    pattern(arm.pattern, false);
                    expression(arm.guard);
                    expression(arm.body);
                    pop_block();
                }
                break;
            case ExprKind::Try:
                expression(e->a);
                push_block();
                if (!e->catch_name.empty() && e->catch_name != "_")
                    e->catch_binding = declare(e->catch_name, e->catch_loc, false, false);
                expression(e->b);
                pop_block();
                break;
            case ExprKind::For:
                expression(e->a);
                push_block();
                pattern(e->pattern, false);
                m_function->loop_depth++;
                expression(e->b);
                m_function->loop_depth--;
                pop_block();
                break;
            case ExprKind::Assign:
                expression(e->b);
                assignment_target(e->a);
                break;
            case ExprKind::Field:
                expression(e->a);
                if (!e->text.empty() && e->text[0] == '_' && e->a->kind == ExprKind::Name &&
                    e->a->name_kind == NameKind::Global &&
                    std::find(m_import_slots.begin(), m_import_slots.end(), e->a->slot) != m_import_slots.end())
                    m_diagnostics.error(e->loc, "'" + e->text + "' is private to the module '" + e->a->text + "'",
                                        "names that start with `_` are not exported",
                                        static_cast<uint32_t>(e->text.size() + 1));
                break;
            default:  // Unary, Binary, And, Or, Range, Index, Raise
                expression(e->a);
                expression(e->b);
                expression(e->c);
                break;
        }
    }

    Module& m_module;
    const ResolveOptions& m_options;
    Resolution& m_out;
    Diagnostics& m_diagnostics;
    std::unordered_map<std::string, uint32_t> m_builtins;
    FunctionContext* m_function = nullptr;
    std::vector<uint32_t> m_import_slots;  // globals bound by `import`
};

}  // namespace

bool resolve_module(Module& module, const ResolveOptions& options, Resolution& out, Diagnostics& diagnostics) {
    Resolver resolver(module, options, out, diagnostics);
    resolver.run();
    return !diagnostics.has_errors();
}

}  // namespace vb::compiler
