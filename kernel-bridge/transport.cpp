// kernel-bridge/transport.cpp — the transaction protocol over UDP (see
// transport.h and docs/protocol.md): the client's calls with their timers, the
// server's reply cache, packet groups and their Missing reports, the fault
// injector.
#include "kernel-bridge/transport.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace vb::kernel {

namespace asio = boost::asio;
using std::chrono::duration_cast;
using std::chrono::milliseconds;

namespace {

// Packets of a group in flight before the receiver must report: 16 x 60 kB
// (each takes up to 128 KiB of socket buffer on the receiving side) fits the
// buffers set below with room for a retransmitted window.
constexpr uint32_t kWindow = 16;
constexpr uint32_t kReportEvery = kWindow / 2;
constexpr milliseconds kFirstRetransmit{20};
constexpr milliseconds kLongestRetransmit{100};
constexpr milliseconds kSweepEvery{500};
constexpr milliseconds kTick{5};  // how often calls' retransmission and death are looked at
constexpr int kSocketBuffer = 4 << 20;
constexpr char kReportStalled = 1;  // a Missing report's flag: the receiver has waited in vain

uint64_t wall_ms() {
    return static_cast<uint64_t>(
        duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

void put_u32(std::string& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>(v >> s));
}
void put_u64(std::string& out, uint64_t v) {
    for (int s = 56; s >= 0; s -= 8) out.push_back(static_cast<char>(v >> s));
}
uint64_t get_be(const char* p, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++) v = (v << 8) | static_cast<uint8_t>(p[i]);
    return v;
}

}  // namespace

bool parse_faults(const std::string& text, FaultSettings* out, std::string* error) {
    FaultSettings f;
    size_t at = 0;
    while (at < text.size()) {
        size_t comma = text.find(',', at);
        std::string item = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        at = comma == std::string::npos ? text.size() : comma + 1;
        size_t eq = item.find('=');
        if (eq == std::string::npos) {
            *error = "'" + item + "' is not name=value";
            return false;
        }
        std::string name = item.substr(0, eq), value = item.substr(eq + 1);
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        if (value.empty() || *end || number < 0) {
            *error = "'" + value + "' is not a non-negative number (in " + item + ")";
            return false;
        }
        bool probability = name == "drop" || name == "dup" || name == "reorder";
        if (probability && number > 1) {
            *error = name + " is a probability, from 0 to 1";
            return false;
        }
        if (name == "drop") f.drop = number;
        else if (name == "dup") f.duplicate = number;
        else if (name == "reorder") f.reorder = number;
        else if (name == "delay") f.delay_ms = static_cast<uint32_t>(number);
        else if (name == "seed") f.seed = static_cast<uint64_t>(number);
        else {
            *error = "unknown fault '" + name + "' (drop, dup, reorder, delay, seed)";
            return false;
        }
    }
    *out = f;
    return true;
}

std::string TransportStats::to_string() const {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "sent %llu, received %llu, retransmitted %llu, probes %llu, duplicate requests %llu; dropped: "
                  "short %llu, magic %llu, version %llu, kind %llu, fields %llu, mac %llu, replay %llu, stray %llu; "
                  "faults: dropped %llu, duplicated %llu, delayed %llu; multicasts sent %llu, received %llu",
                  (unsigned long long)packets_sent, (unsigned long long)packets_received,
                  (unsigned long long)retransmissions, (unsigned long long)probes,
                  (unsigned long long)duplicate_requests, (unsigned long long)dropped_short,
                  (unsigned long long)dropped_magic, (unsigned long long)dropped_version,
                  (unsigned long long)dropped_kind, (unsigned long long)dropped_fields,
                  (unsigned long long)dropped_mac, (unsigned long long)dropped_replay,
                  (unsigned long long)dropped_stray, (unsigned long long)faults_dropped,
                  (unsigned long long)faults_duplicated, (unsigned long long)faults_delayed,
                  (unsigned long long)multicasts_sent, (unsigned long long)multicasts_received);
    return buf;
}

