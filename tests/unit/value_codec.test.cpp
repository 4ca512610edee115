// tests/unit/value_codec.test.cpp — unit tests of vm/encoding/value_codec.{h,cpp},
// the portable value encoding (docs/value-encoding.md).
//
// Every kind of value comes back the same, bit for bit where it matters (-0.0,
// NaN payloads, map order); the spec's examples are these exact bytes; every
// way a decoding can fail says so at the right byte, for every prefix of a valid
// encoding, without a crash, a leaked temporary root or an allocation the input
// cannot justify; what cannot leave a team, and cycles, are refused with a path.
// The decoder runs with a collection at every allocation wherever it builds.
#include "vm/encoding/value_codec.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/object/map.h"
#include "vm/team.h"
#include "vm/value_ops.h"
#include "tests/unit/value_builder.h"

using namespace vb;

namespace {

TeamOptions stress_options() {
    TeamOptions options;
    options.gc_stress = true;
    return options;
}

// A team whose heap collects at every allocation, with the value builders.
struct Fixture : test::ValueBuilder {
    Fixture() : ValueBuilder(stress_options()) {}

    codec::EncodeResult encode_error(Value v, const codec::Limits& limits = {}) {
        std::string out;
        codec::EncodeResult r = codec::encode(v, out, limits);
        CHECK_FALSE(r.ok);
        CHECK(out.empty());
        return r;
    }
    codec::DecodeResult decode_error(std::string_view bytes, const codec::Limits& limits = {}) {
        size_t roots = heap.temp_roots.size();
        codec::DecodeResult r = codec::decode(heap, bytes, limits);
        CHECK(heap.temp_roots.size() == roots);
        CHECK_FALSE(r.ok);
        CHECK(r.error.rfind("at byte " + std::to_string(r.offset) + ": ", 0) == 0);
        return r;
    }
    Value round_trip(Value v) { return decode(encode(v)); }
};

// Equal in every detail the encoding promises: same kinds (1 is not 1.0), floats
// bit for bit, maps in the same order, ranges with the same flags.
bool same(Value a, Value b) {
    if (a.tag != b.tag) return false;
    switch (a.tag) {
        case Tag::Nil: return true;
        case Tag::Bool:
        case Tag::Int:
        case Tag::Float:
        case Tag::Pid: return a.bits == b.bits;
        case Tag::String: return as_string(a)->view() == as_string(b)->view();
        case Tag::Symbol: return a.o == b.o;
        case Tag::Bytes: {
            auto *x = as_bytes(a), *y = as_bytes(b);
            return x->length == y->length && (x->length == 0 || std::memcmp(x->data, y->data, x->length) == 0);
        }
        case Tag::Range: {
            auto *x = as_range(a), *y = as_range(b);
            return x->start == y->start && x->stop == y->stop && x->step == y->step &&
                   x->inclusive == y->inclusive && x->explicit_step == y->explicit_step;
        }
        case Tag::Tuple:
        case Tag::Array: {
            const Value* xs = a.is(Tag::Tuple) ? as_tuple(a)->items : as_array(a)->items;
            const Value* ys = b.is(Tag::Tuple) ? as_tuple(b)->items : as_array(b)->items;
            uint32_t nx = a.is(Tag::Tuple) ? as_tuple(a)->length : as_array(a)->length;
            uint32_t ny = b.is(Tag::Tuple) ? as_tuple(b)->length : as_array(b)->length;
            if (nx != ny) return false;
            for (uint32_t i = 0; i < nx; i++)
                if (!same(xs[i], ys[i])) return false;
            return true;
        }
        case Tag::Map: {
            std::vector<const MapEntry*> xs, ys;
            for (uint32_t i = 0; i < as_map(a)->entry_count; i++)
                if (!as_map(a)->entries[i].key.is_missing()) xs.push_back(&as_map(a)->entries[i]);
            for (uint32_t i = 0; i < as_map(b)->entry_count; i++)
                if (!as_map(b)->entries[i].key.is_missing()) ys.push_back(&as_map(b)->entries[i]);
            if (xs.size() != ys.size()) return false;
            for (size_t i = 0; i < xs.size(); i++)
                if (!same(xs[i]->key, ys[i]->key) || !same(xs[i]->value, ys[i]->value)) return false;
            return true;
        }
        default: return a.o == b.o;
    }
}

std::string hex(std::string_view bytes) {
    std::string out;
    char buf[4];
    for (unsigned char c : bytes) {
        std::snprintf(buf, sizeof buf, "%s%02X", out.empty() ? "" : " ", c);
        out += buf;
    }
    return out;
}

std::string unhex(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == ' ') {
            i++;
            continue;
        }
        out += static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16));
        i += 2;
    }
    return out;
}

