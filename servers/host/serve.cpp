// servers/host/serve.cpp — `vb serve`, a node: the kernel (kernel-bridge/) and
// every program named on the command line as a team that the kernel's threads
// run; `vb run --on`, which runs a program on a node; and `vb nodes`, which
// asks a node who is in the cluster.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <sodium.h>

#include "kernel-bridge/kernel.h"
#include "servers/host/host.h"
#include "vm/encoding/wire.h"

namespace vb::host {

namespace {

namespace asio = boost::asio;
using kernel::Endpoint;

[[noreturn]] void serve_usage(const std::string& message) {
    std::fprintf(stderr, "vb: %s (see vb --help)\n", message.c_str());
    std::exit(2);
}

Endpoint endpoint_or_usage(const std::string& text, const char* what) {
    Endpoint endpoint;
    if (!kernel::parse_address(text, &endpoint))
        serve_usage(std::string(what) + " needs HOST:PORT with a numeric address, not '" + text + "'");
    return endpoint;
}

// One program as a team of the node, on the node's threads; its exit is
// reported on stderr. Compiling and loading happen here, on the caller's thread.
void start_team(kernel::Kernel& node, TeamOptions options, const std::string& path) {
    options.port = &node;
    auto session = std::make_shared<Session>(start_session(options));
    std::string source;
    int status = 2;
    ModuleObj* entry = nullptr;
    if (!read_file(path, &source)) std::fprintf(stderr, "vb serve: cannot open '%s'\n", path.c_str());
    else entry = load_program(*session, path, source, nullptr, false, &status);
    auto ended = [path](int status) {
        std::fflush(stdout);
        std::fprintf(stderr, "vb serve: team %s ended with status %d\n", path.c_str(), status);
    };
    if (!entry || !session->team->start_main(entry)) return ended(entry ? 1 : status);
    node.run_team(*session->team, [session, ended](int status) mutable {
        ended(status);
        session.reset();
    });
}

// The runs this node does for others, by run id, so that Stop finds them.
std::mutex g_runs_mutex;
std::map<uint64_t, Team*> g_runs;

// A program another node sent (`vb run --on`): its output goes back there.
void run_for_client(kernel::Kernel& node, TeamOptions options, kernel::RunRequest request,
                    std::function<void(int)> finish) {
    uint64_t id = request.run;
    options.port = &node;
    options.args = request.args;
    options.output = [&node, id](int stream, std::string_view text) { node.send_output(id, stream, text); };
    auto session = std::make_shared<Session>(start_session(options));
    int status = 2;
    ModuleObj* entry = nullptr;
    OpenedImage opened = open_image(*session, request.image, nullptr);
    if (!opened.ok) node.send_output(id, 2, "vb: the image: " + opened.error + "\n");
    else entry = load_image(*session, opened.image, &status);
    if (!entry || !session->team->start_main(entry)) return finish(entry ? 1 : status);
    {
        std::lock_guard lock(g_runs_mutex);
        g_runs[id] = session->team.get();
    }
    node.run_team(*session->team, [session, id, finish](int status) mutable {
        {
            std::lock_guard lock(g_runs_mutex);
            g_runs.erase(id);
        }
        session.reset();
        finish(status);
    });
}

// The cluster key: from `path`, or (path empty) from ~/.vb/cluster.key, made with
// fresh random bytes the first time when `create`. The file holds 64 hex digits.
kernel::ClusterKey key_or_exit(const std::string& path, bool create) {
    kernel::ClusterKey key{};
    std::string file = path;
    if (file.empty()) {
        const char* home = std::getenv("HOME");
        std::string dir = std::string(home && *home ? home : ".") + "/.vb";
        file = dir + "/cluster.key";
        if (create) ::mkdir(dir.c_str(), 0700);
    }
    std::string text;
    if (read_file(file, &text)) {
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
        if (image::from_hex(text, key.data(), key.size())) return key;
        std::fprintf(stderr, "vb: %s does not hold a cluster key (64 hex digits)\n", file.c_str());
        std::exit(2);
    }
    if (!create || !path.empty()) {
        std::fprintf(stderr, "vb: cannot read the cluster key %s\n", file.c_str());
        std::exit(2);
    }
    randombytes_buf(key.data(), key.size());
    std::string error;
    if (!write_file_atomically(file, image::to_hex(key.data(), key.size()) + "\n", 0600, &error)) {
        std::fprintf(stderr, "vb: cannot write the cluster key %s: %s\n", file.c_str(), error.c_str());
        std::exit(2);
    }
    return key;
}

// The node a command talks to: --node, else VB_NODE, else where a plain
// `vb serve` listens.
std::string default_node() {
    const char* env = std::getenv("VB_NODE");
    return env && *env ? env : "127.0.0.1:7000";
}

}  // namespace

int command_serve(int argc, char** argv, int i, const TeamOptions& options) {
    kernel::KernelOptions node;
    std::string listen = "127.0.0.1:7000", key_path;
    std::vector<std::string> programs;
    for (; i < argc; i++) {
        std::string arg = argv[i];
        auto value = [&](const char* what) -> std::string {
            if (i + 1 >= argc) serve_usage(arg + " needs " + what);
            return argv[++i];
        };
        if (arg == "--listen") listen = value("HOST:PORT");
        else if (arg == "--join") node.join.push_back(endpoint_or_usage(value("HOST:PORT"), "--join"));
        else if (arg == "--name") node.name = value("a name");
        else if (arg == "--key") key_path = value("a key file");
        else if (arg == "--multicast") node.multicast = endpoint_or_usage(value("GROUP:PORT"), "--multicast");
        else if (arg == "--dead-ms") node.dead_after = std::chrono::milliseconds(std::atoi(value("milliseconds").c_str()));
        else if (arg == "--faults") {
            std::string error;
            if (!kernel::parse_faults(value("a fault list"), &node.faults, &error)) serve_usage("--faults: " + error);
        } else if (arg.size() > 1 && arg[0] == '-') serve_usage("unknown option '" + arg + "' for vb serve");
        else programs.push_back(arg);
    }
    if (node.dead_after.count() <= 0) serve_usage("--dead-ms needs a positive number of milliseconds");
    node.listen = endpoint_or_usage(listen, "--listen");
    node.key = key_or_exit(key_path, key_path.empty());
    if (node.name.empty()) node.name = "node-" + std::to_string(node.listen.port());

    // Messages of a MiB or more pass through fresh buffers at each step (packets,
    // reassembly, decoding); glibc would map and unmap each, and the page faults
    // would cost more than the copies. Kept in the heap, freed memory is reused.
    // (32 MiB is the largest threshold glibc accepts.)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);

    // Signals go to the thread that waits for them, not to the teams.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    kernel::Kernel kernel(node);
    kernel.on_run = [&kernel, options](kernel::RunRequest request, std::function<void(int)> finish) {
        run_for_client(kernel, options, std::move(request), std::move(finish));
    };
    kernel.on_stop = [](uint64_t run) {
        std::lock_guard lock(g_runs_mutex);
        auto found = g_runs.find(run);
        if (found != g_runs.end()) found->second->request_stop(130);
    };
    std::string error;
    if (!kernel.start(&error)) {
        std::fprintf(stderr, "vb serve: %s\n", error.c_str());
        return 2;
    }
    kernel::Endpoint at = kernel.endpoint();
    std::fprintf(stderr, "vb serve: node %s (id %u) listening on %s:%u, %zu nodes in the cluster\n", node.name.c_str(),
                 kernel.node_id(), at.address().to_string().c_str(), at.port(), kernel.members().size());
    std::fflush(stderr);
    for (const std::string& program : programs) start_team(kernel, options, program);

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    std::fflush(stdout);
    std::fprintf(stderr, "vb serve: node %s stopping; transport: %s\n", node.name.c_str(),
                 kernel.stats().to_string().c_str());
    std::fflush(stderr);
    // The teams' threads end with the process: nothing of theirs outlives it.
    std::_Exit(0);
}

int command_run(int argc, char** argv, int i, const TeamOptions& options) {
    std::string address = default_node(), key_path, path;
    std::vector<std::string> args;
    for (; i < argc; i++) {
        std::string arg = argv[i];
        if (path.empty() && arg == "--on" && i + 1 < argc) address = argv[++i];
        else if (path.empty() && arg == "--key" && i + 1 < argc) key_path = argv[++i];
        else if (path.empty() && arg.size() > 1 && arg[0] == '-') serve_usage("unknown option '" + arg + "' for vb run");
        else if (path.empty()) path = arg;
        else args.push_back(arg);
    }
    if (path.empty()) serve_usage("usage: vb run [--on HOST:PORT] FILE.vb|FILE.vbi [args...]");
    std::string bytes;
    if (!read_file(path, &bytes)) {
        std::fprintf(stderr, "vb: cannot open '%s'\n", path.c_str());
        return 2;
    }
    if (!image::is_image_file(bytes)) {
        // Compiled here, run there: the node gets the image, never the source.
        Session session = start_session(options);
        std::string source = std::move(bytes);
        if (!compile_image_file(session, path, source, &bytes)) return 1;
    }

    kernel::TransportOptions transport_options;
    transport_options.key = key_or_exit(key_path, false);
    randombytes_buf(&transport_options.node_id, sizeof transport_options.node_id);
    asio::io_context io;
    kernel::Transport transport(io, Endpoint(asio::ip::make_address("0.0.0.0"), 0), transport_options);
    uint64_t run;
    randombytes_buf(&run, sizeof run);
    Endpoint node = endpoint_or_usage(address, "--on");
    transport.on_request([&](const kernel::RequestContext& context, std::string message) {
        wire::Reader r(message);
        uint8_t op, stream;
        uint64_t id;
        if (r.u8(&op) && op == static_cast<uint8_t>(kernel::KernelOp::Output) && r.u64be(&id) && id == run && r.u8(&stream)) {
            std::string_view text;
            r.raw(r.remaining(), &text);
            std::fwrite(text.data(), 1, text.size(), stream == 2 ? stderr : stdout);
            std::fflush(stream == 2 ? stderr : stdout);
        }
        transport.reply(context, "");
    });
    std::string request(1, static_cast<char>(kernel::KernelOp::Run));
    wire::Writer w(request);
    w.u64be(run);
    w.u32be(static_cast<uint32_t>(args.size()));
    for (const std::string& a : args) w.text(a);
    request += bytes;
    int status = 1;
    transport.call(node, std::move(request), [&](kernel::CallStatus result, std::string response) {
        wire::Reader r(response);
        uint32_t code;
        if (result == kernel::CallStatus::Ok && r.u32be(&code)) status = static_cast<int>(code);
        else std::fprintf(stderr, "vb: node %s does not answer (is `vb serve` running there, with this key?)\n",
                          address.c_str());
        io.stop();
    });
    // Ctrl-C stops the program there; a second one gives up here.
    asio::signal_set signals(io, SIGINT, SIGTERM);
    int interrupts = 0;
    std::function<void(const boost::system::error_code&, int)> on_signal = [&](const boost::system::error_code& ec, int) {
        if (ec) return;
        if (++interrupts > 1) std::_Exit(130);
        std::string stop(1, static_cast<char>(kernel::KernelOp::Stop));
        wire::Writer s(stop);
        s.u64be(run);
        transport.call(node, std::move(stop), [](kernel::CallStatus, std::string) {});
        signals.async_wait(on_signal);
    };
    signals.async_wait(on_signal);
    io.run();
    std::fflush(stdout);
    return status;
}

int command_nodes(int argc, char** argv, int i) {
    std::string address = default_node(), key_path;
    for (; i < argc; i++) {
        std::string arg = argv[i];
        if (arg == "--node" && i + 1 < argc) address = argv[++i];
        else if (arg == "--key" && i + 1 < argc) key_path = argv[++i];
        else serve_usage("vb nodes takes --node HOST:PORT and --key FILE");
    }
    kernel::TransportOptions options;
    options.key = key_or_exit(key_path, false);
    options.node_id = 0;
    asio::io_context io;
    kernel::Transport transport(io, Endpoint(asio::ip::make_address("0.0.0.0"), 0), options);
    Endpoint contact = endpoint_or_usage(address, "--node");
    struct Row {
        uint32_t node = 0, teams = 0, processes = 0;
        std::string name, address;
    };
    auto ask = [&](const Endpoint& to, std::vector<Row>* rows) {
        bool ok = false;
        transport.call(to, std::string(1, static_cast<char>(kernel::KernelOp::Members)), [&](kernel::CallStatus status, std::string response) {
            io.stop();
            if (status != kernel::CallStatus::Ok) return;
            wire::Reader r(response);
            uint64_t count;
            if (!r.count(&count, 12)) return;
            for (uint64_t n = 0; n < count; n++) {
                Row row;
                if (!r.u32be(&row.node) || !r.text(&row.name) || !r.text(&row.address) || !r.u32be(&row.teams) ||
                    !r.u32be(&row.processes))
                    return;
                rows->push_back(row);
            }
            ok = true;
        });
        io.restart();
        io.run();
        return ok;
    };
    std::vector<Row> rows;
    if (!ask(contact, &rows)) {
        std::fprintf(stderr, "vb: no node answers at %s (is `vb serve` running there, with this cluster key?)\n",
                     address.c_str());
        return 1;
    }
    std::printf("%-16s %-22s %10s %6s %10s\n", "name", "address", "id", "teams", "processes");
    for (size_t n = 0; n < rows.size(); n++) {
        Row row = rows[n];
        if (n > 0) {
            // Each node reports its own load.
            std::vector<Row> own;
            Endpoint at;
            if (kernel::parse_address(row.address, &at) && ask(at, &own) && !own.empty()) row = own.front();
        }
        std::printf("%-16s %-22s %10u %6u %10u\n", row.name.c_str(), row.address.c_str(), row.node, row.teams,
                    row.processes);
    }
    return 0;
}

}  // namespace vb::host
