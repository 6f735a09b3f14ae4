#!/usr/bin/env bash
# tests/e2e/deb.sh: the Debian package from packaging/build-deb.sh: its
# Depends name the package of every shared library the binary needs (and
# of libqpdf, which it loads) and fonts-liberation2; it holds no fonts, the
# Debian docs, a stripped binary, root-owned files with Debian's modes;
# lintian finds no error; extracted with dpkg-deb -x into a temporary root,
# it renders from another directory with the system's fonts the same bytes
# as the build.
source "$(dirname "$0")/common.bash"
sample_db
DB=$WORK/baocao.db
export SOURCE_DATE_EPOCH=1700000000
ARGS=(render --db "$DB" --agency STTTT-TV --period 2023-Q3)
"$BAOCAO" "${ARGS[@]}" -o "$WORK/build.pdf" > /dev/null

if ! deb=$("$SRC/packaging/build-deb.sh" "$WORK/build" 2> "$WORK/build-deb.log"); then
  cat "$WORK/build-deb.log"
  fail "packaging/build-deb.sh"
  finish
fi
version=$(sed -n 's/^project(baocao VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")-1
arch=$(dpkg --print-architecture)
check "the package is baocao_${version}_$arch.deb" test "$deb" = "$WORK/build/baocao_${version}_$arch.deb"

# --- control fields ---
dpkg-deb -f "$deb" > "$WORK/control"
check "Package, Version, Architecture" bash -c "
  grep -qx 'Package: baocao' '$WORK/control' && grep -qx 'Version: $version' '$WORK/control' &&
  grep -qx 'Architecture: $arch' '$WORK/control'"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
check "Depends: fonts-liberation2" grep -qE '(^|, )fonts-liberation2(,|$)' <<< "$depends"

# --- contents ---
rm -rf "$WORK/root"
mkdir "$WORK/root"
dpkg-deb -x "$deb" "$WORK/root"
dpkg-deb -c "$deb" > "$WORK/contents"
check "no fonts in the package" bash -c "! grep -Eiq '\\.(ttf|otf|ttc)\$|/fonts/' '$WORK/contents'"
check "the binary, the templates and the Debian docs" bash -c "
  test -x '$WORK/root/usr/bin/baocao' &&
  diff -r '$SRC/templates' '$WORK/root/usr/share/baocao/templates' &&
  test -f '$WORK/root/usr/share/doc/baocao/copyright' &&
  zcat '$WORK/root/usr/share/doc/baocao/changelog.Debian.gz' | head -1 |
    grep -qx 'baocao ($version) unstable; urgency=medium'"
check "the man pages gzip-compressed, the completions, the Vietnamese messages" bash -c "
  for c in '' -render -preview -check -bulk -db -sign -verify; do
    gzip -t '$WORK/root/usr/share/man/man1/baocao'\$c.1.gz || exit 1
  done &&
  MANWIDTH=80 man -l '$WORK/root/usr/share/man/man1/baocao-render.1.gz' 2>/dev/null |
    grep -q -- '--font-family' &&
  test -f '$WORK/root/usr/share/bash-completion/completions/baocao' &&
  test -f '$WORK/root/usr/share/zsh/vendor-completions/_baocao' &&
  test -f '$WORK/root/usr/share/fish/vendor_completions.d/baocao.fish' &&
  test -f '$WORK/root/usr/share/locale/vi/LC_MESSAGES/baocao.mo'"
check "the extracted baocao finds its Vietnamese messages" bash -c "
  env -u LC_MESSAGES LANG=vi_VN.UTF-8 '$WORK/root/usr/bin/baocao' help xuat 2>&1 |
    grep -qx \"baocao: không có lệnh 'xuat'\""
check "every entry root/root; files 644, the binary and directories 755" python3 - "$WORK/contents" <<'PY'
import sys
bad = []
for line in open(sys.argv[1]):
    mode, owner, _size, _date, _time, path = line.split(None, 5)
    path = path.strip()
    want = "drwxr-xr-x" if mode[0] == "d" else \
        "-rwxr-xr-x" if path == "./usr/bin/baocao" else "-rw-r--r--"
    if owner != "root/root" or mode != want:
        bad.append(line.strip())
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
check "the binary is stripped" bash -c "
  ! readelf -S '$WORK/root/usr/bin/baocao' | grep -Eq '\\.symtab|\\.debug_'"
# in_depends SONAME DEPENDS: the package holding the library SONAME (as
# ldconfig finds it, under either side of the /usr merge) is in DEPENDS.
in_depends='
  in_depends() {
    local path p pkg=
    path=$(ldconfig -p | awk -v s="$1" "\$1 == s { print \$NF; exit }")
    [ -n "$path" ] || { echo "no $1"; return 1; }
    for p in "$path" "$(realpath "$path")" "${path#/usr}" "/usr$path"; do
      pkg=$(dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1)
      [ -n "$pkg" ] && break
    done
    [ -n "$pkg" ] || { echo "no package for $path"; return 1; }
    grep -qE "(^|, )$pkg( |,|\$)" <<< "$2" || { echo "$1 ($pkg) not in Depends"; return 1; }
  }'
# Each library the binary needs, by its package, is in Depends.
check "Depends names the package of every NEEDED library" bash -c "$in_depends"'
  for so in $(readelf -d "$0" | sed -n "s/.*(NEEDED).*\[\(.*\)\]/\1/p"); do
    in_depends "$so" "$1" || exit 1
  done' "$WORK/root/usr/bin/baocao" "$depends"

# libqpdf is loaded when a PDF is read (dlopen, src/pdf/pdfread.c), libzip
# when a draft is made (src/office/package.c): their packages are in
# Depends too, though no NEEDED names them.
for lib in libqpdf libzip; do
  check "Depends names $lib's package (loaded, not linked)" bash -c "$in_depends"'
    so=$(grep -ao "$2\.so\.[0-9][0-9]*" "$0" | head -1)
    [ -n "$so" ] || { echo "no $2 soname in the binary"; exit 1; }
    ! readelf -d "$0" | grep -q "\[$so\]" || { echo "$so is NEEDED"; exit 1; }
    in_depends "$so" "$1"' "$WORK/root/usr/bin/baocao" "$depends" "$lib"
done

# The signing module (src/sign/load.c): in the library directory, with
# the packages of what it links (OpenSSL, libp11) in Depends; the binary
# itself links neither; the extracted binary finds the module beside it.
module=$(find "$WORK/root/usr/lib" -name baocao-sign.so)
check "the signing module in /usr/lib/<triplet>/baocao" bash -c "
  [ -n '$module' ] && [[ '$module' == '$WORK/root/usr/lib/'*/baocao/baocao-sign.so ]]"
check "the binary does not link OpenSSL, libp11 or libzip" bash -c "
  ! readelf -d '$WORK/root/usr/bin/baocao' | grep -E '\[(libcrypto|libssl|libp11|libzip)'"
check "Depends names the package of every library the module needs" bash -c "$in_depends"'
  for so in $(readelf -d "$0" | sed -n "s/.*(NEEDED).*\[\(.*\)\]/\1/p"); do
    in_depends "$so" "$1" || exit 1
  done' "$module" "$depends"
check "the extracted baocao loads its signing module (--version names OpenSSL)" bash -c "
  '$WORK/root/usr/bin/baocao' --version | grep -Eq '^ *OpenSSL:? +3\.'"

# --- lintian ---
if command -v lintian > /dev/null; then
  set +e
  lintian --fail-on error "$deb" > "$WORK/lintian" 2> "$WORK/lintian.err"
  code=$?
  set -e
  echo "lintian (exit $code):"
  sed 's/^/  /' "$WORK/lintian"
  check "lintian: no error (exit 0, no E: line)" bash -c "[ $code -eq 0 ] && ! grep -q '^E:' '$WORK/lintian'"
else
  fail "lintian is not installed (build.sh PACKAGES)"
fi

# --- the extracted package renders ---
mkdir -p "$WORK/elsewhere"
run() { (cd "$WORK/elsewhere" && env -u BAOCAO_FONT_DIR -u BAOCAO_TEMPLATE_DIR "$@"); }
run "$WORK/root/usr/bin/baocao" --version > "$WORK/version"
check "--version names the extracted data directory" \
  grep -qx "data: $(realpath "$WORK/root/usr/share/baocao")" "$WORK/version"
strace -f -e trace=open,openat -o "$WORK/trace" \
  bash -c "cd '$WORK/elsewhere' && env -u BAOCAO_FONT_DIR -u BAOCAO_TEMPLATE_DIR \
    '$WORK/root/usr/bin/baocao' ${ARGS[*]} -o '$WORK/deb.pdf'" > /dev/null
check "the extracted binary renders the build's bytes" cmp "$WORK/build.pdf" "$WORK/deb.pdf"
check "with the system's fonts-liberation2" \
  grep -q '"/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"' "$WORK/trace"
check "and the package's templates" grep -q "\"$WORK/root/usr/share/baocao/templates/cchc_quy.md\"" "$WORK/trace"
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' > "$WORK/nofonts.conf"
set +e
FONTCONFIG_FILE=$WORK/nofonts.conf run "$WORK/root/usr/bin/baocao" "${ARGS[@]}" -o "$WORK/none.pdf" \
  > /dev/null 2> "$WORK/nofonts.err"
code=$?
set -e
check "without fonts-liberation2: exit 7 naming it" bash -c "
  [ $code -eq 7 ] && [ ! -e '$WORK/none.pdf' ] && grep -q 'apt install fonts-liberation2' '$WORK/nofonts.err'"
finish