Transport::Transport(const asio::any_io_executor& executor, const Endpoint& bind, TransportOptions options)
    : m_executor(executor),
      m_socket(executor),
      m_sweep_timer(executor),
      m_tick_timer(executor),
      m_options(std::move(options)),
      m_random(m_options.faults.seed),
      m_buffer(kMaxPacket + 1),
      m_auth(m_options.key),
      m_alive(std::make_shared<bool>(true)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    randombytes_buf(&m_incarnation, sizeof m_incarnation);
    m_socket.open(bind.protocol());
    m_socket.bind(bind);
    boost::system::error_code ignored;
    m_socket.set_option(asio::socket_base::receive_buffer_size(kSocketBuffer), ignored);
    m_socket.set_option(asio::socket_base::send_buffer_size(kSocketBuffer), ignored);
    if (m_options.multicast.port()) join_multicast(bind);
    receive(m_socket, m_buffer, m_from);
    if (m_multicast_socket) receive(*m_multicast_socket, m_multicast_buffer, m_multicast_from);
    sweep();
}

Transport::~Transport() {
    *m_alive = false;
    boost::system::error_code ignored;
    m_socket.close(ignored);
    if (m_multicast_socket) m_multicast_socket->close(ignored);
}

// The group is joined, and multicasts leave, on the interface of the unicast
// bind address: never on 0.0.0.0, where the system would pick the default
// route's interface and the packets would leave the machine. TTL 1: the local
// network only; loopback on, so that nodes of one machine hear each other.
void Transport::join_multicast(const Endpoint& bind) {
    const Endpoint& group = m_options.multicast;
    if (!group.address().is_v4() || !group.address().is_multicast())
        throw std::runtime_error("the multicast group " + group.address().to_string() + " is not an IPv4 multicast address");
    if (!bind.address().is_v4() || bind.address().is_unspecified())
        throw std::runtime_error("multicast needs a listen address of one interface, not " + bind.address().to_string());
    asio::ip::address_v4 interface = bind.address().to_v4();
    m_multicast_socket = std::make_unique<asio::ip::udp::socket>(m_executor);
    m_multicast_socket->open(asio::ip::udp::v4());
    m_multicast_socket->set_option(asio::socket_base::reuse_address(true));
    m_multicast_socket->bind(Endpoint(asio::ip::address_v4::any(), group.port()));
    m_multicast_socket->set_option(asio::ip::multicast::join_group(group.address().to_v4(), interface));
    m_socket.set_option(asio::ip::multicast::outbound_interface(interface));
    m_socket.set_option(asio::ip::multicast::hops(1));
    m_socket.set_option(asio::ip::multicast::enable_loopback(true));
    m_multicast_buffer.resize(kMaxPacket + 1);
}

// ---- packets --------------------------------------------------------------------

PacketHeader Transport::header(PacketKind kind, uint64_t incarnation, uint64_t transaction) const {
    PacketHeader h;
    h.magic = kPacketMagic;
    h.version = kProtocolVersion;
    h.kind = static_cast<uint8_t>(kind);
    h.source_node = m_options.node_id;
    h.sender = m_incarnation;
    h.sequence = ++m_sequence;
    h.incarnation = incarnation;
    h.transaction = transaction;
    if (incarnation == m_incarnation && kind != PacketKind::Datagram) h.acknowledged = oldest_outstanding();
    h.timestamp_ms = wall_ms();
    h.segments = 1;
    return h;
}

uint64_t Transport::oldest_outstanding() const {
    return m_calls.empty() ? m_next_transaction + 1 : m_calls.begin()->first;
}

std::string_view Transport::Outgoing::payload(uint32_t s) const {
    size_t offset = std::min(size_t{s} * kMaxPayload, message.size());
    return std::string_view(message).substr(offset, kMaxPayload);
}