// A value with one of everything, nested.
Value everything(Fixture& f) {
    Value inner = f.map({{f.sym("name"), f.str("hé")}, {Value::integer(-300), f.bytes(std::string("\x00\xff", 2))}});
    Value tuple = f.tuple({Value::nil(), Value::boolean(true), Value::boolean(false), Value::number(-0.0),
                           Value::pid(0x0102030405060708ULL), f.range(-5, 5, 1, true, false)});
    return f.array({Value::integer(INT64_MIN), tuple, inner, f.sym("ok"), f.array({}),
                    f.range(10, 0, -3, false, true), f.map({})});
}

}  // namespace

TEST_CASE("codec: the immediate values round-trip", "[codec]") {
    Fixture f;
    for (int64_t n : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{63}, int64_t{64}, int64_t{-64}, int64_t{-65},
                      int64_t{1} << 40, INT64_MAX, INT64_MIN}) {
        Value back = f.round_trip(Value::integer(n));
        CHECK(back.is_int());
        CHECK(back.i == n);
    }
    double nan_with_payload;
    uint64_t payload = 0xFFF8000000ABCDEFULL;
    std::memcpy(&nan_with_payload, &payload, sizeof payload);
    for (double d : {0.0, -0.0, 1.5, -2.25e300, 5e-324, std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity()}) {
        Value back = f.round_trip(Value::number(d));
        CHECK(same(back, Value::number(d)));
    }
    // Every NaN travels as the one canonical NaN, whatever bits this machine gave it.
    CHECK(f.encode(Value::number(nan_with_payload)) == unhex("01 04 7F F8 00 00 00 00 00 00"));
    CHECK(std::isnan(f.round_trip(Value::number(nan_with_payload)).f));
    CHECK(f.decode_error(unhex("01 04 7F F8 00 00 00 00 00 01")).error ==
          "at byte 1: a NaN other than 7FF8000000000000 (every NaN is written as that one)");
    CHECK(f.round_trip(Value::nil()).is_nil());
    CHECK(same(f.round_trip(Value::boolean(true)), Value::boolean(true)));
    CHECK(same(f.round_trip(Value::boolean(false)), Value::boolean(false)));
    CHECK(same(f.round_trip(Value::pid(~uint64_t{0})), Value::pid(~uint64_t{0})));
    CHECK(same(f.round_trip(Value::pid(0)), Value::pid(0)));
}

TEST_CASE("codec: strings, symbols and bytes round-trip byte for byte", "[codec]") {
    Fixture f;
    std::string all_bytes;
    for (int b = 0; b < 256; b++) all_bytes += static_cast<char>(b);
    for (std::string text : {std::string(), std::string("hello"), std::string("h\xC3\xA9llo \xF0\x9F\x8C\x8D"),
                             std::string("nul\0inside", 10), std::string(100000, 'x'),
                             std::string("\xC3", 1) /* a byte slice can cut a character */}) {
        Value s = f.str(text);
        CHECK(same(f.round_trip(s), s));
        Value b = f.bytes(text);
        CHECK(same(f.round_trip(b), b));
    }
    CHECK(same(f.round_trip(f.bytes(all_bytes)), f.bytes(all_bytes)));
    // Symbols come back as the same interned symbol.
    for (std::string_view name : {"ok", "a_long_symbol_name", "caf\xC3\xA9", ""}) {
        Value s = f.sym(name);
        CHECK(f.round_trip(s).o == s.o);
    }
    // A mutable value comes back as a new object.
    Value b = f.bytes("abc");
    CHECK(f.round_trip(b).o != b.o);
}

