// kernel-bridge/kernel.cpp — one node's kernel (see kernel.h): routing of
// sends between teams and nodes, membership with heartbeats, groups, and the
// kernel operations of kernel_ops.def on the transport, and the kernel servers'
// pids (their replies are kernel_servers.cpp).
#include "kernel-bridge/kernel.h"

#include <sched.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <future>

#include "kernel-bridge/entity.h"
#include "kernel-bridge/kernel_servers.h"
#include "vm/encoding/wire.h"
#include "vm/team.h"

namespace vb::kernel {

namespace asio = boost::asio;

namespace {

using Op = KernelOp;

constexpr uint8_t kStatusOk = 0;
constexpr uint8_t kStatusDead = 1;

std::string op_message(Op op) { return std::string(1, static_cast<char>(op)); }

// Send and Datagram messages are op, u64 to, u64 from, value: the header fills
// the room a team leaves before the encoded value (vm/remote.h).
static_assert(1 + 8 + 8 == kMessageHeadroom);
void write_message_header(std::string& message, Op op, uint64_t to, uint64_t from) {
    message[0] = static_cast<char>(op);
    for (int i = 0; i < 8; i++) {
        message[1 + i] = static_cast<char>(to >> (56 - 8 * i));
        message[9 + i] = static_cast<char>(from >> (56 - 8 * i));
    }
}

// A team's turn on a pool thread, in time slices, when others wait for one.
constexpr unsigned kSlicesPerTurn = 16;

// The CPUs this process may run on (taskset narrows them), at most 8.
unsigned pool_size(unsigned asked) {
    if (asked) return asked;
    cpu_set_t set;
    unsigned cpus = sched_getaffinity(0, sizeof set, &set) == 0 ? static_cast<unsigned>(CPU_COUNT(&set))
                                                                : std::thread::hardware_concurrency();
    return std::clamp(cpus, 1u, 8u);
}

}  // namespace

std::string address_text(const Endpoint& e) { return e.address().to_string() + ":" + std::to_string(e.port()); }

bool parse_address(const std::string& text, Endpoint* out) {
    size_t colon = text.rfind(':');
    if (colon == std::string::npos) return false;
    boost::system::error_code ec;
    auto address = asio::ip::make_address(text.substr(0, colon), ec);
    char* end = nullptr;
    long port = std::strtol(text.c_str() + colon + 1, &end, 10);
    if (ec || *end || colon + 1 == text.size() || port < 0 || port > 65535) return false;
    *out = Endpoint(address, static_cast<unsigned short>(port));
    return true;
}

Kernel::Kernel(KernelOptions options)
    : m_options(std::move(options)),
      m_pool_size(pool_size(m_options.threads)),
      // A hint of 1 lets Asio skip its locks when the pool has one thread.
      m_io(static_cast<int>(m_pool_size)),
      m_strand(asio::make_strand(m_io)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    do {
        randombytes_buf(&m_node, sizeof m_node);
        m_node &= 0x7fffffffu;
    } while (m_node == 0 || m_node == kWellKnownNode);
}

Kernel::~Kernel() { stop(); }

bool Kernel::start(std::string* error) {
    TransportOptions transport;
    transport.node_id = m_node;
    transport.key = m_options.key;
    transport.dead_after = m_options.dead_after;
    transport.faults = m_options.faults;
    transport.multicast = m_options.multicast;
    try {
        m_transport = std::make_unique<Transport>(m_strand, m_options.listen, transport);
    } catch (const std::exception& e) {
        *error = "cannot listen on " + address_text(m_options.listen) + ": " + e.what();
        return false;
    }
    m_endpoint = m_transport->local_endpoint();
    m_transport->on_request([this](const RequestContext& c, std::string r) { on_request(c, std::move(r)); });
    m_transport->on_datagram([this](const Endpoint& from, uint32_t node, std::string m) {
        on_datagram(from, node, std::move(m));
    });
    m_heartbeat = std::make_unique<asio::steady_timer>(m_strand);
    m_work.emplace(asio::make_work_guard(m_io));
    for (unsigned n = 0; n < m_pool_size; n++) m_threads.emplace_back([this] { m_io.run(); });
    asio::post(m_strand, [this] { beat(); });

    if (m_options.join.empty()) return true;
    // Join through the first contact that answers.
    for (const Endpoint& contact : m_options.join) {
        std::promise<bool> answered;
        auto result = answered.get_future();
        asio::post(m_strand, [&] { hello(contact, [&](bool ok) { answered.set_value(ok); }); });
        if (result.get()) return true;
    }
    *error = "no member of the cluster answered at " + address_text(m_options.join.front()) +
             " (is a node running there, with the same cluster key?)";
    return false;
}

void Kernel::stop() {
    if (m_threads.empty()) return;
    asio::post(m_strand, [this] {
        if (m_heartbeat) m_heartbeat->cancel();
        m_transport.reset();
        m_work.reset();
        m_io.stop();  // teams still running stay where they are
    });
    for (std::thread& t : m_threads) t.join();
    m_threads.clear();
}

std::vector<MemberInfo> Kernel::members() {
    std::lock_guard lock(m_mutex);
    std::vector<MemberInfo> out;
    out.push_back(MemberInfo{m_node, m_options.name, m_endpoint, true});
    for (auto& [node, m] : m_members) out.push_back(MemberInfo{node, m.name, m.address, false});
    return out;
}

TransportStats Kernel::stats() {
    std::promise<TransportStats> result;
    auto future = result.get_future();
    asio::post(m_strand, [&] { result.set_value(m_transport ? m_transport->stats() : TransportStats{}); });
    return future.get();
}

// ---- teams ---------------------------------------------------------------------

void Kernel::run_team(Team& team, std::string name, std::function<void(int)> done) {
    auto driven = std::make_shared<Driven>(team, m_io, std::move(done));
    {
        std::lock_guard lock(m_mutex);
        m_driven.insert(driven);
    }
    register_team(team, std::move(name));
    std::weak_ptr<Driven> weak = driven;
    team.on_ready([this, weak] {
        if (auto d = weak.lock()) schedule(d);
    });
    schedule(driven);
}

void Kernel::schedule(const std::shared_ptr<Driven>& driven) {
    if (driven->scheduled.exchange(true)) return;
    // Deferred, the turn runs on this thread once it is free (when this is one
    // of the pool's): what woke the team needs no other thread woken.
    asio::defer(m_io, [this, driven] { take_turn(driven); });
}

void Kernel::take_turn(const std::shared_ptr<Driven>& driven) {
    Team& team = driven->team;
    int64_t wake_at_ns = 0;
    Team::Step step;
    int status = 0;
    try {
        step = team.run_some(&wake_at_ns, kSlicesPerTurn);
        if (step == Team::Step::Done) status = team.end_main();
    } catch (ExitProgram& exit) {
        step = Team::Step::Done;
        status = exit.code;
    } catch (std::exception& e) {
        std::fflush(stdout);
        team.write_output(2, std::string("vb: internal error in a team: ") + e.what() + "\n");
        step = Team::Step::Done;
        status = 70;
    }
    switch (step) {
        case Team::Step::Done: return end_team(driven, status);
        case Team::Step::Yield:
            // Posted, not deferred: behind every other team's turn.
            asio::post(m_io, [this, driven] { take_turn(driven); });
            return;
        case Team::Step::Idle:
            driven->scheduled.store(false);
            // An event posted while the turn ended found it still scheduled.
            if (team.has_events()) return schedule(driven);
            if (wake_at_ns) {
                driven->timer.expires_at(Clock::time_point(std::chrono::nanoseconds(wake_at_ns)));
                driven->timer.async_wait([this, driven](const boost::system::error_code& ec) {
                    if (!ec) schedule(driven);
                });
            }
            return;
    }
}

void Kernel::end_team(const std::shared_ptr<Driven>& driven, int status) {
    unregister_team(driven->team);
    {
        std::lock_guard lock(m_mutex);
        m_driven.erase(driven);
    }
    driven->timer.cancel();
    auto done = std::move(driven->done);
    done(status);
}

void Kernel::register_team(Team& team, std::string name) {
    std::lock_guard lock(m_mutex);
    m_teams[&team] = std::move(name);
}

void Kernel::unregister_team(Team& team) {
    std::vector<std::pair<uint64_t, uint64_t>> left;
    {
        std::lock_guard lock(m_mutex);
        m_teams.erase(&team);
        for (auto it = m_local.begin(); it != m_local.end();)
            it = it->second == &team ? m_local.erase(it) : std::next(it);
        for (auto& [group, members] : m_groups)
            for (uint64_t pid : members)
                if (node_of(pid) == m_node && !m_local.count(pid)) left.emplace_back(group, pid);
    }
    for (auto [group, pid] : left) leave(group, pid);
}

void Kernel::attach(Team& team, uint64_t pid) {
    std::lock_guard lock(m_mutex);
    m_local[pid] = &team;
}

void Kernel::detach(uint64_t pid) {
    std::vector<uint64_t> groups;
    {
        std::lock_guard lock(m_mutex);
        m_local.erase(pid);
        for (auto& [group, members] : m_groups)
            if (members.count(pid)) groups.push_back(group);
    }
    for (uint64_t group : groups) leave(group, pid);
}

Team* Kernel::team_of(uint64_t pid) {
    auto found = m_local.find(pid);
    return found == m_local.end() ? nullptr : found->second;
}

void Kernel::post_to_team(Team* team, RemoteEvent event) {
    std::lock_guard lock(m_mutex);
    if (m_teams.count(team)) team->post(std::move(event));
}

void Kernel::post_event(RemoteEvent event) {
    std::lock_guard lock(m_mutex);
    Team* team = team_of(event.to);
    if (team && m_teams.count(team)) team->post(std::move(event));
}

uint64_t Kernel::add_responder(Responder responder) {
    std::lock_guard lock(m_mutex);
    uint64_t token = m_next_token++;
    m_responders.emplace(token, std::move(responder));
    return token;
}

// ---- sends ---------------------------------------------------------------------

void Kernel::send(Team& team, uint64_t from, uint64_t to, std::string bytes) {
    Team* sender = &team;
    auto dead = [this, sender, from, to](std::string why) {
        RemoteEvent e;
        e.kind = RemoteEvent::Kind::Reply;
        e.to = from;
        e.from = to;
        e.status = RemoteStatus::Dead;
        e.why = std::move(why);
        post_to_team(sender, std::move(e));
    };
    auto answer = [this, sender, from, to](RemoteStatus status, std::string reply) {
        RemoteEvent e;
        e.kind = RemoteEvent::Kind::Reply;
        e.to = from;
        e.from = to;
        e.status = status;
        if (status == RemoteStatus::Ok) e.bytes = std::move(reply), e.offset = kReplyHeadroom;
        else e.why = std::move(reply);
        post_to_team(sender, std::move(e));
    };
    uint32_t node = node_of(to);
    if (node == m_node) {
        if (std::string served(kReplyHeadroom, '\0');
            answer_kernel_server(to, std::string_view(bytes).substr(kMessageHeadroom), &served))
            return answer(RemoteStatus::Ok, std::move(served));
        Team* target;
        {
            std::lock_guard lock(m_mutex);
            target = team_of(to);
        }
        if (!target) return dead("process " + format_entity(to) + " does not exist");
        RemoteEvent e;
        e.kind = RemoteEvent::Kind::Request;
        e.to = to;
        e.from = from;
        e.token = add_responder(answer);
        e.bytes = std::move(bytes);
        e.offset = kMessageHeadroom;
        post_to_team(target, std::move(e));
        return;
    }
    Endpoint address;
    {
        std::lock_guard lock(m_mutex);
        auto member = m_members.find(node);
        if (member == m_members.end()) {
            return dead("process " + format_entity(to) + " is on node " + std::to_string(node) +
                        ", which is not in the cluster (gone, or never was)");
        }
        address = member->second.address;
    }
    write_message_header(bytes, Op::Send, to, from);
    // From the team's thread, when the strand is free: no other thread wakes.
    asio::dispatch(m_strand, [this, address, message = std::move(bytes), answer, node]() mutable {
        if (!m_transport) return answer(RemoteStatus::Dead, "the kernel is stopping");
        m_transport->call(address, std::move(message), [answer, node](CallStatus status, std::string response) {
            if (status != CallStatus::Ok)
                return answer(RemoteStatus::Dead, "node " + std::to_string(node) + " does not answer");
            // Ok: the value after the status byte, which is the reply's headroom.
            if (response.empty()) return answer(RemoteStatus::Dead, "an empty answer");
            bool ok = static_cast<uint8_t>(response[0]) == kStatusOk;
            if (!ok) response.erase(0, 1);
            answer(ok ? RemoteStatus::Ok : RemoteStatus::Dead, std::move(response));
        });
    });
}

void Kernel::reply(uint64_t token, RemoteStatus status, std::string bytes) {
    Responder responder;
    {
        std::lock_guard lock(m_mutex);
        auto found = m_responders.find(token);
        if (found == m_responders.end()) return;
        responder = std::move(found->second);
        m_responders.erase(found);
    }
    responder(status, std::move(bytes));
}

void Kernel::datagram(uint64_t from, uint64_t to, std::string bytes) {
    uint32_t node = node_of(to);
    if (node == m_node) {
        Team* target;
        {
            std::lock_guard lock(m_mutex);
            target = team_of(to);
        }
        if (!target) return;  // datagrams may be lost
        RemoteEvent e;
        e.kind = RemoteEvent::Kind::Datagram;
        e.to = to;
        e.from = from;
        e.bytes = std::move(bytes);
        e.offset = kMessageHeadroom;
        post_to_team(target, std::move(e));
        return;
    }
    Endpoint address;
    {
        std::lock_guard lock(m_mutex);
        auto member = m_members.find(node);
        if (member == m_members.end()) return;
        address = member->second.address;
    }
    write_message_header(bytes, Op::Datagram, to, from);
    asio::dispatch(m_strand, [this, address, message = std::move(bytes)]() mutable {
        if (m_transport) m_transport->send_datagram(address, std::move(message));
    });
}

// ---- kernel servers ----------------------------------------------------------------

bool Kernel::answer_kernel_server(uint64_t to, std::string_view request, std::string* reply) {
    // Most sends that reach the kernel are for teams: two compares rule them out.
    if (is_group(to) || node_of(to) != m_node || !is_reserved_local_id(local_of(to))) return false;
    switch (static_cast<KernelServer>(local_of(to))) {
        case KernelServer::Time: {
            auto unix_time = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch());
            auto steady = std::chrono::steady_clock::now().time_since_epoch();
            *reply += time_reply(unix_time.count(), std::chrono::duration_cast<std::chrono::nanoseconds>(steady).count(),
                                m_options.name);
            return true;
        }
        case KernelServer::Process: {
            if (!is_list_request(request)) {
                *reply += process_not_understood_reply();
                return true;
            }
            // Only what the kernel holds: which team each pid is in, and groups.
            std::vector<ProcessInfo> processes;
            {
                std::lock_guard lock(m_mutex);
                processes.reserve(m_local.size());
                for (auto& [pid, team] : m_local) {
                    auto named = m_teams.find(team);
                    processes.push_back(ProcessInfo{pid, named == m_teams.end() ? "" : named->second, {}});
                }
                std::sort(processes.begin(), processes.end(),
                          [](const ProcessInfo& a, const ProcessInfo& b) { return a.pid < b.pid; });
                for (auto& [group, members] : m_groups)
                    for (uint64_t pid : members) {
                        if (node_of(pid) != m_node) continue;
                        auto found = std::lower_bound(processes.begin(), processes.end(), pid,
                                                      [](const ProcessInfo& p, uint64_t id) { return p.pid < id; });
                        if (found != processes.end() && found->pid == pid) found->groups.push_back(group);
                    }
            }
            *reply += process_list_reply(processes);
            return true;
        }
    }
    return false;  // a reserved id that no server has yet
}