Transport::Outgoing Transport::cut(PacketKind kind, uint64_t incarnation, uint64_t transaction,
                                   std::string message) const {
    Outgoing out;
    out.message = std::move(message);
    uint32_t segments = static_cast<uint32_t>(std::max<size_t>(1, (out.message.size() + kMaxPayload - 1) / kMaxPayload));
    out.frames.resize(segments);
    PacketHeader h = header(kind, incarnation, transaction);
    h.segments = segments;
    h.message_size = static_cast<uint32_t>(out.message.size());
    for (uint32_t s = 0; s < segments; s++) {
        h.segment = s;
        h.sequence = ++m_sequence;
        seal_packet(h, out.payload(s), m_auth, out.frames[s].header, out.frames[s].mac);
    }
    return out;
}

void Transport::send_window(const Endpoint& to, Outgoing& out, bool resend) {
    uint32_t end = std::min<uint32_t>(out.acknowledged + kWindow, static_cast<uint32_t>(out.count()));
    uint32_t from = resend ? out.acknowledged : std::max(out.sent_up_to, out.acknowledged);
    for (uint32_t s = from; s < end; s++) {
        if (s < out.sent_up_to) m_stats.retransmissions++;
        send_packet(to, out, s);
    }
    out.sent_up_to = std::max(out.sent_up_to, end);
}

void Transport::send_control(const Endpoint& to, PacketKind kind, uint64_t incarnation, uint64_t transaction,
                             std::string_view payload) {
    PacketHeader h = header(kind, incarnation, transaction);
    h.message_size = static_cast<uint32_t>(payload.size());
    std::string bytes;
    encode_packet(h, payload, m_auth, bytes);
    send_raw(to, std::move(bytes));
}

void Transport::report_missing(const Endpoint& to, PacketKind kind, uint64_t incarnation, uint64_t transaction,
                               const Incoming& in, bool stalled) {
    std::string payload;
    put_u32(payload, in.prefix);
    uint64_t bits = 0;
    for (uint32_t i = 0; i < 64 && in.prefix + i < in.segments; i++)
        if (in.have[in.prefix + i]) bits |= uint64_t{1} << i;
    put_u64(payload, bits);
    payload.push_back(stalled ? kReportStalled : 0);
    send_control(to, kind, incarnation, transaction, payload);
}

void Transport::apply_missing(const Endpoint& to, Outgoing& out, std::string_view payload) {
    if (payload.size() != 13) {
        m_stats.dropped_fields++;
        return;
    }
    uint32_t prefix = static_cast<uint32_t>(get_be(payload.data(), 4));
    uint64_t bits = get_be(payload.data() + 4, 8);
    bool stalled = payload[12] & kReportStalled;
    if (prefix > out.count()) return;
    out.acknowledged = std::max(out.acknowledged, prefix);
    // A hole below a packet that did arrive was lost (or overtaken): send it
    // again. Holes above the highest arrival may still be on their way, unless
    // the receiver has waited in vain: then every packet it lacks goes again.
    int highest = bits ? 63 - __builtin_clzll(bits) : -1;
    if (stalled) highest = static_cast<int>(std::min<uint32_t>(64, out.sent_up_to - std::min(out.sent_up_to, prefix)));
    for (int i = 0; i < highest; i++) {
        uint32_t s = prefix + static_cast<uint32_t>(i);
        if (!(bits >> i & 1) && s < out.count()) {
            m_stats.retransmissions++;
            send_packet(to, out, s);
        }
    }
    send_window(to, out, false);
}

bool Transport::accept(Incoming& in, const PacketHeader& h, std::string_view payload) {
    if (!in.started) {
        in.data.assign(h.message_size, '\0');
        in.have.assign(h.segments, false);
        in.segments = h.segments;
        in.started = true;
    }
    size_t offset = size_t{h.segment} * kMaxPayload;
    size_t expected = std::min(kMaxPayload, in.data.size() - std::min(offset, in.data.size()));
    if (h.segments != in.segments || h.message_size != in.data.size() || payload.size() != expected ||
        offset > in.data.size()) {
        m_stats.dropped_fields++;
        return false;
    }
    if (in.have[h.segment]) return false;
    std::memcpy(in.data.data() + offset, payload.data(), payload.size());
    in.have[h.segment] = true;
    in.count++;
    in.since_report++;
    while (in.prefix < in.segments && in.have[in.prefix]) in.prefix++;
    return true;
}

