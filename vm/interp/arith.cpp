// vm/interp/arith.cpp — arithmetic, comparison and membership, the general case.
// The interpreter inlines int+int and float+float; everything else comes here.
#include "vm/interp/arith.h"

#include <cmath>
#include <cstring>
#include <string>

#include "vm/errors.h"
#include "vm/gc/heap.h"
#include "vm/object/map.h"
#include "vm/object/string.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

const char* op_symbol(isa::Opcode op) {
    using isa::Opcode;
    switch (op) {
        case Opcode::Add: return "+";
        case Opcode::Sub: return "-";
        case Opcode::Mul: return "*";
        case Opcode::Div: return "/";
        case Opcode::IDiv: return "//";
        case Opcode::Mod: return "%";
        case Opcode::Pow: return "**";
        case Opcode::Concat: return "++";
        case Opcode::BitAnd: return "&";
        case Opcode::BitOr: return "|";
        case Opcode::BitXor: return "^";
        case Opcode::Shl: return "<<";
        case Opcode::Shr: return ">>";
        default: return "?";
    }
}

[[noreturn]] void type_mismatch(isa::Opcode op, Value a, Value b) {
    std::string message = std::string("cannot apply `") + op_symbol(op) + "` to " + type_name(a) + " and " +
                          type_name(b);
    if (op == isa::Opcode::Add && (a.is(Tag::String) || b.is(Tag::String)))
        message += " (use `++` to join strings, and \"${x}\" to put a value in one)";
    else if (op == isa::Opcode::Concat && (a.is(Tag::String) || b.is(Tag::String)))
        message += " (`++` needs two strings; use \"${x}\" to put a value in a string)";
    raise_error(ErrorKind::TypeError, message);
}

[[noreturn]] void overflow(isa::Opcode op) {
    raise_error(ErrorKind::Overflow, std::string("integer overflow in `") + op_symbol(op) + "`");
}

Value int_pow(int64_t base, int64_t exponent) {
    int64_t result = 1;
    while (exponent > 0) {
        if (exponent & 1)
            if (__builtin_mul_overflow(result, base, &result)) overflow(isa::Opcode::Pow);
        exponent >>= 1;
        if (exponent && __builtin_mul_overflow(base, base, &base)) overflow(isa::Opcode::Pow);
    }
    return Value::integer(result);
}

Value int_op(isa::Opcode op, int64_t x, int64_t y) {
    using isa::Opcode;
    int64_t r;
    switch (op) {
        case Opcode::Add:
            if (__builtin_add_overflow(x, y, &r)) overflow(op);
            return Value::integer(r);
        case Opcode::Sub:
            if (__builtin_sub_overflow(x, y, &r)) overflow(op);
            return Value::integer(r);
        case Opcode::Mul:
            if (__builtin_mul_overflow(x, y, &r)) overflow(op);
            return Value::integer(r);
        case Opcode::Div: return Value::number(static_cast<double>(x) / static_cast<double>(y));
        case Opcode::IDiv: {
            if (y == 0) raise_error(ErrorKind::ZeroDivision, "integer division by zero");
            if (x == INT64_MIN && y == -1) overflow(op);
            int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
            return Value::integer(q);
        }
        case Opcode::Mod: {
            if (y == 0) raise_error(ErrorKind::ZeroDivision, "integer modulo by zero");
            if (y == -1) return Value::integer(0);
            int64_t m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) m += y;
            return Value::integer(m);
        }
        case Opcode::Pow:
            if (y < 0) return Value::number(std::pow(static_cast<double>(x), static_cast<double>(y)));
            return int_pow(x, y);
        case Opcode::BitAnd: return Value::integer(x & y);
        case Opcode::BitOr: return Value::integer(x | y);
        case Opcode::BitXor: return Value::integer(x ^ y);
        case Opcode::Shl: {
            if (y < 0) raise_error(ErrorKind::ValueError, "negative shift count");
            if (x == 0) return Value::integer(0);
            if (y >= 63) overflow(op);
            int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(x) << y);
            if ((shifted >> y) != x) overflow(op);
            return Value::integer(shifted);
        }
        case Opcode::Shr:
            if (y < 0) raise_error(ErrorKind::ValueError, "negative shift count");
            if (y >= 64) return Value::integer(x < 0 ? -1 : 0);
            return Value::integer(x >> y);
        default: break;
    }
    raise_error(ErrorKind::TypeError, "bad arithmetic operator");
}

Value float_op(isa::Opcode op, double x, double y) {
    using isa::Opcode;
    switch (op) {
        case Opcode::Add: return Value::number(x + y);
        case Opcode::Sub: return Value::number(x - y);
        case Opcode::Mul: return Value::number(x * y);
        case Opcode::Div: return Value::number(x / y);
        case Opcode::IDiv: return Value::number(std::floor(x / y));
        case Opcode::Mod: {
            if (y == 0) return Value::number(NAN);
            double m = std::fmod(x, y);
            if (m != 0 && ((m < 0) != (y < 0))) m += y;
            return Value::number(m);
        }
        case Opcode::Pow: return Value::number(std::pow(x, y));
        default: return Value::nil();
    }
}

}  // namespace