TEST_CASE("codec: containers round-trip, maps in insertion order", "[codec]") {
    Fixture f;
    CHECK(same(f.round_trip(f.tuple({})), f.tuple({})));
    CHECK(same(f.round_trip(f.array({})), f.array({})));
    CHECK(same(f.round_trip(f.map({})), f.map({})));
    Value v = everything(f);
    CHECK(same(f.round_trip(v), v));

    // Every hashable kind of key; order as inserted, not as hashed.
    Value m = f.map({{f.sym("z"), Value::integer(1)},
                     {f.str("y"), Value::integer(2)},
                     {Value::integer(3), Value::integer(3)},
                     {Value::number(2.5), Value::integer(4)},
                     {f.tuple({Value::integer(1), f.sym("t")}), Value::integer(5)},
                     {Value::nil(), Value::integer(6)},
                     {Value::boolean(false), Value::integer(7)},
                     {f.range(0, 3, 1, false, false), Value::integer(8)},
                     {Value::pid(77), Value::integer(9)}});
    CHECK(same(f.round_trip(m), m));

    // Removed entries leave holes in the map; the encoding has only live ones.
    map_remove(as_map(m), f.str("y"), nullptr);
    map_remove(as_map(m), Value::nil(), nullptr);
    std::string bytes = f.encode(m);
    CHECK(static_cast<uint8_t>(bytes[2]) == 7);
    CHECK(same(f.decode(bytes), m));

    // A map with two NaN keys (NaN is not equal to itself) keeps both.
    double nan = std::nan("");
    Value nans = f.map({{Value::number(nan), Value::integer(1)}, {Value::number(nan), Value::integer(2)}});
    REQUIRE(as_map(nans)->live == 2);
    CHECK(as_map(f.round_trip(nans))->live == 2);

    // A big array of strings, built under a collection at every allocation.
    Value big = f.array({});
    for (int i = 0; i < 300; i++) array_push(f.heap, as_array(big), f.str("item" + std::to_string(i)));
    CHECK(same(f.round_trip(big), big));
}

TEST_CASE("codec: ranges keep all their fields", "[codec]") {
    Fixture f;
    for (bool inclusive : {false, true}) {
        Value r = f.range(-3, 9, 1, inclusive, false);
        CHECK(same(f.round_trip(r), r));
        Value s = f.range(INT64_MIN, INT64_MAX, -7, inclusive, true);
        CHECK(same(f.round_trip(s), s));
    }
}

TEST_CASE("codec: the spec's examples are these exact bytes", "[codec]") {
    Fixture f;
    auto check = [&](Value v, std::string_view expected) {
        std::string bytes = f.encode(v);
        CHECK(hex(bytes) == expected);
        CHECK(same(f.decode(bytes), v));
    };
    check(Value::nil(), "01 00");
    check(Value::boolean(false), "01 01");
    check(Value::boolean(true), "01 02");
    check(Value::integer(0), "01 03 00");
    check(Value::integer(42), "01 03 54");
    check(Value::integer(-1), "01 03 01");
    check(Value::integer(300), "01 03 D8 04");
    check(Value::integer(INT64_MIN), "01 03 FF FF FF FF FF FF FF FF FF 01");
    check(Value::number(1.5), "01 04 3F F8 00 00 00 00 00 00");
    check(f.str("h\xC3\xA9"), "01 05 03 68 C3 A9");
    check(f.sym("ok"), "01 06 02 6F 6B");
    check(f.bytes(std::string("\x01\x02", 2)), "01 07 02 01 02");
    check(f.tuple({Value::integer(1), f.str("a")}), "01 08 02 03 02 05 01 61");
    check(f.array({Value::nil(), Value::boolean(true)}), "01 09 02 00 02");
    check(f.map({{f.sym("a"), Value::integer(1)}}), "01 0A 01 06 01 61 03 02");
    check(f.range(1, 10, 1, true, false), "01 0B 02 14 02 01");
    check(f.range(0, 10, 2, false, true), "01 0B 00 14 04 02");
    check(Value::pid(0x0000000100000002ULL), "01 0C 00 00 00 01 00 00 00 02");
    check(f.tuple({f.sym("ok"), f.map({{f.str("n"), Value::number(-0.0)}})}),
          "01 08 02 06 02 6F 6B 0A 01 05 01 6E 04 80 00 00 00 00 00 00 00");
}