// ---- receiving --------------------------------------------------------------------

void Transport::receive(asio::ip::udp::socket& socket, std::vector<char>& buffer, Endpoint& from) {
    std::weak_ptr<bool> alive = m_alive;
    socket.async_receive_from(asio::buffer(buffer), from,
                              [this, alive, &socket, &buffer, &from](const boost::system::error_code& ec, size_t size) {
                                  auto still = alive.lock();
                                  if (!still || !*still || ec == asio::error::operation_aborted) return;
                                  if (!ec && &buffer == &m_multicast_buffer) m_stats.multicasts_received++;
                                  if (!ec) handle(from, std::string_view(buffer.data(), size));
                                  receive(socket, buffer, from);
                              });
}

bool Transport::fresh(const PacketHeader& h) {
    uint64_t now = wall_ms();
    uint64_t skew = static_cast<uint64_t>(m_options.max_clock_skew.count());
    if (h.timestamp_ms + skew < now || h.timestamp_ms > now + skew) {
        m_stats.dropped_replay++;
        return false;
    }
    return true;
}

void Transport::handle(const Endpoint& from, std::string_view datagram) {
    m_stats.packets_received++;
    PacketHeader h;
    std::string_view payload;
    switch (decode_packet(datagram, m_auth, &h, &payload)) {
        case PacketError::None: break;
        case PacketError::Short: m_stats.dropped_short++; return;
        case PacketError::BadMagic: m_stats.dropped_magic++; return;
        case PacketError::BadVersion: m_stats.dropped_version++; return;
        case PacketError::BadKind: m_stats.dropped_kind++; return;
        case PacketError::BadFields: m_stats.dropped_fields++; return;
        case PacketError::BadMac: m_stats.dropped_mac++; return;
    }
    if (!fresh(h)) return;
    switch (h.packet_kind()) {
        case PacketKind::Request:
        case PacketKind::Probe:
        case PacketKind::Ack:
        case PacketKind::ResponseMissing: handle_request_packet(from, h, payload); return;
        case PacketKind::Response:
        case PacketKind::Working:
        case PacketKind::Unknown:
        case PacketKind::RequestMissing: handle_client_packet(from, h, payload); return;
        case PacketKind::Datagram:
            if (h.segments != 1) {
                m_stats.dropped_fields++;
                return;
            }
            if (h.sender == m_incarnation) return;  // this transport's own multicast, looped back
            if (m_on_datagram) m_on_datagram(from, h.source_node, std::string(payload));
            return;
    }
}

