// servers/host/repl.cpp — the interactive REPL: line editing and history with
// libedit (~/.vb_history; loaded with dlopen only when the REPL starts on a
// terminal, so programs run without it and start smaller), multi-line input while a construct is open, the value
// of each expression printed, definitions kept across lines (each line extends
// the module "<repl>"), and errors that never end the session.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "servers/host/host.h"
#include "vm/value_ops.h"

#ifndef VB_VERSION
#define VB_VERSION "0.0.0"
#endif

#include <dlfcn.h>

namespace vb::host {

namespace {

const char kHelp[] =
    "Type vb code and press Enter; the value of an expression is printed.\n"
    "A line that leaves a bracket or block open continues on the next line.\n"
    "Commands:\n"
    "  :help        this text\n"
    "  :load FILE   run a file in this session (its definitions stay)\n"
    "  :quit        leave (so does Ctrl-D)\n";

// The few libedit functions the REPL uses, found at run time.
struct LineEditing {
    char* (*readline)(const char*) = nullptr;
    int (*add_history)(const char*) = nullptr;
    int (*read_history)(const char*) = nullptr;
    int (*write_history)(const char*) = nullptr;
    void (*using_history)() = nullptr;

    bool load() {
        void* library = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
        if (!library) return false;
        readline = reinterpret_cast<decltype(readline)>(dlsym(library, "readline"));
        add_history = reinterpret_cast<decltype(add_history)>(dlsym(library, "add_history"));
        read_history = reinterpret_cast<decltype(read_history)>(dlsym(library, "read_history"));
        write_history = reinterpret_cast<decltype(write_history)>(dlsym(library, "write_history"));
        using_history = reinterpret_cast<decltype(using_history)>(dlsym(library, "using_history"));
        return readline && add_history && read_history && write_history && using_history;
    }
};

class LineReader {
public:
    LineReader() : m_interactive(isatty(0) && isatty(1)) {
        if (m_interactive && m_editing.load()) {
            m_edit = true;
            const char* home = std::getenv("HOME");
            if (home) m_history = std::string(home) + "/.vb_history";
            m_editing.using_history();
            if (!m_history.empty()) m_editing.read_history(m_history.c_str());
        }
    }

    bool interactive() const { return m_interactive; }

    // False at the end of input.
    bool read(const char* prompt, std::string* line) {
        if (m_edit) {
            char* text = m_editing.readline(prompt);
            if (!text) return false;
            *line = text;
            std::free(text);
            if (!line->empty()) {
                m_editing.add_history(line->c_str());
                if (!m_history.empty()) m_editing.write_history(m_history.c_str());
            }
            return true;
        }
        if (m_interactive) {
            std::fputs(prompt, stdout);
            std::fflush(stdout);
        }
        // getline(3), not std::cin: <iostream> would build the C++ locale at
        // the start of every vb process, REPL or not.
        char* text = nullptr;
        size_t capacity = 0;
        ssize_t n = ::getline(&text, &capacity, stdin);
        if (n < 0) {
            std::free(text);
            return false;
        }
        if (n > 0 && text[n - 1] == '\n') n--;
        line->assign(text, static_cast<size_t>(n));
        std::free(text);
        return true;
    }

private:
    bool m_interactive;
    bool m_edit = false;
    LineEditing m_editing;
    std::string m_history;
};

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

}  // namespace

int run_repl(Session& session) {
    LineReader reader;
    if (reader.interactive()) std::printf("vb %s — :help for help, :quit to leave\n", VB_VERSION);
    std::vector<compiler::ModuleGlobal> globals;
    std::string buffer;
    std::string line;
    while (reader.read(buffer.empty() ? "vb> " : "... ", &line)) {
        if (buffer.empty()) {
            std::string command = trim(line);
            if (command.empty()) continue;
            if (command[0] == ':') {
                if (command == ":quit" || command == ":q" || command == ":exit") break;
                if (command == ":help" || command == ":h") {
                    std::fputs(kHelp, stdout);
                    continue;
                }
                if (command.rfind(":load", 0) == 0) {
                    std::string file = trim(command.substr(5));
                    if (file.empty() || !read_file(file, &line)) {
                        std::fprintf(stderr, "cannot open '%s'\n", file.c_str());
                        continue;
                    }
                    // Run it as REPL input, so its definitions stay in the session.
                } else {
                    std::fprintf(stderr, "unknown command '%s' (:help lists them)\n", command.c_str());
                    continue;
                }
            }
        }
        buffer += line;
        buffer += "\n";
        compiler::CompileOptions options;
        options.builtins = session.builtins;
        options.repl = true;
        options.repl_globals = globals;
        compiler::CompileResult compiled = compiler::compile_program("<repl>", buffer, options);
        if (!compiled.ok && compiled.incomplete) continue;
        buffer.clear();
        if (!compiled.ok) {
            std::fflush(stdout);
            std::fputs(compiled.errors.c_str(), stderr);
            continue;
        }
        globals = compiled.globals;
        Value result;
        try {
            int status = run_image(session, compiled.image, &result);
            if (status == 0 && !result.is_nil()) std::printf("%s\n", to_repr(result).c_str());
        } catch (ExitProgram& exit) {
            std::fflush(stdout);
            return exit.code;
        }
        std::fflush(stdout);
    }
    if (reader.interactive()) std::printf("\n");
    return 0;
}

}  // namespace vb::host