TEST_CASE("codec: encoding appends, and a failure leaves the output as it was", "[codec]") {
    Fixture f;
    std::string out = "prefix";
    REQUIRE(codec::encode(Value::integer(1), out).ok);
    CHECK(out == std::string("prefix\x01\x03\x02", 9));
    Value bad = f.array({Value::integer(1), make_native(f.heap.new_native(nullptr, "m", "n", 0, 0))});
    codec::EncodeResult r = codec::encode(bad, out);
    CHECK_FALSE(r.ok);
    CHECK(out == std::string("prefix\x01\x03\x02", 9));
}

TEST_CASE("codec: what cannot leave a team is refused with its path", "[codec]") {
    Fixture f;
    ProtoObj* proto = f.heap.new_proto();
    f.hold(make_proto(proto));
    Value function = f.hold(make_function(f.heap.new_closure(proto, 0)));
    Value native = f.hold(make_native(f.heap.new_native(nullptr, "m", "n", 0, 0)));
    Value cell = f.hold(make_cell(f.heap.new_cell(Value::nil())));

    codec::EncodeResult r = f.encode_error(function);
    CHECK(r.kind == codec::EncodeError::NotPortable);
    CHECK(r.error == "a function cannot leave its team");

    Value message = f.tuple({Value::integer(1), f.str("x"), f.map({{f.sym("handler"), function}})});
    r = f.encode_error(message);
    CHECK(r.error == "a function cannot leave its team (at [2].handler)");

    r = f.encode_error(f.map({{f.str("a key"), f.array({native})}}));
    CHECK(r.error == "a native function cannot leave its team (at [\"a key\"][0])");
    r = f.encode_error(f.array({cell}));
    CHECK(r.error == "a captured variable's cell cannot leave its team (at [0])");
    r = f.encode_error(make_proto(proto));
    CHECK(r.error == "compiled code cannot leave its team");
    r = f.encode_error(Value::missing());
    CHECK(r.kind == codec::EncodeError::NotPortable);

    // A function is hashable, so it can be (part of) a map key.
    r = f.encode_error(f.map({{Value::integer(1), Value::nil()}, {f.tuple({function}), Value::nil()}}));
    CHECK(r.error == "a function cannot leave its team (at <key 1>[0])");
}

TEST_CASE("codec: a cycle is caught by the depth limit", "[codec]") {
    Fixture f;
    Value a = f.array({Value::integer(1)});
    array_push(f.heap, as_array(a), a);
    codec::EncodeResult r = f.encode_error(a);
    CHECK(r.kind == codec::EncodeError::TooDeep);
    CHECK(r.error.rfind("the value nests deeper than 256 levels (is it cyclic?) (at [1][1][1][1][1][1][1][1]...[1][1][1][1])", 0) == 0);

    Value m = f.map({});
    map_set(f.heap, as_map(m), f.sym("self"), m);
    r = f.encode_error(m);
    CHECK(r.kind == codec::EncodeError::TooDeep);
    CHECK(r.error.find("(at .self.self.self") != std::string::npos);
}