// ---- groups ----------------------------------------------------------------------

void Kernel::group_datagram(const Team& team, uint64_t from, uint64_t group, std::string bytes) {
    write_message_header(bytes, Op::GroupDatagram, group, from);
    deliver_to_members(group, from, &team, bytes);  // other teams of this node
    std::vector<Endpoint> nodes;
    {
        std::lock_guard lock(m_mutex);
        auto found = m_groups.find(group);
        if (found == m_groups.end()) return;
        std::set<uint32_t> seen;
        for (uint64_t pid : found->second) {
            uint32_t node = node_of(pid);
            auto member = m_members.find(node);
            if (node != m_node && member != m_members.end() && seen.insert(node).second)
                nodes.push_back(member->second.address);
        }
    }
    if (nodes.empty()) return;
    asio::dispatch(m_strand, [this, nodes = std::move(nodes), message = std::move(bytes)]() mutable {
        if (!m_transport) return;
        // One packet reaches every node; a node without members drops it.
        if (nodes.size() > 1 && m_transport->multicast_datagram(message)) return;
        for (const Endpoint& address : nodes) m_transport->send_datagram(address, message);
    });
}

// A group datagram (GroupDatagram message) to the members of `group` on this
// node, but not to those of `except`, which delivered it itself.
void Kernel::deliver_to_members(uint64_t group, uint64_t from, const Team* except, const std::string& message) {
    std::lock_guard lock(m_mutex);
    auto found = m_groups.find(group);
    if (found == m_groups.end()) return;
    for (uint64_t pid : found->second) {
        Team* target = node_of(pid) == m_node ? team_of(pid) : nullptr;
        if (!target || target == except || !m_teams.count(target)) continue;
        RemoteEvent e;
        e.kind = RemoteEvent::Kind::Datagram;
        e.to = pid;
        e.from = from;
        e.bytes = message;
        e.offset = kMessageHeadroom;
        target->post(std::move(e));
    }
}

