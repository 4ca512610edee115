#!/usr/bin/env bash
# scripts/fuzz.sh — builds the libFuzzer targets of tests/fuzz with clang into
# build-fuzz/ and runs them.
#
#   bash scripts/fuzz.sh [TARGET|all] [SECONDS] [-- LIBFUZZER_FLAGS...]
#
#   TARGET    compile, value or image (default: all, one after the other)
#   SECONDS   how long each target runs (default 60), -max_total_time
#
# Each run starts from the checked-in corpus (tests/fuzz/corpus/TARGET/, only
# read) and writes the inputs it finds to build-fuzz/new-corpus/TARGET/; a
# crashing input lands in build-fuzz/findings/TARGET/. tests/fuzz/TARGET.dict,
# when there is one, gives the mutator the format's words. To keep a finding, fix it
# and copy the input into the corpus (see tests/fuzz/README.md). Examples:
#
#   bash scripts/fuzz.sh compile 600
#   bash scripts/fuzz.sh image 60 -- -max_len=65536
#   build-fuzz/tests/fuzz/image_fuzzer build-fuzz/findings/image/crash-...   # replay one
#
# BUILD_DIR and JOBS override the build directory and the build's parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-all}
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
if [[ ${1:-} == "--" ]]; then shift; fi
extra=("$@")

case $target in
  all) targets=(compile value image) ;;
  compile | value | image) targets=("$target") ;;
  *) echo "fuzz.sh: unknown target '$target' (compile, value, image or all)" >&2; exit 2 ;;
esac
[[ $seconds =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2; }

build=${BUILD_DIR:-build-fuzz}
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVB_FUZZ=ON -DVB_SANITIZER_BUILD=OFF >/dev/null
cmake --build "$build" -j"${JOBS:-1}" --target "${targets[@]/%/_fuzzer}"

for t in "${targets[@]}"; do
  new="$build/new-corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$new" "$findings"
  dict=()
  if [[ -f tests/fuzz/$t.dict ]]; then dict=(-dict="tests/fuzz/$t.dict"); fi
  # The programs that images run report their errors on stderr: noise at
  # thousands of runs a second. libFuzzer keeps its own and the sanitizers' output.
  quiet=()
  if [[ $t == image ]]; then quiet=(-close_fd_mask=2); fi
  echo "== $t: ${seconds}s, new inputs in $new, findings in $findings"
  # One fuzzing process (the machine is shared). New inputs go to the first
  # directory; the checked-in corpus is only read. A minute on one input is a
  # hang: an image's run is bounded by reductions (work, allocation and output
  # count too), but under the sanitizers its last 100 MB of printing can take
  # ten seconds.
  "$build/tests/fuzz/${t}_fuzzer" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 \
    -artifact_prefix="$findings/" "${dict[@]}" "${quiet[@]}" -print_final_stats=1 "${extra[@]}" "$new" "tests/fuzz/corpus/$t"
done
