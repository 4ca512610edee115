// kernel-bridge/kernel.h — the kernel of one node: the VM's teams above it,
// the transport below, and between them routing (which team or node holds a
// pid), membership (which nodes are in the cluster and alive) and groups.
//
// A small pool of threads (one per CPU the process may use) runs the transport,
// on a strand, and the node's teams, each on one thread at a time, taking turns:
// a team runs until nothing of it can run, then its thread goes back to the
// pool. What arrives for an idle team runs it on the thread that received it,
// and a team's sends and replies go out from its own thread, so that a round
// trip between nodes hands nothing over between threads. Teams call the kernel
// through the RemotePort methods and it answers them through Team::post.
// Kernels talk to each other with the operations of kernel_ops.def. The kernel
// itself answers the kernel servers' pids (kernel_servers.def), for sends from
// its teams and from other nodes alike.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kernel-bridge/entity.h"
#include "kernel-bridge/transport.h"
#include "vm/remote.h"

namespace vb::kernel {

// The operations kernels ask of each other (kernel_ops.def): the first byte of a
// kernel message.
enum class KernelOp : uint8_t {
#define KERNEL_OP(name, code, carrier, request, response, doc) name = code,
#include "kernel-bridge/kernel_ops.def"
#undef KERNEL_OP
};

// "HOST:PORT" with a numeric address, both ways.
bool parse_address(const std::string& text, Endpoint* out);
std::string address_text(const Endpoint& e);

struct KernelOptions {
    std::string name;                      // this node's name in the cluster
    Endpoint listen;                       // where its transport listens
    std::vector<Endpoint> join;            // members to join through (none: a new cluster)
    ClusterKey key{};
    std::chrono::milliseconds dead_after{1000};
    std::chrono::milliseconds heartbeat_every{200};
    FaultSettings faults;
    Endpoint multicast;    // the cluster's IP multicast group; port 0: none (fan-out)
    unsigned threads = 0;  // the pool's size; 0: as many as the CPUs the process may use
};

// A program another node asked this one to run (`vb run --on`).
struct RunRequest {
    uint64_t run = 0;
    std::vector<std::string> args;
    std::string image;  // .vbi file bytes, verified by whoever runs it
};

struct MemberInfo {
    uint32_t node = 0;
    std::string name;
    Endpoint address;
    bool self = false;
};

class Kernel : public RemotePort {
public:
    explicit Kernel(KernelOptions options);
    ~Kernel() override;

    // Starts the kernel's threads; then joins the cluster through options.join.
    // Returns false, with `error`, when no member answered.
    bool start(std::string* error);
    void stop();

    Endpoint endpoint() const { return m_endpoint; }
    std::vector<MemberInfo> members();
    TransportStats stats();

    // Set by the host before start(): starts a run (on one of the pool's threads,
    // with run_team) and calls `finish` with its exit status when it ends; stops one.
    std::function<void(RunRequest, std::function<void(int)> finish)> on_run;
    std::function<void(uint64_t run)> on_stop;
    // A run's output, delivered in order to whoever asked for the run.
    void send_output(uint64_t run, int stream, std::string_view text);

    // Runs `team`, whose main process has started (Team::start_main), on the
    // pool's threads until that process ends; then `done` gets the exit status,
    // on one of those threads, and the team is the caller's again. `name` (its
    // program's path) is what the process server lists its processes under.
    void run_team(Team& team, std::string name, std::function<void(int status)> done);

    // RemotePort
    uint32_t node_id() const override { return m_node; }
    std::string node_name() const override { return m_options.name; }
    uint32_t new_local_id() override { return m_next_local.fetch_add(1); }
    void attach(Team& team, uint64_t pid) override;
    void detach(uint64_t pid) override;
    void send(Team& team, uint64_t from, uint64_t to, std::string bytes) override;
    void reply(uint64_t token, RemoteStatus status, std::string bytes) override;
    void datagram(uint64_t from, uint64_t to, std::string bytes) override;
    void group_datagram(const Team& team, uint64_t from, uint64_t group, std::string bytes) override;
    void post_event(RemoteEvent event) override;
    void join(uint64_t group, uint64_t pid) override;
    void leave(uint64_t group, uint64_t pid) override;
    std::vector<uint64_t> remote_members(const Team& team, uint64_t group) override;

private:
    struct Member {
        std::string name;
        Endpoint address;
        Clock::time_point last_seen;
    };
    using Responder = std::function<void(RemoteStatus, std::string)>;
    struct Run {
        RequestContext asked;                            // answered with the exit status
        std::vector<std::pair<int, std::string>> queue;  // output not yet sent
        bool sending = false, client_gone = false, finished = false;
        int status = 0;
    };
    void pump(uint64_t run);

    // A team the pool runs. `scheduled`: a turn of it is queued or running, and
    // will look at its events again before the team counts as idle.
    struct Driven {
        Driven(Team& t, boost::asio::io_context& io, std::function<void(int)> d)
            : team(t), timer(io), done(std::move(d)) {}
        Team& team;
        boost::asio::steady_timer timer;  // the team's next timer, while it is idle
        std::function<void(int)> done;
        std::atomic<bool> scheduled{false};
    };
    void schedule(const std::shared_ptr<Driven>& driven);
    void take_turn(const std::shared_ptr<Driven>& driven);
    void end_team(const std::shared_ptr<Driven>& driven, int status);
    void register_team(Team& team, std::string name);
    void unregister_team(Team& team);

    // Appends to *reply the encoded reply of the kernel server `to` to `request`;
    // false when `to` is not one (then it is a process of a team, or of nobody).
    bool answer_kernel_server(uint64_t to, std::string_view request, std::string* reply);
    void on_request(const RequestContext& context, std::string request);
    void on_datagram(const Endpoint& from, uint32_t node, std::string message);
    std::string hello_message() const;
    void hello(const Endpoint& to, std::function<void(bool)> done);
    void learn(uint32_t node, const std::string& name, const std::string& address);
    void beat();
    void forget_node(uint32_t node);
    void tell_members(std::string message);
    void deliver_to_members(uint64_t group, uint64_t from, const Team* except, const std::string& message);
    void post_to_team(Team* team, RemoteEvent event);
    Team* team_of(uint64_t pid);
    uint64_t add_responder(Responder responder);

    KernelOptions m_options;
    uint32_t m_node;
    unsigned m_pool_size;
    boost::asio::io_context m_io;
    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;  // the transport's, and m_runs'
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> m_work;
    std::unique_ptr<Transport> m_transport;
    Endpoint m_endpoint;
    std::unique_ptr<boost::asio::steady_timer> m_heartbeat;
    std::vector<std::thread> m_threads;
    std::atomic<uint32_t> m_next_local{kFirstFreeLocalId};  // below it: the kernel servers

    std::mutex m_mutex;  // guards everything below
    std::map<Team*, std::string> m_teams;  // -> its name
    std::set<std::shared_ptr<Driven>> m_driven;
    std::unordered_map<uint64_t, Team*> m_local;      // pid -> team on this node
    std::map<uint32_t, Member> m_members;             // other nodes
    std::map<uint64_t, std::set<uint64_t>> m_groups;  // group -> members, cluster-wide
    std::unordered_map<uint64_t, Responder> m_responders;
    std::map<uint64_t, Run> m_runs;  // only on the strand
    uint64_t m_next_token = 1;
};

}  // namespace vb::kernel
