// servers/host/serve.cpp — `vb serve`, a node: the kernel (kernel-bridge/) and
// every program named on the command line as a team that the kernel's threads
// run; `vb run --on`, which runs a program on a node; `vb nodes`, which
// asks a node who is in the cluster; and `vb ps`, which asks every node's
// process server (a kernel server, kernel-bridge/kernel_servers.def) for its
// processes.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <sodium.h>

#include "kernel-bridge/kernel.h"
#include "servers/host/host.h"
#include "vm/encoding/value_codec.h"
#include "vm/encoding/wire.h"
#include "vm/object/map.h"

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
    node.run_team(*session->team, path, [session, ended](int status) mutable {
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
    // Named by its entry module, prefixed: the path is the client's, not ours.
    std::string name = "run " + opened.image.modules[opened.image.entry].name;
    node.run_team(*session->team, std::move(name), [session, id, finish](int status) mutable {
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

// How `vb nodes` and `vb ps` reach the cluster: a transport of their own, not a
// member (node id 0), one transaction at a time.
class NodeClient {
public:
    explicit NodeClient(const std::string& key_path)
        : m_transport(m_io, Endpoint(asio::ip::make_address("0.0.0.0"), 0), options(key_path)) {}

    // One transaction, run to its end; false when the node does not answer.
    bool call(const Endpoint& to, std::string request, std::string* response) {
        bool ok = false;
        m_transport.call(to, std::move(request), [&](kernel::CallStatus status, std::string answer) {
            m_io.stop();
            if (status != kernel::CallStatus::Ok) return;
            *response = std::move(answer);
            ok = true;
        });
        m_io.restart();
        m_io.run();
        return ok;
    }

    struct Member {
        uint32_t node = 0, teams = 0, processes = 0;
        std::string name, address;
    };
    // The cluster as the node at `to` knows it (kernel op Members): itself first.
    bool members(const Endpoint& to, std::vector<Member>* rows) {
        std::string response;
        if (!call(to, std::string(1, static_cast<char>(kernel::KernelOp::Members)), &response)) return false;
        wire::Reader r(response);
        uint64_t count;
        if (!r.count(&count, 12)) return false;
        for (uint64_t n = 0; n < count; n++) {
            Member row;
            if (!r.u32be(&row.node) || !r.text(&row.name) || !r.text(&row.address) || !r.u32be(&row.teams) ||
                !r.u32be(&row.processes))
                return false;
            rows->push_back(row);
        }
        return true;
    }

private:
    static kernel::TransportOptions options(const std::string& key_path) {
        kernel::TransportOptions options;
        options.key = key_or_exit(key_path, false);
        options.node_id = 0;
        return options;
    }
    asio::io_context m_io;
    kernel::Transport m_transport;
};

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
        else if (arg == "--threads") {
            int threads = std::atoi(value("a number of threads").c_str());
            if (threads < 1 || threads > 64) serve_usage("--threads needs a number from 1 to 64");
            node.threads = static_cast<unsigned>(threads);
        }
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

// For the commands that ask the cluster (`vb nodes`, `vb ps`): reads --node and
// --key and asks the node there who the members are (itself first). nullptr,
// with the reason on stderr, when it does not answer.
std::unique_ptr<NodeClient> contact_cluster(const char* command, int argc, char** argv, int i,
                                            std::vector<NodeClient::Member>* members) {
    std::string address = default_node(), key_path;
    for (; i < argc; i++) {
        std::string arg = argv[i];
        if (arg == "--node" && i + 1 < argc) address = argv[++i];
        else if (arg == "--key" && i + 1 < argc) key_path = argv[++i];
        else serve_usage(std::string("vb ") + command + " takes --node HOST:PORT and --key FILE");
    }
    Endpoint contact = endpoint_or_usage(address, "--node");
    auto client = std::make_unique<NodeClient>(key_path);
    if (client->members(contact, members)) return client;
    std::fprintf(stderr, "vb: no node answers at %s (is `vb serve` running there, with this cluster key?)\n",
                 address.c_str());
    return nullptr;
}

int command_nodes(int argc, char** argv, int i) {
    std::vector<NodeClient::Member> rows;
    std::unique_ptr<NodeClient> client = contact_cluster("nodes", argc, argv, i, &rows);
    if (!client) return 1;
    std::printf("%-16s %-22s %10s %6s %10s\n", "name", "address", "id", "teams", "processes");
    for (size_t n = 0; n < rows.size(); n++) {
        NodeClient::Member row = rows[n];
        if (n > 0) {
            // Each node reports its own load.
            std::vector<NodeClient::Member> own;
            Endpoint at;
            if (kernel::parse_address(row.address, &at) && client->members(at, &own) && !own.empty()) row = own.front();
        }
        std::printf("%-16s %-22s %10u %6u %10u\n", row.name.c_str(), row.address.c_str(), row.node, row.teams,
                    row.processes);
    }
    return 0;
}

int command_ps(int argc, char** argv, int i) {
    std::vector<NodeClient::Member> nodes;
    std::unique_ptr<NodeClient> client = contact_cluster("ps", argc, argv, i, &nodes);
    if (!client) return 1;
    // The replies are values: decoded, as a team would, into a heap of our own.
    Team team{TeamOptions{}};
    Heap& heap = team.heap;
    auto field = [&](Value map, const char* key) {
        const MapEntry* e = map_find(as_map(map), make_symbol(heap.intern(key)));
        return e ? e->value : Value::nil();
    };
    int status = 0;
    std::printf("%-16s %-24s %-30s %s\n", "node", "pid", "groups", "team");
    for (const NodeClient::Member& node : nodes) {
        // A Send to the node's process server, as any process would make it.
        std::string request(1, static_cast<char>(kernel::KernelOp::Send)), response;
        wire::Writer w(request);
        w.u64be(kernel::kernel_server_id(node.node, kernel::KernelServer::Process));
        w.u64be(0);  // from no process: the reply comes back in the transaction
        w.u8(codec::kVersion);
        w.tag(wire::ValueTag::Symbol);
        w.text("list");
        Endpoint at;
        std::string why;
        if (!kernel::parse_address(node.address, &at)) why = "its address '" + node.address + "' is not HOST:PORT";
        else if (!client->call(at, std::move(request), &response)) why = "it does not answer";
        else if (response.empty() || response[0] != 0)
            why = "it says: " + (response.empty() ? std::string("nothing") : response.substr(1));
        codec::DecodeResult list;
        if (why.empty()) {
            list = codec::decode(heap, std::string_view(response).substr(1));
            if (!list.ok) why = "its list does not decode: " + list.error;
            else if (!list.value.is(Tag::Array)) why = "its list is a " + std::string(type_name(list.value));
        }
        if (!why.empty()) {
            std::fprintf(stderr, "vb: node %s (%s): %s\n", node.name.c_str(), node.address.c_str(), why.c_str());
            status = 1;
            continue;
        }
        TempRoot keep(heap, list.value);
        ArrayObj* rows = as_array(list.value);
        for (uint32_t n = 0; n < rows->length; n++) {
            Value row = rows->items[n];
            if (!row.is(Tag::Map)) continue;
            Value pid = field(row, "pid"), name = field(row, "team"), groups = field(row, "groups");
            std::string group_list;
            if (groups.is(Tag::Array))
                for (uint32_t g = 0; g < as_array(groups)->length; g++)
                    if (as_array(groups)->items[g].is_pid())
                        group_list += (g ? " " : "") + kernel::format_entity(as_array(groups)->items[g].bits);
            // The team last: a path is as long as it is.
            std::printf("%-16s %-24s %-30s %s\n", node.name.c_str(),
                        pid.is_pid() ? kernel::format_entity(pid.bits).c_str() : "?", group_list.c_str(),
                        name.is(Tag::String) ? std::string(as_string(name)->view()).c_str() : "?");
        }
    }
    return status;
}

}  // namespace vb::host
