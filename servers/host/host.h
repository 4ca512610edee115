// servers/host/host.h — what the `vb` executable's parts share: a team set up
// with the prelude, and running compiled code in it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/compile.h"
#include "vm/image/file.h"
#include "vm/team.h"

namespace vb::host {

struct Session {
    std::unique_ptr<Team> team;
    std::vector<std::string> builtins;  // prelude global names, for the compiler
};

// A team with the prelude loaded (session.cpp). Exits the process on an internal error.
Session start_session(const TeamOptions& options);

// An image read from a .vbi file, checked and ready for run_image.
struct OpenedImage {
    bool ok = false;
    image::Image image;
    image::FileInfo info;
    std::string error;  // why it cannot run, to follow "vb: FILE: "
};

// Reads an image file's bytes, checks its hash, its signature (by `trusted`
// when given), its prelude and stdlib versions, verifies it, and loads the stdlib
// modules it names into the session's team.
OpenedImage open_image(Session& session, std::string_view file_bytes, const image::PublicKey* trusted);

// Verifies and loads `image` into the session's team and runs its entry module.
// Returns the exit status (0, 1 for an uncaught error, 2 for a rejected image).
int run_image(Session& session, const image::Image& image, Value* result = nullptr);
// The same without running it: the entry module, or nullptr with the exit
// status in *status and the error on stderr.
ModuleObj* load_image(Session& session, const image::Image& image, int* status);

// Runs a program file's bytes in the session: an image (opened, and signed by
// `trusted` when given) or source (compiled; `repl`: as a REPL line, whose value
// is printed). Errors go to stderr. Returns the exit status: 2 for a refused
// image, 1 for a compile error or an uncaught error. exit(n) throws ExitProgram.
int run_program(Session& session, const std::string& path, const std::string& bytes,
                const image::PublicKey* trusted, bool repl = false);

// The same without running it (see load_image).
ModuleObj* load_program(Session& session, const std::string& path, const std::string& bytes,
                        const image::PublicKey* trusted, bool repl, int* status);

// Compiles source into image file bytes that name the stdlib they need; false,
// with the diagnostics on stderr, when it does not compile.
bool compile_image_file(Session& session, const std::string& path, const std::string& source, std::string* bytes);

// Whole files (files.cpp). false (and errno, or `error`) when it cannot be done;
// a write goes through PATH.tmp and a rename, with the file's `mode`.
bool read_file(const std::string& path, std::string* out);
bool write_file_atomically(const std::string& path, const std::string& bytes, int mode, std::string* error);

// The REPL (repl.cpp). Returns the exit status.
int run_repl(Session& session);

// `vb serve`, `vb nodes` and `vb ps` (serve.cpp; builds without the kernel lack them).
int command_serve(int argc, char** argv, int first_argument, const TeamOptions& options);
int command_nodes(int argc, char** argv, int first_argument);
int command_ps(int argc, char** argv, int first_argument);
int command_run(int argc, char** argv, int first_argument, const TeamOptions& options);

}  // namespace vb::host
