// vm/isa/isa.h — the instruction set, expanded from opcodes.def.
//
// Owns: the Opcode enum, operand formats, instruction encoding and decoding, and
// the per-opcode information table (name, format, flags) that the compiler, the
// verifier, the disassembler and the interpreter share. Nothing here knows about
// values or the runtime, so the compiler links it without the VM.
#pragma once

#include <cstdint>

namespace vb::isa {

enum class Format : uint8_t { ABC, ABx, AsBx, sJ };

enum Flags : uint8_t {
    OPF_RAISE = 1 << 0,
    OPF_ALLOC = 1 << 1,
    OPF_JUMP = 1 << 2,
    OPF_CALL = 1 << 3,
    OPF_TEST = 1 << 4,
    OPF_END = 1 << 5,
};

enum class Opcode : uint8_t {
#define OP(name, format, flags, operands, window, doc) name,
#include "vm/isa/opcodes.def"
#undef OP
};

constexpr int kOpcodeCount = 0
#define OP(name, format, flags, operands, window, doc) +1
#include "vm/isa/opcodes.def"
#undef OP
    ;

struct OpcodeInfo {
    const char* name;
    Format format;
    uint8_t flags;
    const char* operands;  // see opcodes.def
    const char* window;
    const char* doc;
};

inline constexpr OpcodeInfo kOpcodeInfo[] = {
#define OP(name, format, flags, operands, window, doc) {#name, Format::format, static_cast<uint8_t>(flags), operands, window, doc},
#include "vm/isa/opcodes.def"
#undef OP
};
static_assert(sizeof(kOpcodeInfo) / sizeof(kOpcodeInfo[0]) == kOpcodeCount);

using Instr = uint32_t;

constexpr int kMaxA = 255;
constexpr int kMaxBx = 65535;
constexpr int kBiasBx = 32767;          // sBx = Bx - kBiasBx
constexpr int kMaxSBx = kMaxBx - kBiasBx;
constexpr int kMinSBx = -kBiasBx;
constexpr int kBiasJ = (1 << 23) - 1;   // sJ = (A|B|C) - kBiasJ
constexpr int kMaxSJ = (1 << 24) - 1 - kBiasJ;
constexpr int kMinSJ = -kBiasJ;

constexpr Instr encode_abc(Opcode op, unsigned a, unsigned b, unsigned c) {
    return static_cast<Instr>(op) | (a << 8) | (b << 16) | (c << 24);
}
constexpr Instr encode_abx(Opcode op, unsigned a, unsigned bx) {
    return static_cast<Instr>(op) | (a << 8) | (bx << 16);
}
constexpr Instr encode_asbx(Opcode op, unsigned a, int sbx) {
    return encode_abx(op, a, static_cast<unsigned>(sbx + kBiasBx));
}
constexpr Instr encode_sj(Opcode op, int sj) {
    return static_cast<Instr>(op) | (static_cast<unsigned>(sj + kBiasJ) << 8);
}

constexpr Opcode op_of(Instr i) { return static_cast<Opcode>(i & 0xff); }
constexpr unsigned arg_a(Instr i) { return (i >> 8) & 0xff; }
constexpr unsigned arg_b(Instr i) { return (i >> 16) & 0xff; }
constexpr unsigned arg_c(Instr i) { return i >> 24; }
constexpr unsigned arg_bx(Instr i) { return i >> 16; }
constexpr int arg_sbx(Instr i) { return static_cast<int>(i >> 16) - kBiasBx; }
constexpr int arg_sj(Instr i) { return static_cast<int>(i >> 8) - kBiasJ; }

inline const OpcodeInfo& info(Opcode op) { return kOpcodeInfo[static_cast<int>(op)]; }

}  // namespace vb::isa
