// kernel-bridge/transport.h — message transactions between nodes over UDP, in
// the manner of VMTP (docs/protocol.md): no connection set-up; the response
// acknowledges the request; retransmission with backoff; duplicate suppression
// with a reply cache, so that a request executes at most once; packet groups
// with selective retransmission for messages up to 64 MiB; probes that tell a
// busy server from a dead one; datagrams. Every packet carries a MAC under the
// cluster key; what fails a check is dropped and counted.
//
// A Transport lives on one Boost.Asio executor — an io_context run by one
// thread, or a strand of one run by several — and calls its handlers there; it
// must be called there too.
// A seeded fault injector (drop, duplicate, reorder, delay) sits under the
// sender for tests; it is off unless set.
#pragma once

#include <boost/asio.hpp>

#include <array>
#include <chrono>
#include <deque>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "kernel-bridge/packet.h"

namespace vb::kernel {

using Endpoint = boost::asio::ip::udp::endpoint;
using Clock = std::chrono::steady_clock;

struct FaultSettings {
    double drop = 0, duplicate = 0, reorder = 0;  // probabilities per packet sent
    uint32_t delay_ms = 0;                        // each packet waits 0..delay_ms
    uint64_t seed = 1;
    bool any() const { return drop > 0 || duplicate > 0 || reorder > 0 || delay_ms > 0; }
};

// "drop=0.1,dup=0.05,reorder=0.1,delay=5,seed=7"; false and a message otherwise.
bool parse_faults(const std::string& text, FaultSettings* out, std::string* error);

struct TransportOptions {
    uint32_t node_id = 1;
    ClusterKey key{};
    std::chrono::milliseconds dead_after{1000};       // silence that makes a peer dead
    std::chrono::milliseconds reply_cache_for{10000}; // how long a finished transaction is remembered
    std::chrono::milliseconds max_clock_skew{60000};  // older or newer packets are replays
    FaultSettings faults;
    // An IP multicast group (address and port) that every node of the cluster
    // joins on the interface of its own bind address; unset (port 0): none, and
    // multicasts fan out to the nodes one by one.
    Endpoint multicast;
};

// Counters of everything the transport did and refused.
struct TransportStats {
    uint64_t packets_sent = 0, packets_received = 0, retransmissions = 0, probes = 0;
    uint64_t duplicate_requests = 0;  // answered from the reply cache or with Working
    uint64_t dropped_short = 0, dropped_magic = 0, dropped_version = 0, dropped_kind = 0, dropped_fields = 0;
    uint64_t dropped_mac = 0, dropped_replay = 0, dropped_stray = 0;
    uint64_t faults_dropped = 0, faults_duplicated = 0, faults_delayed = 0;
    uint64_t multicasts_sent = 0, multicasts_received = 0;
    std::string to_string() const;
};

enum class CallStatus { Ok, Dead, Timeout };

struct RequestContext {
    Endpoint client;
    uint32_t node = 0;
    uint64_t incarnation = 0;
    uint64_t transaction = 0;
};

class Transport {
public:
    using ResponseHandler = std::function<void(CallStatus, std::string response)>;
    using RequestHandler = std::function<void(const RequestContext&, std::string request)>;
    using DatagramHandler = std::function<void(const Endpoint& from, uint32_t node, std::string message)>;

    Transport(const boost::asio::any_io_executor& executor, const Endpoint& bind, TransportOptions options);
    Transport(boost::asio::io_context& io, const Endpoint& bind, TransportOptions options)
        : Transport(io.get_executor(), bind, std::move(options)) {}
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    Endpoint local_endpoint() const { return m_socket.local_endpoint(); }
    const TransportStats& stats() const { return m_stats; }

    // Server side: every request that arrives whole, once; answer with reply().
    void on_request(RequestHandler handler) { m_on_request = std::move(handler); }
    void on_datagram(DatagramHandler handler) { m_on_datagram = std::move(handler); }
    void reply(const RequestContext& context, std::string response);