TEST_CASE("codec: the depth limit is the same on both sides", "[codec]") {
    Fixture f;
    codec::Limits two;
    two.max_depth = 2;
    Value ok = f.array({f.tuple({Value::integer(1)})});
    Value deep = f.array({f.tuple({f.map({})})});
    std::string ok_bytes = f.encode(ok, two);
    CHECK(same(f.decode(ok_bytes, two), ok));
    CHECK(f.encode_error(deep, two).kind == codec::EncodeError::TooDeep);
    std::string deep_bytes = f.encode(deep);
    codec::DecodeResult r = f.decode_error(deep_bytes, two);
    CHECK(r.error == "at byte 5: a map nested deeper than the limit of 2 levels");

    codec::Limits flat;
    flat.max_depth = 0;
    CHECK(same(f.decode(f.encode(f.str("scalar"), flat), flat), f.str("scalar")));
    CHECK(f.encode_error(f.tuple({}), flat).kind == codec::EncodeError::TooDeep);
}

TEST_CASE("codec: the size limit is the same on both sides", "[codec]") {
    Fixture f;
    codec::Limits small;
    small.max_bytes = 100;
    Value fits = f.bytes(std::string(80, 'a'));
    Value over = f.bytes(std::string(200, 'a'));
    CHECK(f.encode(fits, small).size() == 83);
    codec::EncodeResult r = f.encode_error(over, small);
    CHECK(r.kind == codec::EncodeError::TooLarge);
    CHECK(r.error == "the encoding is longer than the limit of 100 bytes");
    Value many = f.array({});
    for (int i = 0; i < 60; i++) array_push(f.heap, as_array(many), Value::integer(1000));
    CHECK(f.encode_error(many, small).kind == codec::EncodeError::TooLarge);

    codec::DecodeResult d = f.decode_error(f.encode(over), small);
    CHECK(d.error == "at byte 0: the input is 204 bytes, over the limit of 100");
}

TEST_CASE("codec: a bad version byte or an empty input", "[codec]") {
    Fixture f;
    CHECK(f.decode_error("").error == "at byte 0: the input is empty (no version byte)");
    CHECK(f.decode_error(unhex("00 00")).error ==
          "at byte 0: version 0 of the value encoding, but this vb reads version 1");
    CHECK(f.decode_error(unhex("02 00")).error ==
          "at byte 0: version 2 of the value encoding, but this vb reads version 1");
}

TEST_CASE("codec: every prefix of a valid encoding is refused as truncated", "[codec]") {
    Fixture f;
    std::string bytes = f.encode(everything(f));
    for (size_t n = 0; n < bytes.size(); n++) {
        INFO("prefix of " << n << " bytes");
        codec::DecodeResult r = f.decode_error(std::string_view(bytes).substr(0, n));
        CHECK(r.offset <= n);
        if (n > 0) {
            bool says_truncated = r.error.find("ends") != std::string::npos ||
                                  r.error.find("remain") != std::string::npos;
            CHECK(says_truncated);
            INFO(r.error);
        }
    }
    CHECK(same(f.decode(bytes), everything(f)));
}

TEST_CASE("codec: each kind of truncation names what it cut", "[codec]") {
    Fixture f;
    CHECK(f.decode_error(unhex("01")).error == "at byte 1: the input ends where a value should start");
    CHECK(f.decode_error(unhex("01 03 80")).error == "at byte 2: the input ends inside an int");
    CHECK(f.decode_error(unhex("01 04 3F F8")).error ==
          "at byte 1: the input ends inside a float (it needs 8 bytes, 2 remain)");
    CHECK(f.decode_error(unhex("01 0C 00")).error ==
          "at byte 1: the input ends inside a pid (it needs 8 bytes, 1 remains)");
    CHECK(f.decode_error(unhex("01 05 05 61 62")).error == "at byte 2: a string of 5 bytes, but only 2 bytes remain");
    CHECK(f.decode_error(unhex("01 05")).error == "at byte 2: the input ends inside a string's length");
    CHECK(f.decode_error(unhex("01 09 02 00")).error == "at byte 2: an array of 2 items, but only 1 byte remains");
    CHECK(f.decode_error(unhex("01 0A 01 00")).error == "at byte 2: a map of 1 entry, but only 1 byte remains");
    CHECK(f.decode_error(unhex("01 0A 01 00 00 00")).error ==
          "at byte 5: 1 more byte after the end of the value");
    CHECK(f.decode_error(unhex("01 0B 00 02")).error == "at byte 4: the input ends inside a range's step");
    CHECK(f.decode_error(unhex("01 0B 00 02 02")).error == "at byte 5: the input ends inside a range's flags");
}

