// compiler/function_builder.h — builds one function of an image: emits
// instructions with their source lines, patches jumps, deduplicates constants,
// and checks every operand against the limits of vm/isa/isa.h, so codegen never
// writes an instruction the verifier would reject.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/image/image.h"
#include "vm/isa/isa.h"

namespace vb::compiler {

// Thrown when a function outgrows an operand field (too many registers,
// constants, or a jump too far); codegen reports it at the construct's location.
struct LimitExceeded {
    std::string what;
};

class FunctionBuilder {
public:
    explicit FunctionBuilder(image::Function& out) : m_out(out) {}

    uint32_t line = 0;  // source line given to the next instructions

    size_t here() const { return m_out.code.size(); }

    size_t emit(isa::Instr instruction) {
        m_out.code.push_back(instruction);
        m_out.lines.push_back(line);
        return m_out.code.size() - 1;
    }
    size_t abc(isa::Opcode op, int a, int b, int c) {
        check(a, 255, "registers");
        check(b, 255, "registers");
        check(c, 255, "operands");
        return emit(isa::encode_abc(op, a, b, c));
    }
    size_t abx(isa::Opcode op, int a, int bx) {
        check(a, 255, "registers");
        check(bx, isa::kMaxBx, "constants");
        return emit(isa::encode_abx(op, a, bx));
    }
    size_t asbx(isa::Opcode op, int a, int sbx) {
        check(a, 255, "registers");
        return emit(isa::encode_asbx(op, a, sbx));
    }
    // A jump whose target is set later with patch_to_here / patch.
    size_t jump(isa::Opcode op = isa::Opcode::Jmp, int a = 0) {
        if (op == isa::Opcode::Jmp) return emit(isa::encode_sj(op, 0));
        return asbx(op, a, 0);
    }
    void patch(size_t at, size_t target) {
        long offset = static_cast<long>(target) - static_cast<long>(at) - 1;
        isa::Instr in = m_out.code[at];
        isa::Opcode op = isa::op_of(in);
        if (isa::kOpcodeInfo[static_cast<int>(op)].format == isa::Format::sJ) {
            if (offset < isa::kMinSJ || offset > isa::kMaxSJ) throw LimitExceeded{"a jump is too long"};
            m_out.code[at] = isa::encode_sj(op, static_cast<int>(offset));
        } else {
            if (offset < isa::kMinSBx || offset > isa::kMaxSBx)
                throw LimitExceeded{"a loop or branch is too long (split the function)"};
            m_out.code[at] = isa::encode_asbx(op, isa::arg_a(in), static_cast<int>(offset));
        }
    }
    void patch_to_here(size_t at) { patch(at, here()); }
    void patch_all_to_here(std::vector<size_t>& jumps) {
        for (size_t j : jumps) patch_to_here(j);
        jumps.clear();
    }

    int constant(const image::Constant& c) {
        for (size_t i = 0; i < m_out.constants.size(); i++)
            if (m_out.constants[i] == c) return static_cast<int>(i);
        if (m_out.constants.size() >= static_cast<size_t>(isa::kMaxBx)) throw LimitExceeded{"too many constants"};
        m_out.constants.push_back(c);
        return static_cast<int>(m_out.constants.size() - 1);
    }

    image::Function& function() { return m_out; }

private:
    static void check(int value, int max, const char* what) {
        if (value < 0 || value > max) throw LimitExceeded{std::string("too many ") + what + " in one function"};
    }
    image::Function& m_out;
};

}  // namespace vb::compiler
