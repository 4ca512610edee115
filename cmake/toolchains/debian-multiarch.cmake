# cmake/toolchains/debian-multiarch.cmake — the part shared by the cross toolchain
# files next to it: Debian's cross compilers (g++-<triple>) with the target's
# libraries from multiarch packages (libsodium-dev:<arch>, installed by
# scripts/setup.sh). The including file sets VB_CROSS_TRIPLE, VB_CROSS_DEBIAN_ARCH
# and CMAKE_SYSTEM_PROCESSOR first. docs/portability.md describes the builds.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER ${VB_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${VB_CROSS_TRIPLE}-g++)

# Multiarch libraries live in /usr/lib/<triple>, outside the cross sysroot
# (/usr/<triple>), so they are found through the library architecture rather
# than a find root; programs still come from the build machine.
set(CMAKE_LIBRARY_ARCHITECTURE ${VB_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH /usr/${VB_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

# A fully static executable: qemu-user then runs it without -L and without the
# target's dynamic loader, which also saves start-up time on each of the
# hundreds of runs of tests/portability. The static archive of libsodium goes
# with it (find_library would pick the .so next to it).
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)
set(VB_SODIUM_LIBRARY /usr/lib/${VB_CROSS_TRIPLE}/libsodium.a CACHE FILEPATH "the target's static libsodium")
if(NOT EXISTS ${VB_SODIUM_LIBRARY})
  message(FATAL_ERROR "no ${VB_SODIUM_LIBRARY}: install libsodium-dev:${VB_CROSS_DEBIAN_ARCH} (scripts/setup.sh does)")
endif()

# libsodium's headers are the same on every architecture and sit in the build
# machine's /usr/include. Passing that directory to the cross compiler would put
# the build machine's libc headers in front of the target's, so the compiler sees
# a directory holding only libsodium's headers instead.
set(_vb_sodium_stage ${CMAKE_BINARY_DIR}/cross-include)
if(NOT EXISTS ${_vb_sodium_stage}/sodium.h)
  file(MAKE_DIRECTORY ${_vb_sodium_stage})
  file(CREATE_LINK /usr/include/sodium.h ${_vb_sodium_stage}/sodium.h SYMBOLIC)
  file(CREATE_LINK /usr/include/sodium ${_vb_sodium_stage}/sodium SYMBOLIC)
endif()
set(VB_SODIUM_INCLUDE ${_vb_sodium_stage} CACHE PATH "libsodium's headers, alone in a directory")
