// vm/interp/interpreter.cpp — the dispatch loop: runs one process's bytecode.
//
// Rules of this file (break one and the collector or an error trace goes wrong):
//  1. `pc` always points at the instruction after the one executing. Anything that
//     can raise (throw VmError or OutOfMemory) may do so at any time: the catch
//     block stores `pc` into the running frame, so traces name the right line.
//  2. `base` points into the process's stack, which moves when it grows: after
//     anything that can push a frame or grow the stack, reload with LOAD_FRAME().
//  3. A new object is stored into a register before the next allocation, so the
//     collector (which scans registers) sees it. Natives root what they hold.
//  4. Every call and every backward jump costs one reduction; when the budget is
//     spent the process yields, so a loop never starves the other processes.
//     Leaving the loop or handing off goes through LEAVE/HAND_OFF, which charge
//     what was spent to the team (its bounded run counts reductions).
//  5. Each opcode is one VB_CASE; the same body serves computed goto (GCC, Clang)
//     and a plain switch (VB_FORCE_SWITCH, used by the debug build).
#include "vm/interp/interpreter.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/interp/arith.h"
#include "vm/object/map.h"
#include "vm/object/string.h"
#include "vm/team.h"
#include "vm/value_ops.h"

#if defined(__GNUC__) && !defined(VB_FORCE_SWITCH)
#define VB_USE_COMPUTED_GOTO 1
#else
#define VB_USE_COMPUTED_GOTO 0
#endif

