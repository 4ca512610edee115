// servers/host/host.h — what the `vb` executable's parts share: a team set up
// with the prelude, and running compiled code in it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "vm/team.h"

namespace vb::host {

struct Session {
    std::unique_ptr<Team> team;
    std::vector<std::string> builtins;  // prelude global names, for the compiler
};

// A team with the prelude loaded. Exits the process on an internal error.
Session start_session(const TeamOptions& options);

// Verifies and loads `image` into the session's team and runs its entry module.
// Returns the exit status (0, 1 for an uncaught error, 2 for a rejected image).
int run_image(Session& session, const image::Image& image, Value* result = nullptr);

// The REPL (repl.cpp). Returns the exit status.
int run_repl(Session& session);

}  // namespace vb::host
