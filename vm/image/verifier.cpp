// vm/image/verifier.cpp — the checks of verifier.h, driven by opcodes.def.
#include "vm/image/verifier.h"

#include <cstring>

namespace vb::image {

namespace {

const char* const kErrorText[] = {
#define X(name, text) text,
    VB_VERIFY_ERRORS(X)
#undef X
};
static_assert(sizeof(kErrorText) / sizeof(kErrorText[0]) == static_cast<size_t>(VerifyError::Count));

struct Failure {
    VerifyError error;
};

struct Checker {
    const Image& image;
    size_t prelude_globals;
    const Module* module = nullptr;
    const Function* function = nullptr;
    size_t module_index = 0, function_index = 0, pc = 0;

    void fail(VerifyError e) { throw Failure{e}; }

    void reg(long r) {
        if (r < 0 || r >= function->register_count) fail(VerifyError::RegisterOutOfRange);
    }

    // Evaluates a window bound like "A+2", "B+2C-1" for the current instruction.
    long bound(const char* text, unsigned a, unsigned b, unsigned c) {
        long value = 0, sign = 1;
        for (const char* s = text; *s;) {
            long term;
            if (*s == '+' || *s == '-') {
                sign = *s == '-' ? -1 : 1;
                s++;
                continue;
            }
            long factor = 1;
            if (*s >= '0' && *s <= '9') {
                factor = *s++ - '0';
                if (!*s || *s == '+' || *s == '-') {
                    value += sign * factor;
                    continue;
                }
            }
            switch (*s++) {
                case 'A': term = a; break;
                case 'B': term = b; break;
                case 'C': term = c; break;
                default: term = 0;
            }
            value += sign * factor * term;
        }
        return value;
    }

    void window(const char* text, unsigned a, unsigned b, unsigned c) {
        if (std::strcmp(text, "-") == 0) return;
        const char* dots = std::strstr(text, "..");
        std::string lo(text, dots), hi(dots + 2);
        long first = bound(lo.c_str(), a, b, c), last = bound(hi.c_str(), a, b, c);
        if (last < first) return;  // empty window
        reg(first);
        reg(last);
    }

    void field(char kind, long value) {
        switch (kind) {
            case 'r': reg(value); break;
            case 'k':
                if (value < 0 || static_cast<size_t>(value) >= function->constants.size())
                    fail(VerifyError::ConstantOutOfRange);
                break;
            case 's':
            case 'n': {
                if (value < 0 || static_cast<size_t>(value) >= function->constants.size())
                    fail(VerifyError::ConstantOutOfRange);
                ConstantKind k = function->constants[value].kind;
                if (kind == 's' ? k != ConstantKind::Symbol : (k != ConstantKind::Int && k != ConstantKind::Float))
                    fail(VerifyError::ConstantKind);
                break;
            }
            case 'u':
                if (value < 0 || static_cast<size_t>(value) >= function->captures.size())
                    fail(VerifyError::UpvalueOutOfRange);
                break;
            case 'f':
                if (value <= 0 || static_cast<size_t>(value) >= module->functions.size())
                    fail(VerifyError::FunctionOutOfRange);
                break;
            case 'g':
                if (value < 0 || static_cast<size_t>(value) >= module->globals.size())
                    fail(VerifyError::GlobalOutOfRange);
                break;
            case 'p':
                if (value < 0 || static_cast<size_t>(value) >= prelude_globals) fail(VerifyError::PreludeOutOfRange);
                break;
            case 'm':
                if (value < 0 || static_cast<size_t>(value) >= module->imports.size())
                    fail(VerifyError::ImportOutOfRange);
                break;
            case 'j': {
                long target = static_cast<long>(pc) + 1 + value;
                if (target < 0 || static_cast<size_t>(target) >= function->code.size())
                    fail(VerifyError::JumpOutOfRange);
                break;
            }
            default: break;  // 'i': any immediate
        }
    }