// Packets a client sends about a transaction it asked this node to serve.
void Transport::handle_request_packet(const Endpoint& from, const PacketHeader& h, std::string_view payload) {
    acknowledged(h);
    ServerKey key{h.source_node, h.incarnation, h.transaction};
    auto found = m_served.find(key);
    if (found == m_served.end()) {
        auto client = m_clients.find({h.source_node, h.incarnation});
        bool old = client != m_clients.end() && h.transaction <= client->second.forgotten_up_to;
        if (old) {
            m_stats.dropped_replay++;  // a late duplicate or a replay of a finished transaction
            return;
        }
        if (h.packet_kind() == PacketKind::Probe || h.packet_kind() == PacketKind::ResponseMissing) {
            send_control(from, PacketKind::Unknown, h.incarnation, h.transaction);
            return;
        }
        if (h.packet_kind() != PacketKind::Request) {
            m_stats.dropped_stray++;
            return;
        }
        found = m_served.emplace(key, ServerTransaction{}).first;
        found->second.client = from;
    }
    ServerTransaction& t = found->second;
    t.touched = Clock::now();
    t.client = from;  // the client may have moved to another address
    switch (h.packet_kind()) {
        case PacketKind::Request:
            if (t.state == ServerState::Assembling) {
                bool fresh_packet = accept(t.request, h, payload);
                if (t.request.complete()) {
                    t.state = ServerState::Working;
                    RequestContext context{from, h.source_node, h.incarnation, h.transaction};
                    std::string message = std::move(t.request.data);
                    t.request = Incoming();
                    if (m_on_request) m_on_request(context, std::move(message));  // may reply at once
                } else if (t.request.segments > 1 && (!fresh_packet || t.request.since_report >= kReportEvery)) {
                    t.request.since_report = 0;
                    report_missing(from, PacketKind::RequestMissing, h.incarnation, h.transaction, t.request, false);
                }
                return;
            }
            m_stats.duplicate_requests++;
            if (t.state == ServerState::Working)
                send_control(from, PacketKind::Working, h.incarnation, h.transaction);
            else if (t.response.count() > 0)
                send_window(from, t.response, true);
            return;
        case PacketKind::Probe:
            if (t.state == ServerState::Working) send_control(from, PacketKind::Working, h.incarnation, h.transaction);
            else if (t.state == ServerState::Done && t.response.count() > 0) send_window(from, t.response, true);
            else if (t.state == ServerState::Assembling)
                report_missing(from, PacketKind::RequestMissing, h.incarnation, h.transaction, t.request, true);
            return;
        case PacketKind::ResponseMissing:
            if (t.state == ServerState::Done && t.response.count() > 0) apply_missing(from, t.response, payload);
            return;
        case PacketKind::Ack:
            if (t.state == ServerState::Done) t.response = Outgoing();  // keep the record, drop the bytes
            return;
        default: return;
    }
}

// The client has the responses of its transactions below h.acknowledged: their
// records go (any request for one is now a late duplicate), so that the reply
// cache holds what may still be asked for, not the last 10 s of traffic.
void Transport::acknowledged(const PacketHeader& h) {
    if (h.acknowledged < 2) return;
    Client& client = m_clients[{h.source_node, h.incarnation}];
    if (h.acknowledged - 1 <= client.forgotten_up_to) return;
    client.forgotten_up_to = h.acknowledged - 1;
    while (!client.answered.empty() && client.answered.front() < h.acknowledged) {
        m_served.erase(ServerKey{h.source_node, h.incarnation, client.answered.front()});
        client.answered.pop_front();
    }
}

// Packets a server sends about one of this node's calls.
void Transport::handle_client_packet(const Endpoint& from, const PacketHeader& h, std::string_view payload) {
    auto found = h.incarnation == m_incarnation ? m_calls.find(h.transaction) : m_calls.end();
    if (found == m_calls.end()) {
        // A response to a call that is over: acknowledge it again so that the
        // server can drop it; anything else is stray.
        if (h.packet_kind() == PacketKind::Response && h.incarnation == m_incarnation)
            send_control(from, PacketKind::Ack, h.incarnation, h.transaction);
        else
            m_stats.dropped_stray++;
        return;
    }
    Call& call = found->second;
    call.last_heard = Clock::now();
    call.heard_from_server = true;
    switch (h.packet_kind()) {
        case PacketKind::Response: {
            bool fresh_packet = accept(call.response, h, payload);
            if (call.response.complete()) {
                // A group's bytes are worth freeing at once; a one-packet
                // response is acknowledged by this client's next packet.
                if (call.response.segments > 1) send_control(from, PacketKind::Ack, h.incarnation, h.transaction);
                finish(h.transaction, CallStatus::Ok, std::move(call.response.data));
            } else if (call.response.segments > 1 && (!fresh_packet || call.response.since_report >= kReportEvery)) {
                call.response.since_report = 0;
                report_missing(from, PacketKind::ResponseMissing, h.incarnation, h.transaction, call.response, false);
            }
            return;
        }
        case PacketKind::Working:
            call.server_working = true;
            call.request.acknowledged = static_cast<uint32_t>(call.request.count());
            return;
        case PacketKind::Unknown:
            call.server_working = false;
            call.request.acknowledged = 0;
            send_window(call.server, call.request, true);
            return;
        case PacketKind::RequestMissing: apply_missing(call.server, call.request, payload); return;
        default: return;
    }
}

// ---- the server's answers -------------------------------------------------------

