// tests/unit/program_run.h — what the unit tests that run code in-process share:
// capturing a standard stream, a session set up as the host does it (a team
// with the prelude loaded, servers/host/session.cpp), compiling and running a
// program in it, and building a function of an image by hand.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include "compiler/compile.h"
#include "vm/image/verifier.h"
#include "vm/team.h"

namespace vb::testing {

// Redirects a standard stream (1 or 2) into a temporary file for its lifetime.
class Capture {
public:
    explicit Capture(int fd) : m_fd(fd), m_file(std::tmpfile()) {
        std::fflush(fd == 1 ? stdout : stderr);
        m_saved = dup(fd);
        dup2(fileno(m_file), fd);
    }
    ~Capture() {
        restore();
        std::fclose(m_file);
    }
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;

    std::string text() {
        restore();
        std::string out;
        std::rewind(m_file);
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, m_file)) > 0) out.append(buf, n);
        return out;
    }

private:
    void restore() {
        if (m_saved < 0) return;
        std::fflush(m_fd == 1 ? stdout : stderr);
        dup2(m_saved, m_fd);
        close(m_saved);
        m_saved = -1;
    }

    int m_fd;
    int m_saved = -1;
    std::FILE* m_file;
};

struct ProgramRun {
    int status = -1;    // 0, 1 (uncaught error), 2 (rejected image); exit(n) gives n
    bool compiled = false;
    std::string out;    // stdout of the run
    std::string err;    // stderr: compile errors or the uncaught error report
    Value value;        // the program's last value (REPL-style runs only)
};

// A team with the prelude loaded, like the host's Session.
class Session {
public:
    // `name`: programs are compiled as NAME1.vb, NAME2.vb, ... (in traces).
    explicit Session(TeamOptions options = {}, std::string name = "test") : m_name(std::move(name)) {
        team = std::make_unique<Team>(options);
        compiler::CompileResult prelude = compiler::compile_prelude();
        REQUIRE(prelude.ok);
        image::VerifyResult check = image::verify(prelude.image, 0);
        INFO(check.message());
        REQUIRE(check.ok);
        team->load_prelude(prelude.image);
        builtins = prelude.image.modules[prelude.image.entry].globals;
        REQUIRE(team->run_main(team->prelude()) == 0);
    }

    // Compiles and runs `source` as a program of its own (a fresh module path per
    // run, so that earlier programs of the same team are not reused).
    ProgramRun run(const std::string& source, bool repl = false) {
        ProgramRun r;
        std::string path = m_name + std::to_string(++m_runs) + ".vb";
        compiler::CompileOptions options;
        options.builtins = builtins;
        options.repl = repl;
        compiler::CompileResult compiled = compiler::compile_program(path, source, options);
        if (!compiled.ok) {
            r.err = compiled.errors;
            return r;
        }
        r.compiled = true;
        image::VerifyResult check = image::verify(compiled.image, builtins.size());
        if (!check.ok) {
            r.status = 2;
            r.err = check.message();
            return r;
        }
        Capture out(1), err(2);
        try {
            ModuleObj* entry = team->load(compiled.image);
            r.status = team->run_main(entry, &r.value);
        } catch (ExitProgram& exit) {
            r.status = exit.code;
        } catch (OutOfMemory&) {
            r.status = -2;  // loading the module did not fit in the heap
        }
        r.out = out.text();
        r.err = err.text();
        return r;
    }

    std::unique_ptr<Team> team;
    std::vector<std::string> builtins;

private:
    std::string m_name;
    int m_runs = 0;
};

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A function of an image from its code, with one line entry per instruction.
inline image::Function function(std::string name, uint16_t registers, std::vector<isa::Instr> code) {
    image::Function f;
    f.name = std::move(name);
    f.register_count = registers;
    f.code = std::move(code);
    f.lines.assign(f.code.size(), 1);
    return f;
}

}  // namespace vb::testing
