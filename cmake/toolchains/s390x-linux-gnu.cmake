# cmake/toolchains/s390x-linux-gnu.cmake — cross build of the vb core for IBM Z
# (big-endian, unsigned plain char): g++-s390x-linux-gnu and libsodium-dev:s390x.
# Used by scripts/build.sh for build/cross/s390x.
set(VB_CROSS_TRIPLE s390x-linux-gnu)
set(VB_CROSS_DEBIAN_ARCH s390x)
set(CMAKE_SYSTEM_PROCESSOR s390x)
include(${CMAKE_CURRENT_LIST_DIR}/debian-multiarch.cmake)
