#!/usr/bin/env bash
# packaging/build-deb.sh [BUILD_DIR]: the Debian package of baocao. Configures
# BUILD_DIR (default build-deb) for /usr with Debian's flags (dpkg-buildflags:
# hardening), without the bundled fonts (the package depends on
# fonts-liberation2) and with the Debian docs, builds, and runs
# `cpack -G DEB`; prints the path of BUILD_DIR/baocao_VERSION-1_ARCH.deb.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$src/build-deb}
# hardening=+all: also -z now (bindnow) and the other optional hardening.
flags() { DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get "$1"; }
# CMAKE_BUILD_TYPE=None, as debhelper's cmake build: only Debian's flags.
CFLAGS="$(flags CFLAGS) $(flags CPPFLAGS)" LDFLAGS="$(flags LDFLAGS)" \
  cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=None -DCMAKE_INSTALL_PREFIX=/usr \
    -DBAOCAO_BUNDLE_FONTS=OFF -DBAOCAO_DEBIAN=ON -DBC_TESTS=OFF >/dev/null
cmake --build "$dir" -j "$(nproc)" >/dev/null
(cd "$dir" && cpack -G DEB >/dev/null)
ls "$dir"/baocao_*.deb