TEST_CASE("codec: unknown tags, bad numbers and trailing bytes", "[codec]") {
    Fixture f;
    CHECK(f.decode_error(unhex("01 0D")).error == "at byte 1: unknown tag 0x0D");
    CHECK(f.decode_error(unhex("01 09 02 00 FF")).error == "at byte 4: unknown tag 0xFF");
    CHECK(f.decode_error(unhex("01 00 00")).error == "at byte 2: 1 more byte after the end of the value");
    CHECK(f.decode_error(unhex("01 03 80 00")).error ==
          "at byte 2: an int is not in its shortest form (it ends in a zero byte)");
    CHECK(f.decode_error(unhex("01 05 80 00")).error ==
          "at byte 2: a string's length is not in its shortest form (it ends in a zero byte)");
    CHECK(f.decode_error(unhex("01 03 FF FF FF FF FF FF FF FF FF 02")).error ==
          "at byte 2: an int does not fit in 64 bits");
    CHECK(f.decode_error(unhex("01 03 FF FF FF FF FF FF FF FF FF FF 01")).error ==
          "at byte 2: an int does not fit in 64 bits");
}

TEST_CASE("codec: huge counts are refused before anything is allocated", "[codec]") {
    Fixture f;
    f.heap.max_bytes = 1 << 20;  // an allocation for a lying count would throw
    CHECK(f.decode_error(unhex("01 09 FF FF FF FF 0F")).error ==
          "at byte 2: an array of 4294967295 items, but nothing remains");
    CHECK(f.decode_error(unhex("01 08 FF FF FF FF FF FF FF FF FF 01 00")).error ==
          "at byte 2: a tuple of 18446744073709551615 items, but only 1 byte remains");
    CHECK(f.decode_error(unhex("01 07 FF FF FF FF 0F 00")).error ==
          "at byte 2: a bytes value of 4294967295 bytes, but only 1 byte remains");
    CHECK(f.decode_error(unhex("01 0A 02 00 00 00")).error == "at byte 2: a map of 2 entries, but only 3 bytes remain");
}

TEST_CASE("codec: a depth bomb stops at the limit", "[codec]") {
    Fixture f;
    std::string bomb = "\x01";
    for (int i = 0; i < 100000; i++) bomb += "\x09\x01";
    bomb += '\x00';
    codec::DecodeResult r = f.decode_error(bomb);
    CHECK(r.error == "at byte 513: an array nested deeper than the limit of 256 levels");
    // Exactly at the limit it decodes.
    std::string deepest = "\x01";
    for (int i = 0; i < 256; i++) deepest += "\x08\x01";
    deepest += '\x00';
    Value v = f.decode(deepest);
    CHECK(f.encode(v) == deepest);
}

TEST_CASE("codec: maps refuse unhashable and repeated keys", "[codec]") {
    Fixture f;
    CHECK(f.decode_error(unhex("01 0A 01 09 00 00")).error ==
          "at byte 3: a map key that cannot be a key: a value of type array is mutable and cannot be a map key; use a tuple");
    CHECK(f.decode_error(unhex("01 0A 01 08 01 07 00 00")).error.find("a value of type bytes is mutable") !=
          std::string::npos);
    CHECK(f.decode_error(unhex("01 0A 02 03 02 00 03 02 01")).error == "at byte 6: a map that repeats a key");
    // 1 and 1.0 are one key.
    CHECK(f.decode_error(unhex("01 0A 02 03 02 00 04 3F F0 00 00 00 00 00 00 01")).error ==
          "at byte 6: a map that repeats a key");
}

