#!/usr/bin/env bash
# scripts/setup.sh — installs, idempotently, every Debian package the project needs:
# the build (CMake, Ninja, ccache, GCC), the libraries of every layer (Boost.Asio,
# libffi, LLVM 19, SDL2, libsodium, libedit, Catch2), the GUI test tools (Xvfb),
# the benchmark references (lua5.4, luajit, python3, GNU time, erlang), clang for
# fuzzing, and qemu-user with the aarch64 and s390x cross compilers and those
# targets' libsodium (multiarch) for portability.
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  cmake g++ ninja-build ccache pkg-config make catch2 libboost1.81-dev libffi-dev
  llvm-19-dev libzstd-dev libsdl2-dev libsodium-dev libedit-dev
  xvfb xauth x11-apps imagemagick iproute2 nftables tmux
  lua5.4 luajit python3 time erlang-base
  clang llvm
  qemu-user g++-aarch64-linux-gnu g++-s390x-linux-gnu
  libsodium-dev:arm64 libsodium-dev:s390x
)
# The cross builds link the target's libsodium, from Debian's multiarch packages
# (the :arm64 and :s390x above), which need their architectures known to dpkg.
foreign_architectures=(arm64 s390x)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

# Read whole, not piped into grep -q: with pipefail, dpkg killed by SIGPIPE would
# count as "not added".
known_architectures=" $(dpkg --print-foreign-architectures | tr '\n' ' ') "
for a in "${foreign_architectures[@]}"; do
  if [[ $known_architectures != *" $a "* ]]; then
    echo "setup: adding the $a architecture"
    "${sudo_cmd[@]}" dpkg --add-architecture "$a"
  fi
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all packages present"
