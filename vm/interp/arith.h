// vm/interp/arith.h — the arithmetic and comparison rules of the language, for
// the operand combinations the interpreter's inline fast paths do not handle.
#pragma once

#include "vm/isa/isa.h"
#include "vm/object/objects.h"

namespace vb {

class Heap;

// R = a op b for Add Sub Mul Div IDiv Mod Pow BitAnd BitOr BitXor Shl Shr Concat;
// raises :type_error, :zero_division, :overflow.
Value arith(Heap& heap, isa::Opcode op, Value a, Value b);
Value negate(Value a);
Value bit_not(Value a);
bool less_than(Value a, Value b);   // raises :type_error when not ordered
bool less_equal(Value a, Value b);
bool contains(Value item, Value container);  // `item in container`

}  // namespace vb