void Kernel::join(uint64_t group, uint64_t pid) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_groups[group].insert(pid).second) return;
    }
    std::string message = op_message(Op::Join);
    wire::Writer w(message);
    w.u64be(group);
    w.u64be(pid);
    tell_members(std::move(message));
}

void Kernel::leave(uint64_t group, uint64_t pid) {
    {
        std::lock_guard lock(m_mutex);
        auto found = m_groups.find(group);
        if (found == m_groups.end() || !found->second.erase(pid)) return;
    }
    std::string message = op_message(Op::Leave);
    wire::Writer w(message);
    w.u64be(group);
    w.u64be(pid);
    tell_members(std::move(message));
}

std::vector<uint64_t> Kernel::remote_members(const Team& team, uint64_t group) {
    std::lock_guard lock(m_mutex);
    std::vector<uint64_t> out;
    auto found = m_groups.find(group);
    if (found == m_groups.end()) return out;
    for (uint64_t pid : found->second) {
        Team* holder = team_of(pid);
        if (holder != &team) out.push_back(pid);
    }
    return out;
}

void Kernel::tell_members(std::string message) {
    std::vector<Endpoint> addresses;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [node, m] : m_members) addresses.push_back(m.address);
    }
    asio::dispatch(m_strand, [this, addresses, message = std::move(message)] {
        if (!m_transport) return;
        for (const Endpoint& a : addresses) m_transport->call(a, message, [](CallStatus, std::string) {});
    });
}

