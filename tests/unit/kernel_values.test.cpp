// tests/unit/kernel_values.test.cpp — unit tests of kernel-bridge/kernel_values.{h,cpp}
// (the kernel's heap-less writer and reader of the portable value encoding) and
// of the kernel servers' replies (kernel-bridge/kernel_servers.{h,cpp}).
//
// What the kernel writes must be, byte for byte, what the VM's encoder
// (vm/encoding/value_codec.h) writes for the same value, and decode to it; a
// request is recognised only when it is :list or {op: :list}, and no input —
// truncated, nested deep, trailing bytes, another version — makes the reader do
// more than say "no operation".
#include "kernel-bridge/kernel_values.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <string>

#include "kernel-bridge/entity.h"
#include "kernel-bridge/kernel_servers.h"
#include "vm/encoding/value_codec.h"
#include "vm/gc/heap.h"
#include "vm/interp/access.h"
#include "vm/object/map.h"
#include "vm/team.h"
#include "vm/value_ops.h"
#include "tests/unit/value_builder.h"

using namespace vb;
using kernel::ValueWriter;

namespace {

// The value builders, and a map's field.
struct Fixture : test::ValueBuilder {
    Value field(Value map, std::string_view key) {
        const MapEntry* e = map_find(as_map(map), make_symbol(heap.intern(key)));
        REQUIRE(e != nullptr);
        return e->value;
    }
};

// The kernel's bytes for one value written by `write`.
std::string kernel_bytes(const std::function<void(ValueWriter&)>& write) {
    std::string out;
    ValueWriter w(out);
    write(w);
    return out;
}

std::string request(const std::function<void(ValueWriter&)>& write) { return kernel_bytes(write); }

}  // namespace

TEST_CASE("kernel values: the version byte is the VM's", "[kernel_values]") {
    CHECK(kernel::kValueEncodingVersion == codec::kVersion);
}

TEST_CASE("kernel values: scalars are the VM encoder's bytes", "[kernel_values]") {
    Fixture f;
    CHECK(kernel_bytes([](ValueWriter& w) { w.nil(); }) == f.encode(Value::nil()));
    CHECK(kernel_bytes([](ValueWriter& w) { w.boolean(true); }) == f.encode(Value::boolean(true)));
    CHECK(kernel_bytes([](ValueWriter& w) { w.boolean(false); }) == f.encode(Value::boolean(false)));
    for (int64_t n : {int64_t{0}, int64_t{-1}, int64_t{63}, int64_t{-65}, int64_t{300}, INT64_MAX, INT64_MIN})
        CHECK(kernel_bytes([n](ValueWriter& w) { w.integer(n); }) == f.encode(Value::integer(n)));
    for (double d : {0.0, -0.0, 1.5, 1.7e9, 5e-324, std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::quiet_NaN(), -std::numeric_limits<double>::quiet_NaN()})
        CHECK(kernel_bytes([d](ValueWriter& w) { w.real(d); }) == f.encode(Value::number(d)));
    for (std::string_view s : {std::string_view(""), std::string_view("hé"), std::string_view("/a/b/echo_server.vb")})
        CHECK(kernel_bytes([s](ValueWriter& w) { w.string(s); }) == f.encode(f.str(s)));
    std::string long_text(300, 'x');  // a two-byte count
    CHECK(kernel_bytes([&](ValueWriter& w) { w.string(long_text); }) == f.encode(f.str(long_text)));
    CHECK(kernel_bytes([](ValueWriter& w) { w.symbol("monotonic_ns"); }) == f.encode(f.sym("monotonic_ns")));
    uint64_t pid = kernel::make_process_id(0x12345678, 17);
    CHECK(kernel_bytes([pid](ValueWriter& w) { w.pid(pid); }) == f.encode(Value::pid(pid)));
    uint64_t group = kernel::well_known_group("echo");
    CHECK(kernel_bytes([group](ValueWriter& w) { w.pid(group); }) == f.encode(Value::pid(group)));
}

TEST_CASE("kernel values: containers are the VM encoder's bytes and decode to the same value", "[kernel_values]") {
    Fixture f;
    Value built = f.array({f.map({{f.sym("a"), Value::integer(1)}, {f.sym("b"), f.array({})}}),
                           f.map({}), f.array({Value::nil(), f.str("x")})});
    std::string ours = kernel_bytes([](ValueWriter& w) {
        w.array(3);
        w.map(2);
        w.symbol("a");
        w.integer(1);
        w.symbol("b");
        w.array(0);
        w.map(0);
        w.array(2);
        w.nil();
        w.string("x");
    });
    CHECK(ours == f.encode(built));
    CHECK(values_equal(f.decode(ours), built));
    std::string many = kernel_bytes([](ValueWriter& w) {  // a count past one byte
        w.array(200);
        for (int i = 0; i < 200; i++) w.integer(i);
    });
    Value decoded = f.decode(many);
    REQUIRE(decoded.is(Tag::Array));
    CHECK(as_array(decoded)->length == 200);
    CHECK(as_array(decoded)->items[199].i == 199);
}

TEST_CASE("kernel servers: the time server's reply", "[kernel_values]") {
    Fixture f;
    std::string ours = kernel::time_reply(1.7e9 + 0.25, 123456789, "node-a");
    Value built = f.map({{f.sym("unix"), Value::number(1.7e9 + 0.25)},
                         {f.sym("monotonic_ns"), Value::integer(123456789)},
                         {f.sym("node"), f.str("node-a")}});
    CHECK(ours == f.encode(built));
    Value reply = f.decode(ours);
    CHECK(f.field(reply, "unix").is_float());
    CHECK(f.field(reply, "monotonic_ns").i == 123456789);
    CHECK(as_string(f.field(reply, "node"))->view() == "node-a");
}

