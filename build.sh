#!/usr/bin/env bash
# build.sh: the two commands of the README. On a fresh Debian 12 machine it
# installs what is missing (apt-get), builds, creates samples/baocao.db from
# the SQL sources in samples/, then either renders the sample reports into
# out/ (`./build.sh samples`) or runs every test (`./build.sh test`).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages: build tools, the libraries, and what the tests inspect
# PDFs with (and valgrind, for one render under memcheck). Apache PDFBox
# Preflight (tests/e2e/preflight.sh) is installed by ../shared/tools/preflight
# --install itself. The editable drafts' tests read .docx and .odt with
# python3-docx, python3-odf and xmllint, and convert them with LibreOffice
# (libreoffice-writer-nogui: 82 MB to download, about a minute to install)
# drawing Times New Roman as Liberation Serif (fonts-liberation2; without it
# fontconfig may pick DejaVu Serif). The man pages are checked with man-db
# and groff, the completion scripts in bash (bash-completion), zsh and fish;
# the pty tests of -q/-v and NO_COLOR use script (bsdutils). fonts-liberation2 is also the system
# copy of fonts/ that baocao takes through fontconfig (libfontconfig-dev),
# and tests/e2e/install.sh tries --font-family with fonts-dejavu-core and
# follows the installed binary's file accesses with strace;
# tests/e2e/deb.sh builds the Debian package (dpkg-dev: dpkg-shlibdeps,
# dpkg-buildflags) and checks it with lintian.
PACKAGES=(
  cmake make pkg-config gcc clang libclang-rt-14-dev
  libhpdf-dev libharfbuzz-dev libfreetype-dev libsqlite3-dev
  libutf8proc-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libpng-dev
  libssl-dev zlib1g-dev libcjson-dev libqpdf-dev libzip-dev libp11-dev
  check poppler-utils qpdf python3 python3-fitz python3-jsonschema openssl
  libnss3-tools valgrind mupdf-tools softhsm2 opensc
  libreoffice-writer-nogui fonts-liberation2 python3-docx python3-odf
  libxml2-utils man-db groff-base zsh fish bash-completion bsdutils strace
  libfontconfig-dev fontconfig fonts-dejavu-core dpkg-dev lintian
)

log() { printf '== %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() { # build DIR [cmake args...]
  local dir=$1; shift
  log "building in $dir"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)" >/dev/null
}

make_samples_db() {
  local db=samples/baocao.db
  log "creating $db"
  rm -f "$db"
  build/baocao db init "$db" >/dev/null
  for f in samples/*.sql; do
    build/baocao db load "$db" "$f" >/dev/null
  done
}

render_samples() {
  mkdir -p out
  # samples/reports.tsv: agency, period, output file (one report per line)
  while IFS=$'\t' read -r agency period file; do
    case "$agency" in ''|'#'*) continue ;; esac
    build/baocao render --db samples/baocao.db --agency "$agency" \
      --period "$period" -o "out/$file"
  done < samples/reports.tsv
}

case "${1:-}" in
  samples)
    install_missing
    build build
    make_samples_db
    render_samples
    ;;
  test)
    install_missing
    build build
    make_samples_db
    log "tests (gcc)"
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    # This build has the fuzz targets too (tests/fuzz): ctest replays their
    # corpora and regressions and runs each a few seconds.
    build build-asan -DCMAKE_C_COMPILER=clang -DBC_SANITIZE=ON
    log "tests (clang, AddressSanitizer + UndefinedBehaviorSanitizer, fuzz smoke runs)"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
    log "all tests passed"
    ;;
  *)
    echo "usage: ./build.sh samples | test" >&2
    exit 2
    ;;
esac