// ---- membership ------------------------------------------------------------------

std::string Kernel::hello_message() const {
    std::string message = op_message(Op::Hello);
    wire::Writer w(message);
    w.u32be(m_node);
    w.text(m_options.name);
    w.text(address_text(m_endpoint));
    return message;
}

void Kernel::hello(const Endpoint& to, std::function<void(bool)> done) {
    m_transport->call(to, hello_message(), [this, done](CallStatus status, std::string response) {
        if (status != CallStatus::Ok) return done(false);
        wire::Reader r(response);
        uint64_t count;
        if (!r.count(&count, 4)) return done(false);
        std::vector<uint32_t> fresh;
        for (uint64_t i = 0; i < count; i++) {
            uint32_t node;
            std::string name, address;
            if (!r.u32be(&node) || !r.text(&name) || !r.text(&address)) return done(false);
            bool known;
            {
                std::lock_guard lock(m_mutex);
                known = node == m_node || m_members.count(node);
            }
            learn(node, name, address);
            if (!known && node != m_node) fresh.push_back(node);
        }
        uint64_t groups;
        if (!r.count(&groups, 16)) return done(false);
        {
            std::lock_guard lock(m_mutex);
            for (uint64_t i = 0; i < groups; i++) {
                uint64_t group, pid;
                if (!r.u64be(&group) || !r.u64be(&pid)) break;
                m_groups[group].insert(pid);
            }
        }
        // Everyone the contact knows learns of this node too.
        for (uint32_t node : fresh) {
            Endpoint address;
            {
                std::lock_guard lock(m_mutex);
                auto member = m_members.find(node);
                if (member == m_members.end()) continue;
                address = member->second.address;
            }
            m_transport->call(address, hello_message(), [](CallStatus, std::string) {});
        }
        done(true);
    });
}

