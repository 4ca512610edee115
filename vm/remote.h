// vm/remote.h — what a team needs from the kernel beneath it (kernel-bridge/)
// to reach processes it does not hold: other teams of this VM and teams on
// other nodes. A team without a RemotePort (a plain `vb prog.vb`) is a world of
// its own, as before.
//
// The port is called on the team's thread; what comes back — replies to the
// team's sends, requests and datagrams for its processes — arrives as
// RemoteEvents through Team::post, from the kernel's thread. Messages cross in
// the portable value encoding (vm/encoding/value_codec.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

class Team;

// A message the port carries is encoded after room for the kernel's own header
// (operation, to, from; or a reply's status), so that the kernel writes its
// header in place instead of copying a message of up to 64 MiB behind it.
constexpr size_t kMessageHeadroom = 17;  // before a request or a datagram
constexpr size_t kReplyHeadroom = 1;     // before a reply

enum class RemoteStatus : uint8_t { Ok, Dead, Timeout };

struct RemoteEvent {
    enum class Kind : uint8_t { Reply, Request, Datagram, Input };
    Kind kind = Kind::Reply;
    uint64_t to = 0;     // the local process it is for
    uint64_t from = 0;   // the peer: who replied, asked, or sent
    RemoteStatus status = RemoteStatus::Ok;  // Reply; Input: Dead at the end of input
    uint64_t token = 0;  // Request: answer with RemotePort::reply(token, ...)
    std::string bytes;   // the message, encoded, from `offset` on
    size_t offset = 0;
    std::string why;     // Reply that is not Ok: what happened
    std::string_view message() const { return std::string_view(bytes).substr(offset); }
};

class RemotePort {
public:
    virtual ~RemotePort() = default;

    virtual uint32_t node_id() const = 0;
    virtual std::string node_name() const = 0;
    // A process number unique on this node, across all of its teams.
    virtual uint32_t new_local_id() = 0;

    // Where the kernel delivers what arrives for a process of `team`.
    virtual void attach(Team& team, uint64_t pid) = 0;
    virtual void detach(uint64_t pid) = 0;

    // A request from `from` (a process of `team`) to `to`, which `team` does not
    // hold; the answer comes back as a Reply event for `from`. `bytes`: the
    // encoded message after kMessageHeadroom bytes.
    virtual void send(Team& team, uint64_t from, uint64_t to, std::string bytes) = 0;
    // The answer to a Request event: Ok, the encoded reply after kReplyHeadroom
    // bytes; else a text that says why there is none.
    virtual void reply(uint64_t token, RemoteStatus status, std::string bytes) = 0;
    virtual void datagram(uint64_t from, uint64_t to, std::string bytes) = 0;  // as send()
    // A datagram to every member of `group` that `team` does not hold: one
    // multicast for the whole cluster where it has IP multicast.
    virtual void group_datagram(const Team& team, uint64_t from, uint64_t group, std::string bytes) = 0;

    // Delivers `event` to whichever team holds event.to, if one still does: how
    // work a team started on a thread of its own (a line of input) comes back.
    virtual void post_event(RemoteEvent event) = 0;

    // Group membership across the cluster.
    virtual void join(uint64_t group, uint64_t pid) = 0;
    virtual void leave(uint64_t group, uint64_t pid) = 0;
    // Members of `group` that `team` does not hold.
    virtual std::vector<uint64_t> remote_members(const Team& team, uint64_t group) = 0;
};

}  // namespace vb