TEST_CASE("codec: ranges, symbols with what the VM could not have made are refused", "[codec]") {
    Fixture f;
    CHECK(f.decode_error(unhex("01 0B 00 14 00 02")).error == "at byte 1: a range with step 0");
    CHECK(f.decode_error(unhex("01 0B 00 14 02 04")).error == "at byte 1: a range with unknown flags 4");
    CHECK(f.decode_error(unhex("01 0B 00 14 04 00")).error ==
          "at byte 1: a range whose step is not 1 but not marked as written");
    CHECK(f.decode_error(unhex("01 06 01 C3")).error == "at byte 1: a symbol whose name is not valid UTF-8");
    CHECK(f.decode_error(unhex("01 06 02 C0 80")).error == "at byte 1: a symbol whose name is not valid UTF-8");
    CHECK(f.decode_error(unhex("01 06 03 ED A0 80")).error == "at byte 1: a symbol whose name is not valid UTF-8");
}

TEST_CASE("codec: what decodes re-encodes to the same bytes", "[codec]") {
    // The encoding is canonical: one value, one byte string. Every accepted input
    // is the encoder's own output, so a decoder cannot be told two stories.
    Fixture f;
    std::vector<std::string> inputs = {f.encode(everything(f)), unhex("01 0A 02 06 01 61 03 02 05 01 62 08 00"),
                                       unhex("01 0B 01 01 01 03"), unhex("01 04 7F F8 00 00 00 00 00 00")};
    for (const std::string& bytes : inputs) CHECK(f.encode(f.decode(bytes)) == bytes);
}

TEST_CASE("codec: running out of heap while decoding leaves the heap sound", "[codec]") {
    Fixture f;
    Value v = f.array({});
    for (int i = 0; i < 2000; i++) array_push(f.heap, as_array(v), f.str("a string of some length " + std::to_string(i)));
    std::string bytes = f.encode(v);
    f.heap.stress = false;
    f.heap.collect();
    f.heap.max_bytes = f.heap.bytes_in_use() + 20000;
    size_t roots = f.heap.temp_roots.size();
    CHECK_THROWS_AS(codec::decode(f.heap, bytes), OutOfMemory);
    CHECK(f.heap.temp_roots.size() == roots);
    f.heap.max_bytes = 0;
    f.heap.stress = true;
    CHECK(same(f.decode(bytes), v));
}

TEST_CASE("codec: corrupted encodings fail cleanly or decode to their own encoding", "[codec]") {
    // Random byte changes, insertions and deletions of a valid encoding: each
    // result is either refused with an offset inside the input, or is canonical
    // (it re-encodes to exactly the input).
    Fixture f;
    f.heap.stress = false;  // thousands of decodings; the stress runs are above
    const std::string valid = f.encode(everything(f));
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    auto next = [&] {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return seed;
    };
    int refused = 0, accepted = 0;
    for (int round = 0; round < 5000; round++) {
        std::string bytes = valid;
        int changes = 1 + static_cast<int>(next() % 3);
        for (int c = 0; c < changes && !bytes.empty(); c++) {
            size_t at = next() % bytes.size();
            switch (next() % 3) {
                case 0: bytes[at] = static_cast<char>(next()); break;
                case 1: bytes.insert(at, 1, static_cast<char>(next())); break;
                default: bytes.erase(at, 1); break;
            }
        }
        size_t roots = f.heap.temp_roots.size();
        codec::DecodeResult r = codec::decode(f.heap, bytes);
        REQUIRE(f.heap.temp_roots.size() == roots);
        if (!r.ok) {
            refused++;
            CHECK(r.offset <= bytes.size());
            continue;
        }
        accepted++;
        TempRoot keep(f.heap, r.value);
        std::string again;
        REQUIRE(codec::encode(r.value, again).ok);
        CHECK(hex(again) == hex(bytes));
    }
    CHECK(refused > 0);
    CHECK(accepted > 0);
}