void Kernel::learn(uint32_t node, const std::string& name, const std::string& address) {
    if (node == m_node || node == 0 || node == kWellKnownNode) return;
    Endpoint endpoint;
    if (!parse_address(address, &endpoint) || endpoint.port() == 0) return;
    std::lock_guard lock(m_mutex);
    Member& m = m_members[node];
    m.name = name;
    m.address = endpoint;
    m.last_seen = Clock::now();
}

void Kernel::forget_node(uint32_t node) {
    std::lock_guard lock(m_mutex);
    m_members.erase(node);
    for (auto& [group, members] : m_groups)
        for (auto it = members.begin(); it != members.end();) it = node_of(*it) == node ? members.erase(it) : std::next(it);
}

void Kernel::beat() {
    if (!m_transport) return;
    std::vector<std::pair<uint32_t, Endpoint>> alive;
    std::vector<uint32_t> gone;
    Clock::time_point now = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        for (auto& [node, m] : m_members) {
            if (now - m.last_seen > m_options.dead_after) gone.push_back(node);
            else alive.emplace_back(node, m.address);
        }
    }
    for (uint32_t node : gone) forget_node(node);
    std::string message = op_message(Op::Heartbeat);
    wire::Writer w(message);
    w.u32be(m_node);
    if (alive.size() < 2 || !m_transport->multicast_datagram(message))
        for (auto& [node, address] : alive) m_transport->send_datagram(address, message);
    m_heartbeat->expires_after(m_options.heartbeat_every);
    m_heartbeat->async_wait([this](const boost::system::error_code& ec) {
        if (!ec) beat();
    });
}

