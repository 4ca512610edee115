// vm/value_ops.h — what every value supports: equality, identity, hashing,
// ordering and its printed forms. These are the language's rules for `==`, `is`,
// `<`, map keys, `str(x)` and `print`, in one place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/object/objects.h"

namespace vb {

bool values_equal(Value a, Value b);      // ==, structural; 1 == 1.0
bool values_identical(Value a, Value b);  // is
uint64_t value_hash(Value key);           // raises :type_error for mutable values
// <0, 0, >0; raises :type_error when the two cannot be ordered.
int compare_values(Value a, Value b);

// The longest printed form: the longest string (Heap::new_string refuses more).
constexpr size_t kMaxPrinted = UINT32_MAX - 64;

// str(x): strings as they are; everything else in its printed form.
std::string to_display(Value v);
// The printed form with strings quoted (inside containers, in the REPL).
std::string to_repr(Value v);
// A value whose parts are shared (a = [a, a], forty times over) prints far
// larger than it is: past `limit` bytes of output these throw OutOfMemory (the
// interpreter raises :out_of_memory), as the string would not fit anyway.
void append_value(std::string& out, Value v, bool quote_strings, size_t limit = kMaxPrinted);
// The printed form cut to about `limit` bytes, ending in "..." when cut: for
// error messages and reports, which must not fail.
std::string brief_display(Value v, size_t limit);
std::string brief_repr(Value v, size_t limit);
// A string in double quotes with the escapes the lexer reads back.
std::string quote_string(std::string_view s);
// Python's repr of a float: shortest round-trip digits, always a '.' or exponent.
std::string format_float(double d);

}  // namespace vb