    // Client side: `done` runs once, with the response, Dead (the server was
    // silent for dead_after) or Timeout (no response within `time_limit`, if set).
    void call(const Endpoint& server, std::string request, ResponseHandler done,
              std::chrono::milliseconds time_limit = std::chrono::milliseconds(0));
    void send_datagram(const Endpoint& to, std::string message);
    // One datagram to every node of the multicast group (this one's own copy is
    // not delivered). False, sending nothing, when there is no group.
    bool multicast_datagram(std::string message);
    bool has_multicast() const { return m_multicast_socket != nullptr; }

private:
    // A message cut into packets, sent in a window that the receiver's Missing
    // reports move forward.
    struct Outgoing {
        // Packet s is frames[s].header ‖ message[s × kMaxPayload, +kMaxPayload) ‖
        // frames[s].mac, sent as three pieces: the message is never copied.
        struct Frame {
            char header[kHeaderSize];
            char mac[kMacSize];
        };
        std::string message;
        std::vector<Frame> frames;
        size_t count() const { return frames.size(); }
        std::string_view payload(uint32_t s) const;
        uint32_t acknowledged = 0;  // every packet below this one has arrived
        uint32_t sent_up_to = 0;    // packets below this one were sent at least once
    };
    // A message being put together from its packets.
    struct Incoming {
        std::string data;
        std::vector<bool> have;
        uint32_t count = 0, segments = 0, prefix = 0, since_report = 0;
        bool started = false;
        bool complete() const { return started && count == segments; }
    };
    struct Call {
        Endpoint server;
        Outgoing request;
        Incoming response;
        ResponseHandler done;
        Clock::time_point started, last_heard, deadline;
        Clock::time_point next_check;  // when tick() looks at it
        std::chrono::milliseconds interval{10};
        bool server_working = false;
        bool heard_from_server = false;
    };
    struct ServerKey {
        uint32_t node;
        uint64_t incarnation, transaction;
        bool operator<(const ServerKey& o) const {
            return std::tie(node, incarnation, transaction) < std::tie(o.node, o.incarnation, o.transaction);
        }
    };
    enum class ServerState { Assembling, Working, Done };
    struct ServerTransaction {
        ServerState state = ServerState::Assembling;
        Endpoint client;
        Incoming request;
        Outgoing response;
        Clock::time_point touched;
    };

    void receive(boost::asio::ip::udp::socket& socket, std::vector<char>& buffer, Endpoint& from);
    void join_multicast(const Endpoint& bind);
    void handle(const Endpoint& from, std::string_view datagram);
    void handle_request_packet(const Endpoint& from, const PacketHeader& h, std::string_view payload);
    void handle_client_packet(const Endpoint& from, const PacketHeader& h, std::string_view payload);
    bool fresh(const PacketHeader& h);

    PacketHeader header(PacketKind kind, uint64_t incarnation, uint64_t transaction) const;
    Outgoing cut(PacketKind kind, uint64_t incarnation, uint64_t transaction, std::string message) const;
    void send_packet(const Endpoint& to, const Outgoing& out, uint32_t s);
    void send_window(const Endpoint& to, Outgoing& out, bool resend);
    void send_control(const Endpoint& to, PacketKind kind, uint64_t incarnation, uint64_t transaction,
                      std::string_view payload = {});
    void report_missing(const Endpoint& to, PacketKind kind, uint64_t incarnation, uint64_t transaction,
                        const Incoming& in, bool stalled);
    void apply_missing(const Endpoint& to, Outgoing& out, std::string_view payload);
    bool accept(Incoming& in, const PacketHeader& h, std::string_view payload);

    void arm(uint64_t transaction);
    void start_ticking();
    void tick();
    void on_timer(uint64_t transaction);
    void finish(uint64_t transaction, CallStatus status, std::string response);
    void sweep();

    void send_raw(const Endpoint& to, std::string bytes);
    void send_now(const Endpoint& to, const std::string& bytes);

    boost::asio::any_io_executor m_executor;
    boost::asio::ip::udp::socket m_socket;
    boost::asio::steady_timer m_sweep_timer;
    boost::asio::steady_timer m_tick_timer;
    bool m_ticking = false;
    TransportOptions m_options;
    TransportStats m_stats;
    uint64_t m_incarnation;
    uint64_t m_next_transaction = 0;
    mutable uint64_t m_sequence = 0;  // every packet's own number: the MAC's nonce
    std::mt19937_64 m_random;
    std::vector<char> m_buffer;
    std::unique_ptr<boost::asio::ip::udp::socket> m_multicast_socket;
    std::vector<char> m_multicast_buffer;
    Endpoint m_multicast_from;
    mutable PacketAuth m_auth;
    Endpoint m_from;
    RequestHandler m_on_request;
    DatagramHandler m_on_datagram;
    std::map<uint64_t, Call> m_calls;  // in order: the first is the oldest outstanding
    std::map<ServerKey, ServerTransaction> m_served;
    // What the server side knows of one client incarnation.
    struct Client {
        // Transactions at or below this are over, so a request for one is a late
        // duplicate or a replay, never new work.
        uint64_t forgotten_up_to = 0;
        // Its transactions answered in one packet, whose records wait for the
        // client to acknowledge them (PacketHeader::acknowledged).
        std::deque<uint64_t> answered;
    };
    std::map<std::pair<uint32_t, uint64_t>, Client> m_clients;
    void acknowledged(const PacketHeader& h);
    uint64_t oldest_outstanding() const;
    std::shared_ptr<bool> m_alive;  // timers of delayed packets check it after the transport is gone
};

}  // namespace vb::kernel
