# the bytes of the worked examples of docs/value-encoding.md: version byte 01, then tag and payload
# expect: 01 00
# expect: 01 02
# expect: 01 03 54
# expect: 01 03 01
# expect: 01 03 D8 04
# expect: 01 04 3F F8 00 00 00 00 00 00
# expect: 01 05 03 68 C3 A9
# expect: 01 06 02 6F 6B
# expect: 01 07 02 01 02
# expect: 01 08 02 03 02 05 01 61
# expect: 01 09 02 00 02
# expect: 01 0A 01 06 01 61 03 02
# expect: 01 0B 02 14 02 01
# expect: 01 0B 00 14 04 02
# expect: 01 08 02 06 02 6F 6B 0A 01 05 01 6E 04 80 00 00 00 00 00 00 00
import codec
import str
fn hex(b) {
    var parts = []
    for x in b { push(parts, fmt(x, "02X")) }
    str.join(parts, " ")
}
let two = bytes(2)
two[0] = 1
two[1] = 2
for x in [nil, true, 42, -1, 300, 1.5, "hé", :ok, two, (1, "a"), [nil, true], {a: 1}, 1..=10, range(0, 10, 2),
          (:ok, {"n": -0.0})] {
    print(hex(codec.encode(x)))
}