// ---- what other kernels ask ---------------------------------------------------------

void Kernel::on_request(const RequestContext& context, std::string request) {
    if (request.empty()) return m_transport->reply(context, std::string(1, static_cast<char>(kStatusDead)));
    wire::Reader r(std::string_view(request).substr(1));
    {
        std::lock_guard lock(m_mutex);
        auto member = m_members.find(context.node);
        if (member != m_members.end()) member->second.last_seen = Clock::now();
    }
    switch (static_cast<Op>(request[0])) {
        case Op::Send: {
            uint64_t to, from;
            if (!r.u64be(&to) || !r.u64be(&from)) return m_transport->reply(context, std::string(1, kStatusDead));
            if (std::string served(1, static_cast<char>(kStatusOk));
                answer_kernel_server(to, std::string_view(request).substr(kMessageHeadroom), &served)) {
                return m_transport->reply(context, std::move(served));
            }
            Team* target;
            {
                std::lock_guard lock(m_mutex);
                target = team_of(to);
            }
            if (!target) {
                std::string answer(1, static_cast<char>(kStatusDead));
                answer += "process " + format_entity(to) + " does not exist";
                return m_transport->reply(context, std::move(answer));
            }
            RemoteEvent e;
            e.kind = RemoteEvent::Kind::Request;
            e.to = to;
            e.from = from;
            e.bytes = std::move(request);
            e.offset = kMessageHeadroom;
            e.token = add_responder([this, context](RemoteStatus status, std::string bytes) {
                std::string answer;
                if (status == RemoteStatus::Ok) {
                    answer = std::move(bytes);  // the status byte goes in the reply's headroom
                    answer[0] = static_cast<char>(kStatusOk);
                } else {
                    answer = std::string(1, static_cast<char>(kStatusDead)) + bytes;
                }
                asio::dispatch(m_strand, [this, context, answer = std::move(answer)]() mutable {
                    if (m_transport) m_transport->reply(context, std::move(answer));
                });
            });
            post_to_team(target, std::move(e));
            return;
        }
        case Op::Hello: {
            uint32_t node;
            std::string name, address;
            if (!r.u32be(&node) || !r.text(&name) || !r.text(&address)) return m_transport->reply(context, "");
            learn(node, name, address);
            std::string answer;
            wire::Writer w(answer);
            std::lock_guard lock(m_mutex);
            w.uvar(m_members.size() + 1);
            w.u32be(m_node);
            w.text(m_options.name);
            w.text(address_text(m_endpoint));
            for (auto& [n, m] : m_members) {
                w.u32be(n);
                w.text(m.name);
                w.text(address_text(m.address));
            }
            size_t pairs = 0;
            for (auto& [group, members] : m_groups) pairs += members.size();
            w.uvar(pairs);
            for (auto& [group, members] : m_groups)
                for (uint64_t pid : members) w.u64be(group), w.u64be(pid);
            return m_transport->reply(context, std::move(answer));
        }
        case Op::Members: {
            std::string answer;
            wire::Writer w(answer);
            std::lock_guard lock(m_mutex);
            w.uvar(m_members.size() + 1);
            w.u32be(m_node);
            w.text(m_options.name);
            w.text(address_text(m_endpoint));
            w.u32be(static_cast<uint32_t>(m_teams.size()));
            w.u32be(static_cast<uint32_t>(m_local.size()));
            // Only a node knows its own load: the others' are 0 here.
            for (auto& [n, m] : m_members) {
                w.u32be(n);
                w.text(m.name);
                w.text(address_text(m.address));
                w.u32be(0);
                w.u32be(0);
            }
            return m_transport->reply(context, std::move(answer));
        }
        case Op::Run: {
            uint64_t run;
            uint32_t count;
            std::vector<std::string> args;
            if (!r.u64be(&run) || !r.u32be(&count) || count > r.remaining()) return m_transport->reply(context, "");
            for (uint64_t n = 0; n < count; n++) {
                std::string arg;
                if (!r.text(&arg)) return m_transport->reply(context, "");
                args.push_back(std::move(arg));
            }
            if (!on_run || m_runs.count(run)) return m_transport->reply(context, "");
            std::string_view image;
            r.raw(r.remaining(), &image);
            m_runs[run].asked = context;
            RunRequest request{run, std::move(args), std::string(image)};
            // Reading and loading the image is work for the pool, not the strand.
            asio::post(m_io, [this, request = std::move(request), run]() mutable {
                on_run(std::move(request), [this, run](int status) {
                    asio::post(m_strand, [this, run, status] {
                        auto found = m_runs.find(run);
                        if (found == m_runs.end()) return;
                        found->second.finished = true;
                        found->second.status = status;
                        pump(run);
                    });
                });
            });
            return;
        }
        case Op::Stop: {
            uint64_t run;
            if (r.u64be(&run) && on_stop) on_stop(run);
            return m_transport->reply(context, "");
        }
        case Op::Join:
        case Op::Leave: {
            uint64_t group, pid;
            if (r.u64be(&group) && r.u64be(&pid) && node_of(pid) == context.node) {
                std::lock_guard lock(m_mutex);
                if (static_cast<Op>(request[0]) == Op::Join) m_groups[group].insert(pid);
                else if (auto found = m_groups.find(group); found != m_groups.end()) found->second.erase(pid);
            }
            return m_transport->reply(context, "");
        }
        default: return m_transport->reply(context, "");
    }
}

