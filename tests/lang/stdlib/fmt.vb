# fmt(x, spec) follows Python's format-spec mini-language
# expect: 3.14
# expect:    42
# expect: 42   |
# expect:   42  |
# expect: ff
# expect: 0xff
# expect: FF
# expect: 10
# expect: 101
# expect: 00000101
# expect: 1,234,567
# expect: 1_234_567
# expect: 25.000000%
# expect: 25.0%
# expect: 1.234568e+04
# expect: 1.23e+04
# expect: +3
# expect:    ab
# expect: **ab**
# expect: 00042
# expect: -0042
# expect: 0001.500
# expect: x
# expect: 3.00
# expect: 2.5
print(fmt(3.14159, ".2f"))
print(fmt(42, "5d"))
print(fmt(42, "<5") ++ "|")
print(fmt(42, "^6") ++ "|")
print(fmt(255, "x"))
print(fmt(255, "#x"))
print(fmt(255, "X"))
print(fmt(8, "o"))
print(fmt(5, "b"))
print(fmt(5, "08b"))
print(fmt(1234567, ","))
print(fmt(1234567, "_"))
print(fmt(0.25, "%"))
print(fmt(0.25, ".1%"))
print(fmt(12345.678, "e"))
print(fmt(12345.678, ".3g"))
print(fmt(3, "+d"))
print(fmt("ab", ">5"))
print(fmt("ab", "*^6"))
print(fmt(42, "05d"))
print(fmt(-42, "05d"))
print(fmt(1.5, "08.3f"))
print(fmt("x", "s"))
print(fmt(3, ".2f"))
print(fmt(2.5, ""))
