# cmake/toolchains/aarch64-linux-gnu.cmake — cross build of the vb core for 64-bit
# Arm (little-endian, unsigned plain char): g++-aarch64-linux-gnu and
# libsodium-dev:arm64. Used by scripts/build.sh for build/cross/aarch64.
set(VB_CROSS_TRIPLE aarch64-linux-gnu)
set(VB_CROSS_DEBIAN_ARCH arm64)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-multiarch.cmake)
