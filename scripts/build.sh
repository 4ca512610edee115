#!/usr/bin/env bash
# scripts/build.sh — installs what the project needs (scripts/setup.sh), then
# configures and builds everything into build/ (the `vb` binary is build/vb), and
# the portable core cross-built for aarch64 and s390x into build/cross/<arch>, which
# tests/portability runs under qemu-user (docs/portability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# ccache finds earlier compilations from any checkout of the project.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

# The cross builds' output goes to a log, shown only on failure: the static link
# warns about the REPL's dlopen every time, and that is expected there.
skipped=()
for arch in aarch64 s390x; do
  if ! command -v "$arch-linux-gnu-g++" >/dev/null || [ ! -e "/usr/lib/$arch-linux-gnu/libsodium.a" ]; then
    skipped+=("$arch")
    continue
  fi
  log="build/cross/$arch.log"
  mkdir -p build/cross
  start=$SECONDS
  if ! { cmake -S . -B "build/cross/$arch" -G Ninja -DVB_CORE_ONLY=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
           -DCMAKE_TOOLCHAIN_FILE="cmake/toolchains/$arch-linux-gnu.cmake" &&
         cmake --build "build/cross/$arch" -j"$(nproc)" --target vb; } >"$log" 2>&1; then
    cat "$log"
    echo "build: the $arch cross build failed (log: $log)" >&2
    exit 1
  fi
  echo "build: build/cross/$arch/vb ($((SECONDS - start)) s)"
done
if ((${#skipped[@]})); then
  echo "build: skipped the cross builds for ${skipped[*]}: no cross compiler or target libsodium (scripts/setup.sh installs them)"
fi