void Transport::reply(const RequestContext& context, std::string response) {
    auto found = m_served.find(ServerKey{context.node, context.incarnation, context.transaction});
    if (found == m_served.end() || found->second.state != ServerState::Working) return;
    ServerTransaction& t = found->second;
    if (response.size() > kMaxMessage) response.resize(0);  // the caller checks sizes; never send a bad group
    t.response = cut(PacketKind::Response, context.incarnation, context.transaction, std::move(response));
    if (t.response.count() == 1)
        m_clients[{context.node, context.incarnation}].answered.push_back(context.transaction);
    t.state = ServerState::Done;
    t.touched = Clock::now();
    send_window(t.client, t.response, false);
}

void Transport::sweep() {
    Clock::time_point now = Clock::now();
    for (auto it = m_served.begin(); it != m_served.end();) {
        ServerTransaction& t = it->second;
        bool forget = false;
        if (t.state == ServerState::Done && now - t.touched > m_options.reply_cache_for) {
            uint64_t& up_to = m_clients[{it->first.node, it->first.incarnation}].forgotten_up_to;
            up_to = std::max(up_to, it->first.transaction);
            forget = true;
        } else if (t.state == ServerState::Assembling && now - t.touched > 4 * m_options.dead_after) {
            forget = true;  // never executed: the client gave up
        }
        it = forget ? m_served.erase(it) : std::next(it);
    }
    std::weak_ptr<bool> alive = m_alive;
    m_sweep_timer.expires_after(kSweepEvery);
    m_sweep_timer.async_wait([this, alive](const boost::system::error_code& ec) {
        auto still = alive.lock();
        if (!still || !*still || ec) return;
        sweep();
    });
}

// ---- the client's calls -----------------------------------------------------------

void Transport::call(const Endpoint& server, std::string request, ResponseHandler done, milliseconds time_limit) {
    uint64_t transaction = ++m_next_transaction;
    if (request.size() > kMaxMessage) {
        asio::post(m_executor, [done = std::move(done)] { done(CallStatus::Dead, "message over 64 MiB"); });
        return;
    }
    Call& call = m_calls[transaction];
    call.server = server;
    call.request = cut(PacketKind::Request, m_incarnation, transaction, std::move(request));
    call.done = std::move(done);
    call.started = call.last_heard = Clock::now();
    call.deadline = time_limit.count() > 0 ? call.started + time_limit : Clock::time_point::max();
    call.interval = kFirstRetransmit;
    send_window(server, call.request, false);
    arm(transaction);
}

void Transport::arm(uint64_t transaction) {
    Call& call = m_calls.at(transaction);
    call.next_check = std::min({Clock::now() + call.interval, call.deadline, call.last_heard + m_options.dead_after});
    start_ticking();
}

// One timer for every call, not one per call: arming a timer of its own for
// each call costs a system call per transaction.
void Transport::start_ticking() {
    if (m_ticking) return;
    m_ticking = true;
    m_tick_timer.expires_after(kTick);
    std::weak_ptr<bool> alive = m_alive;
    m_tick_timer.async_wait([this, alive](const boost::system::error_code& ec) {
        auto still = alive.lock();
        if (!still || !*still || ec) return;
        tick();
    });
}

void Transport::tick() {
    m_ticking = false;
    Clock::time_point now = Clock::now();
    std::vector<uint64_t> due;
    for (auto& [transaction, call] : m_calls)
        if (call.next_check <= now) due.push_back(transaction);
    for (uint64_t transaction : due) on_timer(transaction);  // may finish calls, or start new ones
    if (!m_calls.empty()) start_ticking();
}