    void check_function() {
        const Function& f = *function;
        if (f.code.empty()) fail(VerifyError::EmptyCode);
        if (f.lines.size() != f.code.size()) fail(VerifyError::LinesMismatch);
        // A rest parameter is one of the parameters: the interpreter's argument
        // code counts the fixed ones as param_count - 1.
        if (f.register_count == 0 || f.register_count > 256 || f.param_count > f.register_count ||
            f.required_count > f.param_count || (f.has_rest && f.param_count == 0))
            fail(VerifyError::BadFrameSize);
        for (pc = 0; pc < f.code.size(); pc++) {
            isa::Instr in = f.code[pc];
            unsigned op = in & 0xff;
            if (op >= static_cast<unsigned>(isa::kOpcodeCount)) fail(VerifyError::UnknownOpcode);
            const isa::OpcodeInfo& info = isa::kOpcodeInfo[op];
            unsigned a = isa::arg_a(in), b = isa::arg_b(in), c = isa::arg_c(in);
            const char* kinds = info.operands;
            switch (info.format) {
                case isa::Format::ABC:
                    if (kinds[0]) field(kinds[0], a);
                    if (kinds[0] && kinds[1]) field(kinds[1], b);
                    if (kinds[0] && kinds[1] && kinds[2]) field(kinds[2], c);
                    break;
                case isa::Format::ABx:
                    field(kinds[0], a);
                    field(kinds[1], isa::arg_bx(in));
                    break;
                case isa::Format::AsBx:
                    field(kinds[0], a);
                    field(kinds[1], isa::arg_sbx(in));
                    break;
                case isa::Format::sJ: field(kinds[0], isa::arg_sj(in)); break;
            }
            window(info.window, a, b, c);
            if (info.flags & isa::OPF_TEST) {
                if (pc + 1 >= f.code.size() || isa::op_of(f.code[pc + 1]) != isa::Opcode::Jmp)
                    fail(VerifyError::TestWithoutJump);
            }
            if (isa::op_of(in) == isa::Opcode::Closure) {
                // The child's captures name registers or upvalues of this function.
                const Function& child = module->functions[isa::arg_bx(in)];
                for (const Capture& cap : child.captures) {
                    if (cap.from_register ? cap.index >= f.register_count : cap.index >= f.captures.size())
                        fail(VerifyError::CaptureOutOfRange);
                }
            }
        }
        if (!(isa::kOpcodeInfo[f.code.back() & 0xff].flags & isa::OPF_END)) fail(VerifyError::FallsOffEnd);
    }
};

}  // namespace

std::string VerifyResult::message() const {
    return std::string(kErrorText[static_cast<int>(error)]) + (where.empty() ? "" : " (" + where + ")");
}

VerifyResult verify(const Image& image, size_t prelude_globals) {
    Checker checker{image, prelude_globals};
    VerifyResult result;
    try {
        if (image.modules.empty()) throw Failure{VerifyError::NoModules};
        if (image.entry >= image.modules.size()) throw Failure{VerifyError::EntryOutOfRange};
        for (checker.module_index = 0; checker.module_index < image.modules.size(); checker.module_index++) {
            const Module& m = image.modules[checker.module_index];
            checker.module = &m;
            if (m.by_reference) {
                // Filled from the VM's own stdlib, which it trusts; nothing of it is in the image.
                if (!m.is_stdlib || !m.functions.empty() || !m.imports.empty() || checker.module_index == image.entry)
                    throw Failure{VerifyError::BadReference};
                continue;
            }
            if (m.functions.empty()) throw Failure{VerifyError::NoFunctions};
            for (uint32_t target : m.imports)
                if (target >= image.modules.size()) throw Failure{VerifyError::ImportOutOfRange};
            for (checker.function_index = 0; checker.function_index < m.functions.size(); checker.function_index++) {
                checker.function = &m.functions[checker.function_index];
                checker.pc = 0;
                checker.check_function();
            }
        }
    } catch (Failure& f) {
        result.ok = false;
        result.error = f.error;
        if (checker.module) {
            result.where = "module " + checker.module->name;
            if (checker.function) {
                result.where += ", function " + std::to_string(checker.function_index);
                if (!checker.function->name.empty()) result.where += " '" + checker.function->name + "'";
                result.where += ", instruction " + std::to_string(checker.pc);
            }
        }
    }
    return result;
}

}  // namespace vb::image
