// tests/kernel/transport_peer.cpp — one end of the kernel transport, as a real
// process, for tests/kernel/transport_test.py and bench/: an echo server that
// counts how often each request executed, or a client that makes transactions
// and checks every response.
//
//   transport_peer serve --listen 127.0.0.1:0 --key HEX [--faults SPEC] [--work-ms N]
//       prints "listening HOST:PORT", serves until SIGTERM/SIGINT, then prints
//       "executions N distinct M" and the transport's counters.
//   transport_peer call --to HOST:PORT --key HEX [--count N] [--size BYTES]
//       [--concurrency K] [--faults SPEC] [--dead-ms N] [--first I]
//       prints "ok N" (exit 0), "dead after I" (exit 3), "timeout" (exit 4) or
//       "wrong response I" (exit 1), then the counters and the mean round trip.
//
// The response is the request reversed, so a response can only come from the
// request it answers.
#include <boost/asio.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "kernel-bridge/transport.h"

namespace asio = boost::asio;
using namespace vb::kernel;

namespace {

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "transport_peer: %s\n", why.c_str());
    std::exit(2);
}

Endpoint parse_endpoint(const std::string& text) {
    size_t colon = text.rfind(':');
    if (colon == std::string::npos) usage("'" + text + "' is not HOST:PORT");
    boost::system::error_code ec;
    auto address = asio::ip::make_address(text.substr(0, colon), ec);
    if (ec) usage("bad address in '" + text + "'");
    return Endpoint(address, static_cast<unsigned short>(std::atoi(text.substr(colon + 1).c_str())));
}

ClusterKey parse_key(const std::string& hex) {
    ClusterKey key{};
    if (hex.size() != 2 * key.size()) usage("--key needs 64 hex digits");
    for (size_t i = 0; i < key.size(); i++) key[i] = static_cast<uint8_t>(std::stoul(hex.substr(2 * i, 2), nullptr, 16));
    return key;
}

std::string reversed(std::string s) {
    std::reverse(s.begin(), s.end());
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) usage("usage: transport_peer serve|call ...");
    std::string mode = argv[1];
    std::map<std::string, std::string> flags;
    for (int i = 2; i < argc; i++) {
        if (std::strncmp(argv[i], "--", 2) != 0 || i + 1 >= argc) usage(std::string("bad argument '") + argv[i] + "'");
        flags[argv[i] + 2] = argv[i + 1];
        i++;
    }
    TransportOptions options;
    options.key = parse_key(flags["key"]);
    if (flags.count("faults")) {
        std::string error;
        if (!parse_faults(flags["faults"], &options.faults, &error)) usage(error);
    }
    if (flags.count("dead-ms")) options.dead_after = std::chrono::milliseconds(std::atoi(flags["dead-ms"].c_str()));
    asio::io_context io;

    if (mode == "serve") {
        options.node_id = 1;
        Transport transport(io, parse_endpoint(flags.count("listen") ? flags["listen"] : "127.0.0.1:0"), options);
        int work_ms = flags.count("work-ms") ? std::atoi(flags["work-ms"].c_str()) : 0;
        std::map<std::string, int> executions;
        uint64_t total = 0;
        transport.on_request([&](const RequestContext& context, std::string request) {
            executions[request.substr(0, 24)]++;
            total++;
            if (!work_ms) return transport.reply(context, reversed(std::move(request)));
            auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(work_ms));
            timer->async_wait([&, timer, context, request = std::move(request)](const boost::system::error_code&) {
                transport.reply(context, reversed(request));
            });
        });
        asio::signal_set signals(io, SIGTERM, SIGINT);
        signals.async_wait([&](const boost::system::error_code&, int) { io.stop(); });
        Endpoint local = transport.local_endpoint();
        std::printf("listening %s:%u\n", local.address().to_string().c_str(), local.port());
        std::fflush(stdout);
        io.run();
        std::printf("executions %llu distinct %zu\n%s\n", static_cast<unsigned long long>(total), executions.size(),
                    transport.stats().to_string().c_str());
        return 0;
    }
    if (mode != "call") usage("the mode is serve or call");

    options.node_id = 2;
    Transport transport(io, Endpoint(asio::ip::make_address("127.0.0.1"), 0), options);
    Endpoint server = parse_endpoint(flags["to"]);
    long count = flags.count("count") ? std::atol(flags["count"].c_str()) : 100;
    size_t size = flags.count("size") ? std::strtoul(flags["size"].c_str(), nullptr, 10) : 32;
    long concurrency = flags.count("concurrency") ? std::atol(flags["concurrency"].c_str()) : 1;
    long first = flags.count("first") ? std::atol(flags["first"].c_str()) : 0;
    long started = 0, finished = 0;
    int status = 0;
    std::string outcome;
    auto begin = std::chrono::steady_clock::now();
    std::function<void()> start_one = [&] {
        long index = first + started++;
        char id[32];
        std::snprintf(id, sizeof id, "request %015ld", index);  // 24 bytes: the server counts by it
        std::string request = id;
        if (request.size() < size) request.resize(size, static_cast<char>('a' + index % 26));
        transport.call(server, request, [&, index, request](CallStatus result, std::string response) {
            finished++;
            if (status) return;
            if (result == CallStatus::Dead) {
                status = 3;
                outcome = "dead after " + std::to_string(index);
            } else if (result == CallStatus::Timeout) {
                status = 4;
                outcome = "timeout";
            } else if (response != reversed(request)) {
                status = 1;
                outcome = "wrong response " + std::to_string(index);
            }
            if (status) return io.stop();
            if (started < count) start_one();
            else if (finished == count) io.stop();
        });
    };
    for (long i = 0; i < concurrency && started < count; i++) start_one();
    io.run();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    if (!status) outcome = "ok " + std::to_string(count);
    std::printf("%s\n%s\nmean round trip %.1f us, %.1f MB/s\n", outcome.c_str(), transport.stats().to_string().c_str(),
                seconds * 1e6 / std::max<long>(1, finished), (double(size) * finished) / seconds / 1e6);
    return status;
}
