# stdlib/codec.vb — module `codec`: values as bytes in the portable value
# encoding (docs/value-encoding.md), the one every message between teams and
# nodes uses. Both functions are native (vm/builtins/codec.cpp):
#   encode(value) -> bytes   nil, bools, ints, floats, pids, strings, symbols,
#                            bytes, tuples, arrays, maps and ranges; a function
#                            raises :type_error, a cycle :value_error
#   decode(bytes) -> value   a copy of the encoded value; malformed or
#                            truncated input raises :value_error "at byte N: ..."
