// compiler/stdlib_sources.h — the stdlib's .vb sources, embedded at build time
// (stdlib/embed.cmake), so `import str` needs no file on disk.
#pragma once

#include <cstddef>
#include <string_view>

namespace vb::compiler {

struct StdlibModule {
    const char* name;
    const char* source;
};

const StdlibModule* stdlib_modules(size_t* count);

inline const char* stdlib_source(std::string_view name) {
    size_t count = 0;
    const StdlibModule* modules = stdlib_modules(&count);
    for (size_t i = 0; i < count; i++)
        if (name == modules[i].name) return modules[i].source;
    return nullptr;
}

}  // namespace vb::compiler