TEST_CASE("kernel servers: the process server's list", "[kernel_values]") {
    Fixture f;
    uint64_t p1 = kernel::make_process_id(7, 16), p2 = kernel::make_process_id(7, 40);
    uint64_t g = kernel::well_known_group("echo");
    std::string ours = kernel::process_list_reply({{p1, "servers/echo.vb", {g}}, {p2, "", {}}});
    Value built = f.array({
        f.map({{f.sym("pid"), Value::pid(p1)}, {f.sym("team"), f.str("servers/echo.vb")},
               {f.sym("groups"), f.array({Value::pid(g)})}}),
        f.map({{f.sym("pid"), Value::pid(p2)}, {f.sym("team"), f.str("")}, {f.sym("groups"), f.array({})}}),
    });
    CHECK(ours == f.encode(built));
    Value list = f.decode(ours);
    REQUIRE(as_array(list)->length == 2);
    CHECK(f.field(as_array(list)->items[0], "pid").bits == p1);
    CHECK(kernel::process_list_reply({}) == f.encode(f.array({})));
}

TEST_CASE("kernel servers: a request not understood gets an error map", "[kernel_values]") {
    Fixture f;
    Value reply = f.decode(kernel::process_not_understood_reply());
    REQUIRE(reply.is(Tag::Map));
    CHECK(f.field(reply, "error").is(Tag::String));
    CHECK(as_string(f.field(reply, "error"))->view().find(":list") != std::string_view::npos);
    CHECK(values_equal(f.field(reply, "understood"), f.array({f.sym("list")})));
}

TEST_CASE("kernel values: requests are recognised as :list or {op: :list}", "[kernel_values]") {
    Fixture f;
    CHECK(kernel::request_operation(f.encode(f.sym("list"))) == "list");
    CHECK(kernel::is_list_request(f.encode(f.sym("list"))));
    CHECK(kernel::is_list_request(f.encode(f.map({{f.sym("op"), f.sym("list")}}))));
    // Other entries, of any kind and before or after :op, are stepped over.
    Value busy = f.map({{f.str("x"), f.array({Value::integer(1), f.map({{Value::integer(2), Value::number(2.5)}})})},
                        {f.sym("op"), f.sym("list")},
                        {f.sym("since"), Value::pid(kernel::make_process_id(1, 20))}});
    CHECK(kernel::is_list_request(f.encode(busy)));
    CHECK(kernel::request_operation(f.encode(f.sym("kill"))) == "kill");
    CHECK_FALSE(kernel::is_list_request(f.encode(f.sym("kill"))));
    CHECK_FALSE(kernel::is_list_request(f.encode(f.str("list"))));
    CHECK_FALSE(kernel::is_list_request(f.encode(f.map({{f.sym("op"), f.str("list")}}))));
    CHECK_FALSE(kernel::is_list_request(f.encode(f.map({{f.str("op"), f.sym("list")}}))));
    CHECK_FALSE(kernel::is_list_request(f.encode(f.array({f.sym("list")}))));
    CHECK_FALSE(kernel::is_list_request(f.encode(Value::nil())));
    CHECK(kernel::request_operation(f.encode(f.map({}))).empty());
}

TEST_CASE("kernel values: malformed requests are no request, never a crash", "[kernel_values]") {
    Fixture f;
    std::string good = f.encode(f.map({{f.sym("a"), f.array({f.str("text"), Value::number(1.0)})},
                                          {f.sym("op"), f.sym("list")}}));
    REQUIRE(kernel::is_list_request(good));
    for (size_t n = 0; n < good.size(); n++) CHECK(kernel::request_operation(good.substr(0, n)).empty());
    CHECK(kernel::request_operation(good + std::string(1, '\0')).empty());  // bytes after the value
    std::string other_version = good;
    other_version[0] = 2;
    CHECK(kernel::request_operation(other_version).empty());
    CHECK(kernel::request_operation("").empty());
    CHECK(kernel::request_operation(std::string("\x01\x0D", 2)).empty());  // an unknown tag
    // A map whose first value nests past the depth limit: refused, not recursed into.
    std::string deep = "\x01\x0A\x01\x06\x01x";
    for (int i = 0; i < 100000; i++) deep += "\x09\x01";
    deep += '\0';
    CHECK(kernel::request_operation(deep).empty());
    // A count the input cannot hold.
    CHECK(kernel::request_operation(std::string("\x01\x0A\xFF\xFF\xFF\xFF\x0F", 7)).empty());
}

TEST_CASE("kernel servers: their ids are reserved below the teams' numbers", "[kernel_values]") {
    kernel::KernelServer server;
    REQUIRE(kernel::kernel_server_named("time", &server));
    CHECK(server == kernel::KernelServer::Time);
    REQUIRE(kernel::kernel_server_named("process", &server));
    CHECK(server == kernel::KernelServer::Process);
    CHECK_FALSE(kernel::kernel_server_named("memory", &server));
    CHECK(kernel::is_reserved_local_id(static_cast<uint32_t>(kernel::KernelServer::Process)));
    CHECK_FALSE(kernel::is_reserved_local_id(kernel::kFirstFreeLocalId));
    CHECK(kernel::kernel_server_id(5, kernel::KernelServer::Time) == kernel::make_process_id(5, 1));
    CHECK(kernel::kernel_server_names() == ":time, :process");
}
