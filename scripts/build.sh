#!/usr/bin/env bash
# scripts/build.sh — installs what the project needs (scripts/setup.sh), then
# configures and builds everything into build/ (the `vb` binary is build/vb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# ccache finds earlier compilations from any checkout of the project.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
