// vm/builtins/math.cpp — the natives of the `math` module (pi, e, inf and nan
// are defined in stdlib/math.vb). Floating-point functions follow IEEE rather
// than raising: sqrt(-1) and log(-1) are nan, log(0) is -inf. floor and ceil
// return ints; abs keeps the type; min and max order with compare_values, so
// they work on anything `<` works on.
#include <cmath>
#include <string>

#include "vm/builtins/natives.h"
#include "vm/errors.h"
#include "vm/value_ops.h"

namespace vb {

namespace {

NativeResult float_result(Value& result, double d) {
    result = Value::number(d);
    return NativeResult::Ok;
}

// floor/ceil of a float as an int.
NativeResult rounded_to_int(const char* fn, Value x, double rounded, Value& result) {
    if (std::isnan(rounded)) raise_error(ErrorKind::ValueError, std::string(fn) + "() cannot convert nan to an int");
    if (!(rounded >= -9223372036854775808.0 && rounded < 9223372036854775808.0))
        raise_error(ErrorKind::Overflow, std::string(fn) + "() of " + format_float(x.f) + " is out of the range of an int");
    result = Value::integer(static_cast<int64_t>(rounded));
    return NativeResult::Ok;
}

// min (want = -1) or max (want = 1) of the arguments, or of the elements of a
// single array or tuple argument. The first of equal candidates wins.
NativeResult extreme(const char* fn, int want, Value* args, uint32_t count, Value& result) {
    const Value* items = args;
    uint32_t n = count;
    if (count == 1 && args[0].is(Tag::Array)) {
        items = as_array(args[0])->items;
        n = as_array(args[0])->length;
    } else if (count == 1 && args[0].is(Tag::Tuple)) {
        items = as_tuple(args[0])->items;
        n = as_tuple(args[0])->length;
    }
    if (n == 0) raise_error(ErrorKind::ValueError, std::string(fn) + "() of an empty " + type_name(args[0]));
    Value best = items[0];
    for (uint32_t i = 1; i < n; i++) {
        int c = compare_values(items[i], best);
        if (c == want) best = items[i];
    }
    result = best;
    return NativeResult::Ok;
}

}  // namespace

NativeResult native_math_sqrt(Process&, Value* args, uint32_t, Value& result) {
    return float_result(result, std::sqrt(arg_number("sqrt", args, 0)));
}

NativeResult native_math_floor(Process&, Value* args, uint32_t, Value& result) {
    if (args[0].is_int()) {
        result = args[0];
        return NativeResult::Ok;
    }
    return rounded_to_int("floor", args[0], std::floor(arg_number("floor", args, 0)), result);
}

NativeResult native_math_ceil(Process&, Value* args, uint32_t, Value& result) {
    if (args[0].is_int()) {
        result = args[0];
        return NativeResult::Ok;
    }
    return rounded_to_int("ceil", args[0], std::ceil(arg_number("ceil", args, 0)), result);
}

NativeResult native_math_abs(Process&, Value* args, uint32_t, Value& result) {
    Value x = args[0];
    if (x.is_int()) {
        if (x.i == INT64_MIN) raise_error(ErrorKind::Overflow, "abs() of " + std::to_string(x.i) + " overflows an int");
        result = Value::integer(x.i < 0 ? -x.i : x.i);
        return NativeResult::Ok;
    }
    return float_result(result, std::fabs(arg_number("abs", args, 0)));
}

NativeResult native_math_min(Process&, Value* args, uint32_t count, Value& result) {
    return extreme("min", -1, args, count, result);
}

NativeResult native_math_max(Process&, Value* args, uint32_t count, Value& result) {
    return extreme("max", 1, args, count, result);
}

NativeResult native_math_sin(Process&, Value* args, uint32_t, Value& result) {
    return float_result(result, std::sin(arg_number("sin", args, 0)));
}

NativeResult native_math_cos(Process&, Value* args, uint32_t, Value& result) {
    return float_result(result, std::cos(arg_number("cos", args, 0)));
}

NativeResult native_math_tan(Process&, Value* args, uint32_t, Value& result) {
    return float_result(result, std::tan(arg_number("tan", args, 0)));
}

NativeResult native_math_exp(Process&, Value* args, uint32_t, Value& result) {
    return float_result(result, std::exp(arg_number("exp", args, 0)));
}

NativeResult native_math_log(Process&, Value* args, uint32_t count, Value& result) {
    double x = arg_number("log", args, 0);
    if (count < 2 || args[1].is_missing() || args[1].is_nil()) return float_result(result, std::log(x));
    double base = arg_number("log", args, 1);
    // Exact for powers of 2 and 10 (log(1000, 10) is 3.0, not 2.9999999999999996).
    if (base == 2) return float_result(result, std::log2(x));
    if (base == 10) return float_result(result, std::log10(x));
    return float_result(result, std::log(x) / std::log(base));
}

NativeResult native_math_pow(Process&, Value* args, uint32_t, Value& result) {
    return float_result(result, std::pow(arg_number("pow", args, 0), arg_number("pow", args, 1)));
}

}  // namespace vb
