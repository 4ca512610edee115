#!/usr/bin/env bash
# scripts/test.sh — the project's test command: set up, build, and run every test
# through ctest (unit tests, the .vb language suite normally, under GC stress and
# with AddressSanitizer + UBSan, the documentation's examples, examples/, the REPL
# and the command line).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir build --output-on-failure --no-tests=error -j"$(nproc)" --timeout 300
