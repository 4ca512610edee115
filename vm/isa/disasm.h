// vm/isa/disasm.h — a readable listing of compiled code, expanded from the
// instruction table: `vb --disasm FILE`, the compiler's golden tests, debugging.
#pragma once

#include <string>

#include "vm/image/image.h"

namespace vb::isa {

std::string disassemble(const image::Function& function);
std::string disassemble(const image::Module& module);

}  // namespace vb::isa
