// vm/isa/disasm.cpp — disassembler (see disasm.h). One line per instruction:
// index, source line, opcode name, operands as the table's operand kinds say,
// and constants shown by value; then each function's constant pool and
// captures, and each module's globals and imports.
#include "vm/isa/disasm.h"

#include <cstdio>

namespace vb::isa {

namespace {

std::string constant_text(const image::Constant& c) {
    switch (c.kind) {
        case image::ConstantKind::Nil: return "nil";
        case image::ConstantKind::Bool: return c.int_value ? "true" : "false";
        case image::ConstantKind::Int: return std::to_string(c.int_value);
        case image::ConstantKind::Float: {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", c.float_value);
            return buf;
        }
        case image::ConstantKind::String: return "\"" + c.text + "\"";
        case image::ConstantKind::Symbol: return ":" + c.text;
    }
    return "?";
}

}  // namespace

std::string disassemble(const image::Function& f) {
    std::string out;
    char line[160];
    std::snprintf(line, sizeof line, "function %s (line %u): %u params (%u required%s), %u registers, %zu captures\n",
                  f.name.empty() ? "<fn>" : f.name.c_str(), f.line, f.param_count, f.required_count,
                  f.has_rest ? ", rest" : "", f.register_count, f.captures.size());
    out += line;
    for (size_t pc = 0; pc < f.code.size(); pc++) {
        Instr in = f.code[pc];
        unsigned op = in & 0xff;
        if (op >= static_cast<unsigned>(kOpcodeCount)) {
            std::snprintf(line, sizeof line, "  %4zu  [%3u]  <bad opcode %u>\n", pc, pc < f.lines.size() ? f.lines[pc] : 0,
                          op);
            out += line;
            continue;
        }
        const OpcodeInfo& info = kOpcodeInfo[op];
        std::string operands;
        long fields[3] = {0, 0, 0};
        int count = 0;
        switch (info.format) {
            case Format::ABC:
                fields[0] = arg_a(in), fields[1] = arg_b(in), fields[2] = arg_c(in), count = 3;
                break;
            case Format::ABx: fields[0] = arg_a(in), fields[1] = arg_bx(in), count = 2; break;
            case Format::AsBx: fields[0] = arg_a(in), fields[1] = arg_sbx(in), count = 2; break;
            case Format::sJ: fields[0] = arg_sj(in), count = 1; break;
        }
        std::string comment;
        for (int n = 0; n < count && info.operands[n]; n++) {
            char kind = info.operands[n];
            char buf[32];
            switch (kind) {
                case 'r': std::snprintf(buf, sizeof buf, " r%ld", fields[n]); break;
                case 'k':
                case 's':
                case 'n':
                    std::snprintf(buf, sizeof buf, " k%ld", fields[n]);
                    if (fields[n] >= 0 && static_cast<size_t>(fields[n]) < f.constants.size())
                        comment += " " + constant_text(f.constants[fields[n]]);
                    break;
                case 'u': std::snprintf(buf, sizeof buf, " u%ld", fields[n]); break;
                case 'f': std::snprintf(buf, sizeof buf, " f%ld", fields[n]); break;
                case 'g': std::snprintf(buf, sizeof buf, " g%ld", fields[n]); break;
                case 'p': std::snprintf(buf, sizeof buf, " p%ld", fields[n]); break;
                case 'm': std::snprintf(buf, sizeof buf, " m%ld", fields[n]); break;
                case 'j': std::snprintf(buf, sizeof buf, " ->%ld", static_cast<long>(pc) + 1 + fields[n]); break;
                default: std::snprintf(buf, sizeof buf, " %ld", fields[n]); break;
            }
            operands += buf;
        }
        std::snprintf(line, sizeof line, "  %4zu  [%3u]  %-12s%s", pc, pc < f.lines.size() ? f.lines[pc] : 0, info.name,
                      operands.c_str());
        out += line;
        if (!comment.empty()) out += "   ;" + comment;
        out += "\n";
    }
    for (size_t k = 0; k < f.constants.size(); k++)
        out += "  k" + std::to_string(k) + " = " + constant_text(f.constants[k]) + "\n";
    for (size_t u = 0; u < f.captures.size(); u++)
        out += "  u" + std::to_string(u) + " <- " + (f.captures[u].from_register ? "r" : "u") +
               std::to_string(f.captures[u].index) + " of the creating function\n";
    return out;
}

std::string disassemble(const image::Module& module) {
    std::string out = "module " + module.name + " (" + module.path + "): " + std::to_string(module.globals.size()) +
                      " globals\n";
    for (size_t g = 0; g < module.globals.size(); g++)
        out += "  g" + std::to_string(g) + " = " + module.globals[g] + "\n";
    for (size_t m = 0; m < module.imports.size(); m++)
        out += "  m" + std::to_string(m) + " = module " + std::to_string(module.imports[m]) + " of the image\n";
    for (size_t i = 0; i < module.functions.size(); i++) {
        out += "f" + std::to_string(i) + ": " + disassemble(module.functions[i]);
    }
    return out;
}

}  // namespace vb::isa
