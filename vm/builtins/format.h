// vm/builtins/format.h — fmt(x, spec): Python's format-spec mini-language.
//
//   [[fill]align][sign][#][0][width][,|_][.precision][type]
//
// ints take the types b c d o x X n and (converted to float) e E f F g G %;
// floats take e E f F g G n % and none (repr-like); strings take s and none.
// Other values (nil, bools, symbols, containers ...) are formatted as the string
// of their printed form (to_display) and so take only s and none. The results
// match Python's format(x, spec) for ints, floats and strings. A bad spec raises
// :value_error naming the spec.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/value.h"

namespace vb {

class Team;

// A non-number is printed by `team` (Team::print_value).
std::string format_value(Team& team, Value v, std::string_view spec);

// The pieces, which need no heap (format_value dispatches to them).
std::string format_int(int64_t n, std::string_view spec);
std::string format_float_spec(double d, std::string_view spec);
// `type` names the value's type in error messages ("string", "nil", ...).
std::string format_string_spec(std::string_view s, std::string_view spec, const char* type = "string");

}  // namespace vb