Value arith(Heap& heap, isa::Opcode op, Value a, Value b) {
    using isa::Opcode;
    if (op == Opcode::Concat) {
        if (a.is(Tag::String) && b.is(Tag::String)) return make_string(string_concat(heap, as_string(a), as_string(b)));
        if (a.is(Tag::Array) && b.is(Tag::Array)) {
            ArrayObj* x = as_array(a);
            ArrayObj* y = as_array(b);
            uint64_t n = uint64_t(x->length) + y->length;
            if (n > UINT32_MAX / 2) throw OutOfMemory{n};
            ArrayObj* r = heap.new_array(static_cast<uint32_t>(n));
            if (x->length) std::memcpy(r->items, x->items, sizeof(Value) * x->length);
            if (y->length) std::memcpy(r->items + x->length, y->items, sizeof(Value) * y->length);
            r->length = static_cast<uint32_t>(n);
            return make_array(r);
        }
        if (a.is(Tag::Bytes) && b.is(Tag::Bytes)) {
            BytesObj* x = as_bytes(a);
            BytesObj* y = as_bytes(b);
            BytesObj* r = heap.new_bytes(size_t(x->length) + y->length);
            if (x->length) std::memcpy(r->data, x->data, x->length);
            if (y->length) std::memcpy(r->data + x->length, y->data, y->length);
            return make_bytes(r);
        }
        type_mismatch(op, a, b);
    }
    bool bitwise = op == Opcode::BitAnd || op == Opcode::BitOr || op == Opcode::BitXor || op == Opcode::Shl ||
                   op == Opcode::Shr;
    if (a.is_int() && b.is_int()) return int_op(op, a.i, b.i);
    if (bitwise || !a.is_number() || !b.is_number()) type_mismatch(op, a, b);
    return float_op(op, a.as_number(), b.as_number());
}

Value negate(Value a) {
    if (a.is_int()) {
        if (a.i == INT64_MIN) raise_error(ErrorKind::Overflow, "integer overflow in unary `-`");
        return Value::integer(-a.i);
    }
    if (a.is_float()) return Value::number(-a.f);
    raise_error(ErrorKind::TypeError, std::string("cannot negate a value of type ") + type_name(a));
}

Value bit_not(Value a) {
    if (a.is_int()) return Value::integer(~a.i);
    raise_error(ErrorKind::TypeError, std::string("`~` needs an int, not ") + type_name(a));
}

bool less_than(Value a, Value b) { return compare_values(a, b) == -1; }

bool less_equal(Value a, Value b) {
    int c = compare_values(a, b);
    return c == -1 || c == 0;
}

bool contains(Value item, Value container) {
    switch (container.tag) {
        case Tag::Array: {
            ArrayObj* a = as_array(container);
            for (uint32_t i = 0; i < a->length; i++)
                if (values_equal(item, a->items[i])) return true;
            return false;
        }
        case Tag::Tuple: {
            TupleObj* t = as_tuple(container);
            for (uint32_t i = 0; i < t->length; i++)
                if (values_equal(item, t->items[i])) return true;
            return false;
        }
        case Tag::Map: return map_find(as_map(container), item) != nullptr;
        case Tag::String:
            if (!item.is(Tag::String))
                raise_error(ErrorKind::TypeError,
                            std::string("`in` on a string needs a string on the left, not ") + type_name(item));
            return as_string(container)->view().find(as_string(item)->view()) != std::string_view::npos;
        case Tag::Bytes: {
            if (!item.is_int()) return false;
            BytesObj* b = as_bytes(container);
            for (uint32_t i = 0; i < b->length; i++)
                if (b->data[i] == item.i) return true;
            return false;
        }
        case Tag::Range: {
            if (!item.is_number()) return false;
            RangeObj* r = as_range(container);
            double x = item.as_number();
            if (item.is_float() && std::floor(x) != x) return false;
            // Every element is an int64; converting a float beyond that is undefined
            // and differs between machines (x86-64 gives INT64_MIN, aarch64 saturates).
            if (item.is_float() && !(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return false;
            int64_t n = item.is_int() ? item.i : static_cast<int64_t>(x);
            if (r->step > 0) {
                if (n < r->start || (r->inclusive ? n > r->stop : n >= r->stop)) return false;
            } else {
                if (n > r->start || (r->inclusive ? n < r->stop : n <= r->stop)) return false;
            }
            return (n - r->start) % r->step == 0;
        }
        default:
            raise_error(ErrorKind::TypeError, std::string("`in` cannot look inside a value of type ") +
                                                  type_name(container));
    }
}

}  // namespace vb