void Transport::on_timer(uint64_t transaction) {
    auto found = m_calls.find(transaction);
    if (found == m_calls.end()) return;
    Call& call = found->second;
    Clock::time_point now = Clock::now();
    if (now >= call.deadline) return finish(transaction, CallStatus::Timeout, "");
    if (now - call.last_heard >= m_options.dead_after) return finish(transaction, CallStatus::Dead, "");
    if (call.response.started) {
        report_missing(call.server, PacketKind::ResponseMissing, m_incarnation, transaction, call.response, true);
    } else if (call.server_working || call.request.acknowledged >= call.request.count() ||
               (call.request.count() > 1 && call.heard_from_server)) {
        // The server holds the request, or part of a group: ask rather than
        // flood it with a window it may already have.
        m_stats.probes++;
        send_control(call.server, PacketKind::Probe, m_incarnation, transaction);
    } else {
        send_window(call.server, call.request, true);
    }
    call.interval = std::min(call.interval * 2, kLongestRetransmit);
    arm(transaction);
}

void Transport::finish(uint64_t transaction, CallStatus status, std::string response) {
    auto found = m_calls.find(transaction);
    if (found == m_calls.end()) return;
    ResponseHandler done = std::move(found->second.done);
    m_calls.erase(found);
    done(status, std::move(response));
}

bool Transport::multicast_datagram(std::string message) {
    if (!m_multicast_socket) return false;
    m_stats.multicasts_sent++;
    send_datagram(m_options.multicast, std::move(message));
    return true;
}

void Transport::send_datagram(const Endpoint& to, std::string message) {
    if (message.size() > kMaxPayload) return;  // datagrams are one packet
    PacketHeader h = header(PacketKind::Datagram, m_incarnation, 0);
    h.message_size = static_cast<uint32_t>(message.size());
    std::string bytes;
    encode_packet(h, message, m_auth, bytes);
    send_raw(to, std::move(bytes));
}

// ---- sending, through the fault injector ----------------------------------------

void Transport::send_now(const Endpoint& to, const std::string& bytes) {
    boost::system::error_code ec;
    m_socket.send_to(asio::buffer(bytes), to, 0, ec);
    // A full socket buffer loses the packet as the network would: retransmission
    // recovers it.
    m_stats.packets_sent++;
}

void Transport::send_packet(const Endpoint& to, const Outgoing& out, uint32_t s) {
    const Outgoing::Frame& frame = out.frames[s];
    std::string_view payload = out.payload(s);
    if (m_options.faults.any()) {
        std::string bytes;
        bytes.reserve(kHeaderSize + payload.size() + kMacSize);
        bytes.append(frame.header, kHeaderSize).append(payload).append(frame.mac, kMacSize);
        return send_raw(to, std::move(bytes));
    }
    std::array<asio::const_buffer, 3> pieces{asio::buffer(frame.header, kHeaderSize),
                                             asio::buffer(payload.data(), payload.size()),
                                             asio::buffer(frame.mac, kMacSize)};
    boost::system::error_code ec;
    m_socket.send_to(pieces, to, 0, ec);  // lost when the buffer is full, as on a network
    m_stats.packets_sent++;
}

void Transport::send_raw(const Endpoint& to, std::string bytes) {
    const FaultSettings& f = m_options.faults;
    if (!f.any()) return send_now(to, bytes);
    std::uniform_real_distribution<double> chance(0, 1);
    if (chance(m_random) < f.drop) {
        m_stats.faults_dropped++;
        return;
    }
    int copies = chance(m_random) < f.duplicate ? 2 : 1;
    if (copies == 2) m_stats.faults_duplicated++;
    for (int c = 0; c < copies; c++) {
        uint32_t delay = 0;
        if (chance(m_random) < f.reorder) delay += 1 + static_cast<uint32_t>(m_random() % 5);
        if (f.delay_ms) delay += static_cast<uint32_t>(m_random() % (f.delay_ms + 1));
        if (!delay) {
            send_now(to, bytes);
            continue;
        }
        m_stats.faults_delayed++;
        auto timer = std::make_shared<asio::steady_timer>(m_executor, milliseconds(delay));
        std::weak_ptr<bool> alive = m_alive;
        timer->async_wait([this, alive, timer, to, bytes](const boost::system::error_code& ec) {
            auto still = alive.lock();
            if (!still || !*still || ec) return;
            send_now(to, bytes);
        });
    }
}

}  // namespace vb::kernel