namespace vb {

using isa::Instr;
using isa::Opcode;

namespace {

constexpr uint32_t kMaxFrames = 1'000'000;

// `name`() takes `least` to `most` arguments (most < 0: no upper bound).
[[noreturn, gnu::noinline]] void arity_error(const std::string& name, int least, int most, uint32_t given) {
    std::string expected = most < 0        ? "at least " + std::to_string(least)
                           : least == most ? std::to_string(least)
                                           : std::to_string(least) + " to " + std::to_string(most);
    raise_error(ErrorKind::Arity, name + "() takes " + expected + " argument" + (expected == "1" ? "" : "s") +
                                      " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
}

[[noreturn]] void arity_error(const ProtoObj* proto, uint32_t given) {
    int declared = proto->param_count - (proto->has_rest ? 1 : 0);
    arity_error(proto->name ? std::string(proto->name->view()) : "anonymous function", proto->required_count,
                proto->has_rest ? -1 : declared, given);
}

// The compiler emits GetCell, Append, TestKey, ForLoop, IterNext... only where
// it knows what the registers hold; the verifier checks operands, not those
// run-time types, so a malformed image reaches these with anything. Each such
// instruction checks with one compare and ends up here.
[[noreturn, gnu::noinline]] void malformed_code(const char* what) {
    raise_error(ErrorKind::TypeError, std::string("malformed code: ") + what);
}

[[noreturn]] void not_callable(Value v) {
    raise_error(ErrorKind::TypeError, std::string("a value of type ") + type_name(v) + " cannot be called");
}

// Calls a native whose arguments are at stack[slot + 1 ..]; stores the result
// in stack[slot]. Returns false if it blocked the process. A native runs on its
// caller's registers, so the caller's frame needs no reload afterwards.
[[gnu::always_inline]] inline bool call_native(Process& p, uint32_t slot, uint32_t count) {
    NativeObj* n = as_native(p.stack[slot]);
    if (static_cast<int>(count) < n->min_args || (n->max_args >= 0 && static_cast<int>(count) > n->max_args))
        arity_error(n->name, n->min_args, n->max_args, count);
    p.result_slot = slot;
    NativeResult r = n->fn(p, p.stack + slot + 1, count, p.stack[slot]);
    return r != NativeResult::Block;
}

// The entry of field `name` in `m`: first where `hint` (an inline cache) says,
// then by lookup, which updates the hint. nullptr when the map has no such key.
[[gnu::always_inline]] inline MapEntry* find_field(MapObj* m, const SymbolObj* name, uint32_t& hint) {
    if (hint < m->entry_count && m->entries[hint].key.o == name && m->entries[hint].key.tag == Tag::Symbol)
        return &m->entries[hint];
    const MapEntry* e = map_find_symbol(m, name);
    if (e) hint = static_cast<uint32_t>(e - m->entries);
    return const_cast<MapEntry*>(e);
}

// Arranges the arguments of a vb function: defaults become Missing (the callee's
// prologue fills them), extra arguments go into the rest array.
void adjust_arguments(Process& p, ProtoObj* proto, uint32_t base, uint32_t count) {
    uint32_t fixed = proto->param_count - (proto->has_rest ? 1 : 0);
    if (count < proto->required_count || (!proto->has_rest && count > fixed)) arity_error(proto, count);
    for (uint32_t i = count; i < fixed; i++) p.stack[base + i] = Value::missing();
    if (proto->has_rest) {
        uint32_t extra = count > fixed ? count - fixed : 0;
        ArrayObj* rest = p.team().heap.new_array(extra);
        for (uint32_t i = 0; i < extra; i++) rest->items[i] = p.stack[base + fixed + i];
        rest->length = extra;
        p.stack[base + fixed] = make_array(rest);
    }
}

}  // namespace

bool begin_call(Process& p, uint32_t slot, uint32_t count) {
    Value callee = p.stack[slot];
    if (callee.is(Tag::Native)) return call_native(p, slot, count);
    if (!callee.is(Tag::Function)) not_callable(callee);
    ClosureObj* closure = as_function(callee);
    ProtoObj* proto = closure->proto;
    uint32_t base = slot + 1;
    if (p.frames.size() >= kMaxFrames) raise_error(ErrorKind::StackOverflow, "too many nested calls (stack overflow)");
    p.ensure_stack(base, proto->register_count);
    if (count != proto->param_count || proto->has_rest) adjust_arguments(p, proto, base, count);
    p.frames.push_back(Frame{closure, proto->code.data(), base});
    return true;
}

bool raise_in(Process& p, Value error) {
    Team& team = p.team();
    if (error.is(Tag::Map)) {
        MapObj* m = as_map(error);
        if (map_find_symbol(m, team.sym_kind) && !map_find_symbol(m, team.sym_trace)) {
            TempRoot keep(team.heap, error);
            Value trace = team.make_trace(p);
            TempRoot keep_trace(team.heap, trace);
            map_set(team.heap, m, make_symbol(team.sym_trace), trace);
        }
    }
    if (p.handlers.empty()) {
        bool has_trace = error.is(Tag::Map) && map_find_symbol(as_map(error), team.sym_trace);
        if (!has_trace) {
            // Keep where it happened for the report, since the value cannot carry it.
            TempRoot keep(team.heap, error);
            Value trace = team.make_trace(p);
            ArrayObj* lines = as_array(trace);
            for (uint32_t n = 0; n < lines->length; n++) p.failure_trace += "  at " + to_display(lines->items[n]) + "\n";
        }
        p.outcome = error;
        p.failed = true;
        return false;
    }
    Handler h = p.handlers.back();
    p.handlers.pop_back();
    // What the abandoned code held above the handler's register is dead: clear it,
    // so that memory it kept (say, until :out_of_memory) can be collected.
    uint32_t top = p.stack_top();
    p.frames.resize(h.frame_count);
    p.frames.back().pc = h.target;
    for (uint32_t slot = h.slot + 1; slot < top; slot++) p.stack[slot] = Value::nil();
    p.stack[h.slot] = error;
    return true;
}

RunResult run_process(Process*& current, int budget) {
    Team& team = current->team();
    const int full_budget = budget;
    Heap& heap = team.heap;
    const Value* builtins = team.prelude() ? team.prelude()->globals.data() : nullptr;

    const Instr* pc = nullptr;
    Value* base = nullptr;
    ClosureObj* closure = nullptr;
    const Value* k = nullptr;
    uint32_t* field_cache = nullptr;  // per constant: where that field was last found
    static thread_local std::string interpolation_buffer;

#define LOAD_FRAME()                                      \
    do {                                                  \
        Frame& f_ = p.frames.back();                      \
        closure = f_.closure;                             \
        pc = f_.pc;                                       \
        base = p.stack + f_.base;                         \
        k = closure->proto->constants.data();             \
        field_cache = closure->proto->field_cache.data(); \
    } while (0)
#define SAVE_PC() (p.frames.back().pc = pc)
#define R(x) base[x]
#define A isa::arg_a(i)
#define B isa::arg_b(i)
#define C isa::arg_c(i)
#define BX isa::arg_bx(i)
#define SBX isa::arg_sbx(i)

#if VB_USE_COMPUTED_GOTO
    static const void* const kDispatch[] = {
#define OP(name, format, flags, operands, window, doc) &&op_##name,
#include "vm/isa/opcodes.def"
#undef OP
    };
#define VB_CASE(name) op_##name:
#define VB_NEXT()                                      \
    do {                                               \
        i = *pc++;                                     \
        goto* kDispatch[static_cast<uint8_t>(i)];      \
    } while (0)
#define VB_DISPATCH() VB_NEXT();
#define VB_END_DISPATCH()
#else
#define VB_CASE(name) case Opcode::name:
#define VB_NEXT() goto next_instruction
#define VB_DISPATCH()      \
    next_instruction:      \
    i = *pc++;             \
    switch (isa::op_of(i)) {
#define VB_END_DISPATCH() }
#endif

// A test instruction is followed by a Jmp: take it when `cond`, else skip it.
// Every jump that can go backwards costs a reduction when it does (rule 4): the
// compiler's loops jump back only with Jmp and ForLoop, but an image may loop
// with any of them.
#define TEST_JUMP(cond)                                  \
    do {                                                 \
        if (cond) {                                      \
            int offset_ = isa::arg_sj(*pc);              \
            pc += offset_ + 1;                           \
            if (offset_ < 0) REDUCE();                   \
        } else {                                         \
            pc++;                                        \
        }                                                \
        VB_NEXT();                                       \
    } while (0)
// The running process has blocked (in a send, receive or sleep): run the next
// runnable process right here, without going back to the scheduler, so a message
// transaction switches processes with a few pointer moves.
#define HAND_OFF()                                       \
    do {                                                 \
        team.charge_reductions(full_budget - budget);    \
        if (Process* next_ = team.next_to_run()) {       \
            current = next_;                             \
            budget = full_budget;                        \
            goto next_process;                           \
        }                                                \
        return RunResult::Blocked;                       \
    } while (0)
#define LEAVE(result)                                    \
    do {                                                 \
        team.charge_reductions(full_budget - budget);    \
        return result;                                   \
    } while (0)
#define REDUCE()                                         \
    do {                                                 \
        if (--budget <= 0) {                             \
            SAVE_PC();                                   \
            LEAVE(RunResult::Yield);                     \
        }                                                \
    } while (0)

    for (;;) {
        // Rebound when a blocked process hands the thread to the next one.
        Process& p = *current;
        try {
            LOAD_FRAME();
            if (!p.wake_error.is_missing()) {
                Value error = p.wake_error;
                p.wake_error = Value::missing();
                if (!raise_in(p, error)) LEAVE(RunResult::Failed);
                continue;
            }
            Instr i;
            VB_DISPATCH()

            VB_CASE(Move) {
                R(A) = R(B);
                VB_NEXT();
            }
            VB_CASE(LoadK) {
                R(A) = k[BX];
                VB_NEXT();
            }
            VB_CASE(LoadInt) {
                R(A) = Value::integer(SBX);
                VB_NEXT();
            }
            VB_CASE(LoadNil) {
                for (unsigned r = A, end = A + B; r <= end; r++) R(r) = Value::nil();
                VB_NEXT();
            }
            VB_CASE(LoadBool) {
                R(A) = Value::boolean(B != 0);
                VB_NEXT();
            }
            VB_CASE(GetGlobal) {
                ModuleObj* m = closure->proto->module;
                Value v = m->globals[BX];
                if (v.is_missing())
                    raise_error(ErrorKind::Undefined, "'" + std::string(m->global_names[BX]->name->view()) +
                                                          "' is used before it is defined");
                R(A) = v;
                VB_NEXT();
            }
            VB_CASE(SetGlobal) {
                closure->proto->module->globals[BX] = R(A);
                VB_NEXT();
            }
            VB_CASE(GetBuiltin) {
                R(A) = builtins[BX];
                VB_NEXT();
            }
            VB_CASE(NewCell) {
                CellObj* c = heap.new_cell(R(B));
                R(A) = make_cell(c);
                VB_NEXT();
            }
            VB_CASE(GetCell) {
                if (!R(B).is(Tag::Cell)) [[unlikely]]
                    malformed_code("GetCell of a register that holds no cell");
                R(A) = as_cell(R(B))->value;
                VB_NEXT();
            }
            VB_CASE(SetCell) {
                if (!R(A).is(Tag::Cell)) [[unlikely]]
                    malformed_code("SetCell of a register that holds no cell");
                as_cell(R(A))->value = R(B);
                VB_NEXT();
            }
            VB_CASE(GetUpval) {
                R(A) = closure->upvalues[B];
                VB_NEXT();
            }
            VB_CASE(GetUpCell) {
                if (!closure->upvalues[B].is(Tag::Cell)) [[unlikely]]
                    malformed_code("GetUpCell of an upvalue that is no cell");
                R(A) = as_cell(closure->upvalues[B])->value;
                VB_NEXT();
            }
            VB_CASE(SetUpCell) {
                if (!closure->upvalues[A].is(Tag::Cell)) [[unlikely]]
                    malformed_code("SetUpCell of an upvalue that is no cell");
                as_cell(closure->upvalues[A])->value = R(B);
                VB_NEXT();
            }
            VB_CASE(Closure) {
                ProtoObj* child = closure->proto->module->protos[BX];
                uint32_t n = static_cast<uint32_t>(child->captures.size());
                ClosureObj* c = heap.new_closure(child, n);
                for (uint32_t u = 0; u < n; u++) {
                    const image::Capture& cap = child->captures[u];
                    c->upvalues[u] = cap.from_register ? R(cap.index) : closure->upvalues[cap.index];
                }
                R(A) = make_function(c);
                VB_NEXT();
            }

#define ARITH_CASE(name, generic, int_expr_overflow, float_op, right)          \
    VB_CASE(name) {                                                                \
        Value x = R(B), y = right;                                                 \
        if (x.is_int() && y.is_int()) {                                            \
            int64_t r;                                                             \
            if (!int_expr_overflow(x.i, y.i, &r)) {                                \
                R(A) = Value::integer(r);                                          \
                VB_NEXT();                                                         \
            }                                                                      \
        } else if (x.is_float() && y.is_float()) {                                 \
            R(A) = Value::number(x.f float_op y.f);                                \
            VB_NEXT();                                                             \
        }                                                                          \
        R(A) = arith(heap, Opcode::generic, x, y);                                 \
        VB_NEXT();                                                                 \
    }
            ARITH_CASE(Add, Add, __builtin_add_overflow, +, R(C))
            ARITH_CASE(Sub, Sub, __builtin_sub_overflow, -, R(C))
            ARITH_CASE(Mul, Mul, __builtin_mul_overflow, *, R(C))
            ARITH_CASE(AddK, Add, __builtin_add_overflow, +, k[C])
            ARITH_CASE(SubK, Sub, __builtin_sub_overflow, -, k[C])
            ARITH_CASE(MulK, Mul, __builtin_mul_overflow, *, k[C])
#undef ARITH_CASE

#define DIV_CASE(name, right)                                            \
    VB_CASE(name) {                                                      \
        Value x = R(B), y = right;                                       \
        if (x.is_float() && y.is_float()) R(A) = Value::number(x.f / y.f); \
        else R(A) = arith(heap, Opcode::Div, x, y);                      \
        VB_NEXT();                                                       \
    }
#define MOD_CASE(name, right)                                            \
    VB_CASE(name) {                                                      \
        Value x = R(B), y = right;                                       \
        if (x.is_int() && y.is_int() && y.i > 0) {                       \
            int64_t m = x.i % y.i;                                       \
            R(A) = Value::integer(m < 0 ? m + y.i : m);                  \
        } else {                                                         \
            R(A) = arith(heap, Opcode::Mod, x, y);                       \
        }                                                                \
        VB_NEXT();                                                       \
    }
#define IDIV_CASE(name, right)                                           \
    VB_CASE(name) {                                                      \
        R(A) = arith(heap, Opcode::IDiv, R(B), right);                   \
        VB_NEXT();                                                       \
    }
            DIV_CASE(Div, R(C))
            DIV_CASE(DivK, k[C])
            MOD_CASE(Mod, R(C))
            MOD_CASE(ModK, k[C])
            IDIV_CASE(IDiv, R(C))
            IDIV_CASE(IDivK, k[C])
#undef DIV_CASE
#undef MOD_CASE
#undef IDIV_CASE
            VB_CASE(Pow) {
                R(A) = arith(heap, Opcode::Pow, R(B), R(C));
                VB_NEXT();
            }
            VB_CASE(Concat) {
                R(A) = arith(heap, Opcode::Concat, R(B), R(C));
                VB_NEXT();
            }
#define BIT_CASE(name, op)                                            \
    VB_CASE(name) {                                                   \
        Value x = R(B), y = R(C);                                     \
        if (x.is_int() && y.is_int()) R(A) = Value::integer(x.i op y.i); \
        else R(A) = arith(heap, Opcode::name, x, y);                  \
        VB_NEXT();                                                    \
    }
            BIT_CASE(BitAnd, &)
            BIT_CASE(BitOr, |)
            BIT_CASE(BitXor, ^)
#undef BIT_CASE
            VB_CASE(Shl) {
                R(A) = arith(heap, Opcode::Shl, R(B), R(C));
                VB_NEXT();
            }
            VB_CASE(Shr) {
                R(A) = arith(heap, Opcode::Shr, R(B), R(C));
                VB_NEXT();
            }
            VB_CASE(Neg) {
                Value x = R(B);
                if (x.is_float()) R(A) = Value::number(-x.f);
                else R(A) = negate(x);
                VB_NEXT();
            }
            VB_CASE(Not) {
                R(A) = Value::boolean(!R(B).truthy());
                VB_NEXT();
            }
            VB_CASE(BitNot) {
                R(A) = bit_not(R(B));
                VB_NEXT();
            }
            VB_CASE(Eq) {
                R(A) = Value::boolean(values_equal(R(B), R(C)));
                VB_NEXT();
            }
            VB_CASE(Ne) {
                R(A) = Value::boolean(!values_equal(R(B), R(C)));
                VB_NEXT();
            }
            VB_CASE(Lt) {
                Value x = R(B), y = R(C);
                if (x.is_int() && y.is_int()) R(A) = Value::boolean(x.i < y.i);
                else if (x.is_float() && y.is_float()) R(A) = Value::boolean(x.f < y.f);
                else R(A) = Value::boolean(less_than(x, y));
                VB_NEXT();
            }
            VB_CASE(Le) {
                Value x = R(B), y = R(C);
                if (x.is_int() && y.is_int()) R(A) = Value::boolean(x.i <= y.i);
                else if (x.is_float() && y.is_float()) R(A) = Value::boolean(x.f <= y.f);
                else R(A) = Value::boolean(less_equal(x, y));
                VB_NEXT();
            }
            VB_CASE(Is) {
                R(A) = Value::boolean(values_identical(R(B), R(C)));
                VB_NEXT();
            }
            VB_CASE(In) {
                R(A) = Value::boolean(contains(R(B), R(C)));
                VB_NEXT();
            }
            VB_CASE(TestEq) {
                Value x = R(A), y = R(B);
                bool eq = (x.tag == y.tag && x.bits == y.bits && x.tag != Tag::Float) || values_equal(x, y);
                TEST_JUMP(eq == (C != 0));
            }
            VB_CASE(TestLt) {
                Value x = R(A), y = R(B);
                bool lt;
                if (x.is_int() && y.is_int()) lt = x.i < y.i;
                else if (x.is_float() && y.is_float()) lt = x.f < y.f;
                else lt = less_than(x, y);
                TEST_JUMP(lt == (C != 0));
            }
            VB_CASE(TestLe) {
                Value x = R(A), y = R(B);
                bool le;
                if (x.is_int() && y.is_int()) le = x.i <= y.i;
                else if (x.is_float() && y.is_float()) le = x.f <= y.f;
                else le = less_equal(x, y);
                TEST_JUMP(le == (C != 0));
            }
            VB_CASE(Jmp) {
                int offset = isa::arg_sj(i);
                pc += offset;
                if (offset < 0) REDUCE();
                VB_NEXT();
            }
            VB_CASE(JmpIf) {
                if (R(A).truthy()) {
                    pc += SBX;
                    if (SBX < 0) REDUCE();
                }
                VB_NEXT();
            }
            VB_CASE(JmpIfNot) {
                if (!R(A).truthy()) {
                    pc += SBX;
                    if (SBX < 0) REDUCE();
                }
                VB_NEXT();
            }
            VB_CASE(JmpIfPassed) {
                if (!R(A).is_missing()) {
                    pc += SBX;
                    if (SBX < 0) REDUCE();
                }
                VB_NEXT();
            }
            VB_CASE(Call) {
                uint32_t slot = static_cast<uint32_t>(&R(A) - p.stack);
                Value callee = R(A);
                SAVE_PC();
                if (callee.is(Tag::Function)) {
                    ClosureObj* c = as_function(callee);
                    ProtoObj* proto = c->proto;
                    uint32_t new_base = slot + 1;
                    if (p.frames.size() >= kMaxFrames)
                        raise_error(ErrorKind::StackOverflow, "too many nested calls (stack overflow)");
                    if (new_base + proto->register_count > p.stack_capacity())
                        p.ensure_stack(new_base, proto->register_count);
                    if (B != proto->param_count || proto->has_rest) adjust_arguments(p, proto, new_base, B);
                    p.frames.push_back(Frame{c, proto->code.data(), new_base});
                    closure = c;
                    pc = proto->code.data();
                    base = p.stack + new_base;
                    k = proto->constants.data();
                    field_cache = proto->field_cache.data();
                    REDUCE();
                    VB_NEXT();
                }
                if (callee.is(Tag::Native)) {
                    if (!call_native(p, slot, B)) HAND_OFF();
                    REDUCE();
                    VB_NEXT();
                }
                if (!begin_call(p, slot, B)) HAND_OFF();
                LOAD_FRAME();
                REDUCE();
                VB_NEXT();
            }
            VB_CASE(TailCall) {
                Frame& frame = p.frames.back();
                Value callee = R(A);
                SAVE_PC();
                if (!p.handlers.empty() && p.handlers.back().frame_count >= p.frames.size()) {
                    while (!p.handlers.empty() && p.handlers.back().frame_count >= p.frames.size())
                        p.handlers.pop_back();
                }
                if (callee.is(Tag::Function)) {
                    // Move the callee and its arguments down over this frame, which
                    // the callee then takes over.
                    uint32_t slot = frame.base - 1;
                    uint32_t count = B;
                    std::memmove(p.stack + slot, &R(A), sizeof(Value) * (count + 1));
                    ClosureObj* c = as_function(callee);
                    ProtoObj* proto = c->proto;
                    p.ensure_stack(slot + 1, proto->register_count);
                    if (count != proto->param_count || proto->has_rest) adjust_arguments(p, proto, slot + 1, count);
                    p.frames.back() = Frame{c, proto->code.data(), slot + 1};
                    LOAD_FRAME();
                    REDUCE();
                    VB_NEXT();
                }
                // A native in tail position: call it, then return its result.
                uint32_t slot = static_cast<uint32_t>(&R(A) - p.stack);
                if (!begin_call(p, slot, B)) {
                    // It blocked: when woken, the result lands in R(A); the Return
                    // after this instruction hands it back.
                    HAND_OFF();
                }
                LOAD_FRAME();
                VB_NEXT();  // the codegen puts `Return A` after every TailCall
            }
            VB_CASE(Return) {
                Value result = R(A);
                Frame done = p.frames.back();
                p.frames.pop_back();
                while (!p.handlers.empty() && p.handlers.back().frame_count > p.frames.size()) p.handlers.pop_back();
                p.stack[done.base - 1] = result;
                if (p.frames.empty()) {
                    p.outcome = result;
                    LEAVE(RunResult::Finished);
                }
                LOAD_FRAME();
                VB_NEXT();
            }
            VB_CASE(NewArray) {
                ArrayObj* a = heap.new_array(C);
                for (unsigned n = 0; n < C; n++) a->items[n] = R(B + n);
                a->length = C;
                R(A) = make_array(a);
                VB_NEXT();
            }
            VB_CASE(NewTuple) {
                TupleObj* t = heap.new_tuple(C);
                for (unsigned n = 0; n < C; n++) t->items[n] = R(B + n);
                R(A) = make_tuple(t);
                VB_NEXT();
            }
            VB_CASE(NewMap) {
                MapObj* m = heap.new_map(C);
                {
                    // Scoped: a computed goto out of the root's scope would not
                    // run its destructor, and the root would leak with the map.
                    TempRoot keep(heap, make_map(m));
                    for (unsigned n = 0; n < C; n++) map_set(heap, m, R(B + 2 * n), R(B + 2 * n + 1));
                }
                R(A) = make_map(m);
                VB_NEXT();
            }
            VB_CASE(Append) {
                if (!R(A).is(Tag::Array)) [[unlikely]]
                    malformed_code("Append to a register that holds no array");
                array_push(heap, as_array(R(A)), R(B));
                VB_NEXT();
            }
            VB_CASE(GetIndex) {
                Value object = R(B), key = R(C);
                if (object.is(Tag::Array) && key.is_int()) {
                    ArrayObj* a = as_array(object);
                    if (static_cast<uint64_t>(key.i) < a->length) {
                        R(A) = a->items[key.i];
                        VB_NEXT();
                    }
                }
                R(A) = get_index(heap, object, key);
                VB_NEXT();
            }
            VB_CASE(SetIndex) {
                Value object = R(A), key = R(B);
                if (object.is(Tag::Array) && key.is_int()) {
                    ArrayObj* a = as_array(object);
                    if (static_cast<uint64_t>(key.i) < a->length) {
                        a->items[key.i] = R(C);
                        VB_NEXT();
                    }
                }
                set_index(heap, object, key, R(C));
                VB_NEXT();
            }
            VB_CASE(GetIndexI) {
                Value object = R(B);
                if (object.is(Tag::Tuple) && C < as_tuple(object)->length) R(A) = as_tuple(object)->items[C];
                else R(A) = get_index(heap, object, Value::integer(C));
                VB_NEXT();
            }
            VB_CASE(GetField) {
                Value object = R(B);
                SymbolObj* name = as_symbol(k[C]);
                uint32_t& hint = field_cache[C];
                if (object.is(Tag::Map)) {
                    if (MapEntry* e = find_field(as_map(object), name, hint)) {
                        R(A) = e->value;
                        VB_NEXT();
                    }
                } else if (object.is(Tag::Module)) {
                    ModuleObj* m = as_module(object);
                    if (hint < m->global_names.size() && m->global_names[hint] == name &&
                        !m->globals[hint].is_missing()) {
                        R(A) = m->globals[hint];
                        VB_NEXT();
                    }
                    auto found = m->exports.find(name);
                    if (found != m->exports.end()) hint = found->second;
                }
                R(A) = get_field(object, name);
                VB_NEXT();
            }
            VB_CASE(SetField) {
                Value object = R(A);
                SymbolObj* name = as_symbol(k[B]);
                uint32_t& hint = field_cache[B];
                if (object.is(Tag::Map)) {
                    if (MapEntry* e = find_field(as_map(object), name, hint)) {
                        e->value = R(C);
                        VB_NEXT();
                    }
                }
                set_field(heap, object, name, R(C));
                VB_NEXT();
            }
            VB_CASE(Range)
            VB_CASE(RangeIncl) {
                Value lo = R(B), hi = R(C);
                if (!lo.is_int() || !hi.is_int())
                    raise_error(ErrorKind::TypeError, std::string("a range needs int bounds, not ") + type_name(lo) +
                                                          " and " + type_name(hi));
                RangeObj* r = heap.new_range(lo.i, hi.i, 1, isa::op_of(i) == Opcode::RangeIncl, false);
                R(A) = make_range(r);
                VB_NEXT();
            }
            VB_CASE(ForPrep) {
                Value lo = R(A), hi = R(A + 1);
                if (!lo.is_int() || !hi.is_int())
                    raise_error(ErrorKind::TypeError, std::string("a range needs int bounds, not ") + type_name(lo) +
                                                          " and " + type_name(hi));
                if (lo.i >= hi.i) {
                    pc += SBX;
                    if (SBX < 0) REDUCE();
                } else {
                    R(A + 2) = lo;
                }
                VB_NEXT();
            }
            VB_CASE(ForLoop) {
                // R(A) and R(A+1) are ints when ForPrep led here. Stored whole and
                // added with an overflow check, they stay harmless when not.
                int64_t next;
                if (!__builtin_add_overflow(R(A).i, 1, &next) && next < R(A + 1).i) {
                    R(A) = Value::integer(next);
                    R(A + 2) = Value::integer(next);
                    pc += SBX;
                    REDUCE();
                }
                VB_NEXT();
            }
            VB_CASE(ForPrepIncl) {
                Value lo = R(A), hi = R(A + 1);
                if (!lo.is_int() || !hi.is_int())
                    raise_error(ErrorKind::TypeError, std::string("a range needs int bounds, not ") + type_name(lo) +
                                                          " and " + type_name(hi));
                if (lo.i > hi.i) {
                    pc += SBX;
                    if (SBX < 0) REDUCE();
                } else {
                    R(A + 2) = lo;
                }
                VB_NEXT();
            }
            VB_CASE(ForLoopIncl) {
                int64_t current = R(A).i;
                if (current < R(A + 1).i) {
                    R(A) = Value::integer(current + 1);
                    R(A + 2) = Value::integer(current + 1);
                    pc += SBX;
                    REDUCE();
                }
                VB_NEXT();
            }
            VB_CASE(IterPrep) {
                Value it = R(A);
                switch (it.tag) {
                    case Tag::Range: R(A + 1) = Value::integer(as_range(it)->start); break;
                    case Tag::Array:
                    case Tag::Tuple:
                    case Tag::String:
                    case Tag::Bytes:
                    case Tag::Map:
                    case Tag::Function:
                    case Tag::Native: R(A + 1) = Value::integer(0); break;
                    default:
                        raise_error(ErrorKind::TypeError, std::string("cannot iterate over a value of type ") +
                                                              type_name(it));
                }
                VB_NEXT();
            }
            VB_CASE(IterNext)
            VB_CASE(IterNext2) {
                const bool pair = isa::op_of(i) == Opcode::IterNext2;
                Value it = R(A);
                Value& state = R(A + 1);
                // IterPrep made the state an int (a range's may become nil); the
                // indexes below compare unsigned, so a negative one ends the loop.
                if (!state.is_int() && !state.is_nil()) [[unlikely]]
                    malformed_code("IterNext without IterPrep");
                Value element;
                switch (it.tag) {
                    case Tag::Range: {
                        RangeObj* r = as_range(it);
                        if (state.is_nil()) goto iteration_done;
                        int64_t cur = state.i;
                        bool more = r->step > 0 ? (r->inclusive ? cur <= r->stop : cur < r->stop)
                                                : (r->inclusive ? cur >= r->stop : cur > r->stop);
                        if (!more) goto iteration_done;
                        int64_t next;
                        if (__builtin_add_overflow(cur, r->step, &next)) state = Value::nil();
                        else state.i = next;
                        element = Value::integer(cur);
                        break;
                    }
                    case Tag::Array: {
                        ArrayObj* a = as_array(it);
                        if (static_cast<uint64_t>(state.i) >= a->length) goto iteration_done;
                        element = a->items[state.i++];
                        break;
                    }
                    case Tag::Tuple: {
                        TupleObj* t = as_tuple(it);
                        if (static_cast<uint64_t>(state.i) >= t->length) goto iteration_done;
                        element = t->items[state.i++];
                        break;
                    }
                    case Tag::Bytes: {
                        BytesObj* b = as_bytes(it);
                        if (static_cast<uint64_t>(state.i) >= b->length) goto iteration_done;
                        element = Value::integer(b->data[state.i++]);
                        break;
                    }
                    case Tag::String: {
                        StringObj* s = as_string(it);
                        if (static_cast<uint64_t>(state.i) >= s->length) goto iteration_done;
                        uint32_t at = static_cast<uint32_t>(state.i);
                        uint32_t n = utf8_sequence_length(static_cast<unsigned char>(s->chars[at]));
                        if (at + n > s->length) n = s->length - at;
                        state.i += n;
                        R(A + 2) = make_string(heap.new_string(std::string_view(s->chars + at, n)));
                        if (pair) raise_error(ErrorKind::NoMatch, "a string yields single characters, not pairs");
                        VB_NEXT();
                    }
                    case Tag::Map: {
                        MapObj* m = as_map(it);
                        while (static_cast<uint64_t>(state.i) < m->entry_count && m->entries[state.i].key.is_missing())
                            state.i++;
                        if (static_cast<uint64_t>(state.i) >= m->entry_count) goto iteration_done;
                        const MapEntry& e = m->entries[state.i++];
                        if (pair) {
                            R(A + 2) = e.key;
                            R(A + 3) = e.value;
                            REDUCE();
                            VB_NEXT();
                        }
                        Value key = e.key, value = e.value;
                        TupleObj* t = heap.new_tuple(2);
                        t->items[0] = key;
                        t->items[1] = value;
                        R(A + 2) = make_tuple(t);
                        REDUCE();
                        VB_NEXT();
                    }
                    case Tag::Function:
                    case Tag::Native: {
                        // An iterator function: call it; its result arrives in R(A+2)
                        // and this instruction runs again with state 1 to look at it.
                        if (state.i == 0) {
                            state.i = 1;
                            R(A + 2) = it;
                            pc--;
                            SAVE_PC();
                            uint32_t slot = static_cast<uint32_t>(&R(A + 2) - p.stack);
                            if (!begin_call(p, slot, 0)) HAND_OFF();
                            LOAD_FRAME();
                            REDUCE();
                            VB_NEXT();
                        }
                        state.i = 0;
                        element = R(A + 2);
                        if (element.is_nil()) goto iteration_done;
                        break;
                    }
                    default: goto iteration_done;
                }
                if (pair) {
                    if (element.is(Tag::Tuple) && as_tuple(element)->length == 2) {
                        R(A + 2) = as_tuple(element)->items[0];
                        R(A + 3) = as_tuple(element)->items[1];
                    } else if (element.is(Tag::Array) && as_array(element)->length == 2) {
                        R(A + 2) = as_array(element)->items[0];
                        R(A + 3) = as_array(element)->items[1];
                    } else {
                        raise_error(ErrorKind::NoMatch, "expected a pair to destructure, got " + brief_repr(element, 200));
                    }
                } else {
                    R(A + 2) = element;
                }
                REDUCE();
                VB_NEXT();
            iteration_done:
                pc += SBX;
                if (SBX < 0) REDUCE();
                VB_NEXT();
            }
            VB_CASE(Try) {
                p.handlers.push_back(Handler{static_cast<uint32_t>(p.frames.size()), pc + SBX,
                                             static_cast<uint32_t>(&R(A) - p.stack)});
                VB_NEXT();
            }
            VB_CASE(EndTry) {
                if (p.handlers.empty()) [[unlikely]]
                    malformed_code("EndTry without a Try");
                p.handlers.pop_back();
                VB_NEXT();
            }
            VB_CASE(Raise) {
                SAVE_PC();
                if (!raise_in(p, R(A))) LEAVE(RunResult::Failed);
                LOAD_FRAME();
                VB_NEXT();
            }
            VB_CASE(NoMatch) {
                raise_error(ErrorKind::NoMatch, "no pattern matched " + brief_repr(R(A), 200));
            }
            VB_CASE(TestTuple) {
                Value x = R(A);
                TEST_JUMP(!(x.is(Tag::Tuple) && as_tuple(x)->length == B));
            }
            VB_CASE(TestArray) {
                Value x = R(A);
                bool ok = x.is(Tag::Array) && (C ? as_array(x)->length >= B : as_array(x)->length == B);
                TEST_JUMP(!ok);
            }
            VB_CASE(TestMap) {
                TEST_JUMP(!R(A).is(Tag::Map));
            }
            VB_CASE(TestKey) {
                if (!R(A).is(Tag::Map)) [[unlikely]]
                    malformed_code("TestKey of a register that holds no map");
                TEST_JUMP(map_find(as_map(R(A)), R(B)) == nullptr);
            }
            VB_CASE(SliceFrom) {
                if (!R(B).is(Tag::Array)) [[unlikely]]
                    malformed_code("SliceFrom of a register that holds no array");
                ArrayObj* a = array_slice_from(heap, as_array(R(B)), C);
                R(A) = make_array(a);
                VB_NEXT();
            }
            VB_CASE(Import) {
                ModuleObj* m = closure->proto->module->imports[BX];
                if (m->state != ModuleState::Loaded) {
                    R(A) = make_module(m);
                    VB_NEXT();
                }
                // Run its top level; ThisModule at its end returns the module.
                m->state = ModuleState::Running;
                ClosureObj* top = heap.new_closure(m->protos[m->top_level], 0);
                R(A) = make_function(top);
                SAVE_PC();
                begin_call(p, static_cast<uint32_t>(&R(A) - p.stack), 0);
                LOAD_FRAME();
                VB_NEXT();
            }
            VB_CASE(ThisModule) {
                ModuleObj* m = closure->proto->module;
                m->state = ModuleState::Ready;
                R(A) = make_module(m);
                VB_NEXT();
            }
            VB_CASE(Interpolate) {
                // One allocation for the whole string, as Python's BUILD_STRING.
                std::string& text = interpolation_buffer;
                text.clear();
                for (unsigned n = 0; n < C; n++) {
                    Value part = R(B + n);
                    if (part.is(Tag::String)) {
                        const StringObj* s = as_string(part);
                        // One long string in every part could build far more than the heap holds.
                        if (text.size() + s->length > heap.print_limit()) [[unlikely]]
                            throw OutOfMemory{text.size() + s->length};
                        text.append(s->chars, s->length);
                    } else if (part.is_int()) {
                        char digits[24];
                        auto end = std::to_chars(digits, digits + sizeof digits, part.i).ptr;
                        text.append(digits, end);
                    } else {
                        team.print_value(text, part, false);
                    }
                }
                R(A) = make_string(heap.new_string(text));
                VB_NEXT();
            }
            VB_CASE(AddI) {
                Value x = R(B);
                int64_t imm = static_cast<int64_t>(C) - 128;
                int64_t r;
                if (x.is_int() && !__builtin_add_overflow(x.i, imm, &r)) R(A) = Value::integer(r);
                else if (x.is_float()) R(A) = Value::number(x.f + static_cast<double>(imm));
                else R(A) = arith(heap, Opcode::Add, x, Value::integer(imm));
                VB_NEXT();
            }
            VB_CASE(TestLtI) {
                Value x = R(A);
                int64_t imm = static_cast<int64_t>(B) - 128;
                bool lt = x.is_int() ? x.i < imm : less_than(x, Value::integer(imm));
                TEST_JUMP(lt == (C != 0));
            }
            VB_END_DISPATCH()
        } catch (VmError& error) {
            SAVE_PC();
            heap.ignore_limit = true;
            Value e = team.make_error(p, error.kind, error.message);
            bool handled = raise_in(p, e);
            heap.ignore_limit = false;
            if (!handled) LEAVE(RunResult::Failed);
        } catch (OutOfMemory&) {
            SAVE_PC();
            heap.ignore_limit = true;
            Value e = team.make_error(p, ErrorKind::OutOfMemory, "the heap limit (--max-heap) is reached");
            bool handled = raise_in(p, e);
            heap.ignore_limit = false;
            if (!handled) LEAVE(RunResult::Failed);
        } catch (ReductionLimitReached&) {
            // Not raised in the process, so no `try` catches it: the process
            // ends, and the scheduler then ends the run.
            SAVE_PC();
            heap.ignore_limit = true;
            p.outcome = team.reduction_limit_error(p);
            heap.ignore_limit = false;
            p.failed = true;
            LEAVE(RunResult::Failed);
        }
        continue;
    next_process:;
    }
}

}  // namespace vb