void Kernel::on_datagram(const Endpoint&, uint32_t node, std::string message) {
    if (message.empty()) return;
    wire::Reader r(std::string_view(message).substr(1));
    switch (static_cast<Op>(message[0])) {
        case Op::Heartbeat: {
            std::lock_guard lock(m_mutex);
            auto member = m_members.find(node);
            if (member != m_members.end()) member->second.last_seen = Clock::now();
            return;
        }
        case Op::Datagram: {
            uint64_t to, from;
            if (!r.u64be(&to) || !r.u64be(&from)) return;
            Team* target;
            {
                std::lock_guard lock(m_mutex);
                target = team_of(to);
            }
            if (!target) return;
            RemoteEvent e;
            e.kind = RemoteEvent::Kind::Datagram;
            e.to = to;
            e.from = from;
            e.bytes = std::move(message);
            e.offset = kMessageHeadroom;
            post_to_team(target, std::move(e));
            return;
        }
        case Op::GroupDatagram: {
            uint64_t group, from;
            if (!r.u64be(&group) || !r.u64be(&from) || node_of(from) != node) return;
            deliver_to_members(group, from, nullptr, message);
            return;
        }
        default: return;
    }
}

// ---- runs for other nodes ------------------------------------------------------------

void Kernel::send_output(uint64_t run, int stream, std::string_view text) {
    asio::dispatch(m_strand, [this, run, stream, text = std::string(text)]() mutable {
        auto found = m_runs.find(run);
        if (found == m_runs.end() || found->second.client_gone) return;
        auto& queue = found->second.queue;
        // Output that piles up while a packet is out goes in one message.
        if (!queue.empty() && queue.back().first == stream && queue.back().second.size() < 60000)
            queue.back().second += text;
        else
            queue.emplace_back(stream, std::move(text));
        pump(run);
    });
}

void Kernel::pump(uint64_t run) {
    auto found = m_runs.find(run);
    if (found == m_runs.end() || !m_transport) return;
    Run& r = found->second;
    if (r.sending) return;
    if (r.queue.empty() || r.client_gone) {
        if (!r.finished) return;
        std::string answer;
        wire::Writer w(answer);
        w.u32be(static_cast<uint32_t>(r.status));
        m_transport->reply(r.asked, std::move(answer));
        m_runs.erase(found);
        return;
    }
    auto [stream, text] = std::move(r.queue.front());
    r.queue.erase(r.queue.begin());
    std::string message = op_message(Op::Output);
    wire::Writer w(message);
    w.u64be(run);
    w.u8(static_cast<uint8_t>(stream));
    message += text;
    r.sending = true;
    m_transport->call(r.asked.client, std::move(message), [this, run](CallStatus status, std::string) {
        auto found = m_runs.find(run);
        if (found == m_runs.end()) return;
        found->second.sending = false;
        if (status != CallStatus::Ok && !found->second.client_gone) {
            // Whoever asked is gone: the program has no one to run for.
            found->second.client_gone = true;
            found->second.queue.clear();
            if (on_stop) on_stop(run);
        }
        pump(run);
    });
}

}  // namespace vb::kernel
