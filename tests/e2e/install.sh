#!/usr/bin/env bash
# tests/e2e/install.sh: `cmake --install` into a prefix and into a DESTDIR
# stage; the installed baocao, run from / with no environment, finds its
# data in PREFIX/share/baocao (not the source tree) and renders the same
# bytes as the build's; the fonts come from the system's fontconfig, else
# from the installed copy; --font-family picks an installed family and
# refuses one fontconfig would substitute.
source "$(dirname "$0")/common.bash"
BUILD=$(dirname "$BAOCAO")
[ -f "$BUILD/cmake_install.cmake" ] || { echo "no cmake_install.cmake in $BUILD"; exit 1; }
sample_db
DB=$WORK/baocao.db
export SOURCE_DATE_EPOCH=1700000000
ARGS=(render --db "$DB" --agency STTTT-TN --period 2024-01-01..2024-07-31)

# The build's own PDF, fonts and templates from the source tree.
"$BAOCAO" "${ARGS[@]}" -o "$WORK/build.pdf" > /dev/null

# --- cmake --install --prefix ---
prefix=$WORK/usr
cmake --install "$BUILD" --prefix "$prefix" > "$WORK/install.log"
check "bin/baocao installed, executable" test -x "$prefix/bin/baocao"
check "templates installed as in the source tree" diff -r "$SRC/templates" "$prefix/share/baocao/templates"
check "the bundled fonts installed (BAOCAO_BUNDLE_FONTS)" bash -c "
  for f in Regular Bold Italic BoldItalic; do
    cmp \"$SRC/fonts/LiberationSerif-\$f.ttf\" \"$prefix/share/baocao/fonts/LiberationSerif-\$f.ttf\" || exit 1
  done; test -f '$prefix/share/baocao/fonts/LICENSE-OFL.txt'"
check "files 644, directories 755" bash -c "
  [ -z \"\$(find '$prefix' -type f ! -perm 644 ! -path '*/bin/baocao')\" ] &&
  [ -z \"\$(find '$prefix' -type d ! -perm 755)\" ] && [ \"\$(stat -c %a '$prefix/bin/baocao')\" = 755 ]"

data=$(realpath "$prefix/share/baocao")
# The installed binary, run from / with no overrides: env -u drops the
# directories common.bash exports.
installed() { (cd / && env -u BAOCAO_FONT_DIR -u BAOCAO_TEMPLATE_DIR -u BAOCAO_TRUST "$@"); }
installed "$prefix/bin/baocao" --version > "$WORK/version"
check "--version names the installed data directory" grep -qx "data: $data" "$WORK/version"
check "the build's --version names the source tree" bash -c "
  '$BAOCAO' --version | grep -qx 'data: $(realpath "$SRC")'"
installed "$prefix/bin/baocao" "${ARGS[@]}" -o "$WORK/installed.pdf" > /dev/null
check "installed render from /: the same bytes as the build's" cmp "$WORK/build.pdf" "$WORK/installed.pdf"

# Nothing under the source tree is opened: every template and font comes
# from the prefix or the system. (LeakSanitizer cannot run under ptrace:
# the other runs check leaks.)
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -e trace=open,openat,stat,newfstatat,access -o "$WORK/trace" \
  bash -c "cd / && env -u BAOCAO_FONT_DIR -u BAOCAO_TEMPLATE_DIR '$prefix/bin/baocao' \
    render --db '$DB' --agency STTTT-TN --period 2024-01-01..2024-07-31 -o '$WORK/traced.pdf'" > /dev/null
check "strace: templates read from the prefix" grep -q "\"$data/templates/cchc_dcs.md\"" "$WORK/trace"
# (realpath stats the work directory's ancestors, which are in the build
# tree: those are not read.)
check "strace: no file of the source tree touched" python3 - "$WORK/trace" "$SRC" "$WORK" <<'PY'
import re, sys
trace, src, work = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3].rstrip("/")
bad = [p for p in re.findall(r'"(/[^"]*)"', open(trace).read())
       if p.startswith(src + "/") and not p.startswith(work + "/")
       and not (work + "/").startswith(p.rstrip("/") + "/")]
print("\n".join(sorted(set(bad))))
sys.exit(1 if bad else 0)
PY
check "strace: the fonts from the system's fonts-liberation2" \
  grep -q '"/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"' "$WORK/trace"
check "strace: found there without loading fontconfig's configuration" \
  bash -c "! grep -q '/etc/fonts/fonts.conf' '$WORK/trace'"

# The prefix moved elsewhere still works (the data directory follows the
# executable), and its templates are the ones used: a changed copy shows.
mv "$prefix" "$WORK/moved"
moved=$WORK/moved
installed "$moved/bin/baocao" --version > "$WORK/version2"
check "moved: --version names the new place" grep -qx "data: $(realpath "$moved/share/baocao")" "$WORK/version2"
sed -i 's/^Trên đây là Báo cáo/Dòng thử cài đặt. Trên đây là Báo cáo/' "$moved/share/baocao/templates/cchc_dcs.md"
installed "$moved/bin/baocao" "${ARGS[@]}" -o "$WORK/moved.pdf" > /dev/null
check "moved: the installed (changed) template is the one read" bash -c "
  pdftotext '$WORK/moved.pdf' - | grep -q 'Dòng thử cài đặt' &&
  ! pdftotext '$WORK/build.pdf' - | grep -q 'Dòng thử cài đặt'"
cp "$SRC/templates/cchc_dcs.md" "$moved/share/baocao/templates/cchc_dcs.md"

# Without Liberation Serif among the system's fonts (fontconfig with no
# font directory), the installed copy is the fallback: same bytes.
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' > "$WORK/nofonts.conf"
FONTCONFIG_FILE=$WORK/nofonts.conf installed "$moved/bin/baocao" "${ARGS[@]}" -o "$WORK/fallback.pdf" > /dev/null
check "no system fonts: the installed fonts, the same bytes" cmp "$WORK/build.pdf" "$WORK/fallback.pdf"
mv "$moved/share/baocao/fonts" "$WORK/fonts.away"
set +e
FONTCONFIG_FILE=$WORK/nofonts.conf installed "$moved/bin/baocao" "${ARGS[@]}" -o "$WORK/none.pdf" \
  > /dev/null 2> "$WORK/nofonts.err"
code=$?
set -e
check "no fonts anywhere: exit 7 naming fonts-liberation2, no PDF" bash -c "
  [ $code -eq 7 ] && [ ! -e '$WORK/none.pdf' ] && [ \"\$(cat '$WORK/nofonts.err')\" = \"baocao: Liberation Serif 2 is not among the system's fonts (Debian: apt install fonts-liberation2) and '$(realpath "$moved/share/baocao")/fonts' does not exist\" ]"
mv "$WORK/fonts.away" "$moved/share/baocao/fonts"

# --- --font-family ---
if fc-list : family | grep -qx 'DejaVu Serif'; then
  "$BAOCAO" "${ARGS[@]}" --font-family "DejaVu Serif" -o "$WORK/dejavu.pdf" > /dev/null
  pdffonts "$WORK/dejavu.pdf" > "$WORK/dejavu.fonts"
  check "--font-family 'DejaVu Serif': its four faces embedded, no Liberation" bash -c "
    for f in DejaVuSerif DejaVuSerif-Bold DejaVuSerif-Italic DejaVuSerif-BoldItalic; do
      grep -Eq \"^[A-Z]{6}\\+\$f +CID TrueType +(Custom|Identity-H) +yes +yes +yes\" '$WORK/dejavu.fonts' || exit 1
    done; ! grep -q Liberation '$WORK/dejavu.fonts'"
  "$BAOCAO" preview --db "$DB" --agency STTTT-TN --period 2024-01-01..2024-07-31 --font-family "DejaVu Serif" \
    -o "$WORK/dejavu.png" > /dev/null
  "$BAOCAO" preview --db "$DB" --agency STTTT-TN --period 2024-01-01..2024-07-31 -o "$WORK/liberation.png" > /dev/null
  check "preview --font-family draws another face" bash -c "! cmp -s '$WORK/dejavu.png' '$WORK/liberation.png'"
else
  fail "fonts-dejavu-core is not installed (build.sh PACKAGES)"
fi
"$BAOCAO" "${ARGS[@]}" --font-family "liberation serif" -o "$WORK/named.pdf" > /dev/null
check "--font-family 'liberation serif' (case aside): the default's bytes" cmp "$WORK/build.pdf" "$WORK/named.pdf"
OUT=$WORK/out
mkdir -p "$OUT"
for cmd in render check bulk preview; do
  case $cmd in
    render|preview) a=("$cmd" --db "$DB" --agency STTTT-TN --period 2024-01-01..2024-07-31 -o "$OUT/x.pdf") ;;
    check) a=(check --db "$DB" --period 2023-Q3) ;;
    bulk) a=(bulk --db "$DB" --period 2023-Q3 -q --out-dir "$OUT/bulk") ;;
  esac
  [ "$cmd" = preview ] && a[-1]=$OUT/x.png
  expect "$cmd --font-family of a family not installed" 7 \
    "baocao: font family 'No Such Family Serif' is not installed (fontconfig has no family of that name; fc-list : family lists them)" \
    "${a[@]}" --font-family "No Such Family Serif"
done
# fontconfig substitutes DejaVu Sans for a family it does not have and
# Liberation Serif for Times New Roman unless the real one is installed.
if ! fc-list : family | grep -qix 'Times New Roman'; then
  expect "--font-family 'Times New Roman' when only its metric twin is installed" 7 \
    "baocao: font family 'Times New Roman' is not installed (fontconfig has no family of that name; fc-list : family lists them)" \
    "${ARGS[@]}" --font-family "Times New Roman" -o "$OUT/tnr.pdf"
fi
# A family with its regular face only: fontconfig would embolden it.
mkdir -p "$WORK/onlyregular"
cp "$SRC/fonts/LiberationSerif-Regular.ttf" "$WORK/onlyregular/"
cat > "$WORK/onlyregular.conf" <<XML
<?xml version="1.0"?>
<fontconfig><dir>$WORK/onlyregular</dir><cachedir>$WORK/fccache</cachedir>
<include ignore_missing="yes">/etc/fonts/conf.d/90-synthetic.conf</include></fontconfig>
XML
FONTCONFIG_FILE=$WORK/onlyregular.conf expect "--font-family of a family with no bold face" 7 \
  "baocao: font family 'Liberation Serif' has no bold face" \
  "${ARGS[@]}" --font-family "Liberation Serif" -o "$OUT/x.pdf"
expect "--font-dir with --font-family" 2 "baocao render: --font-dir and --font-family exclude each other" \
  "${ARGS[@]}" --font-family "DejaVu Serif" --font-dir "$SRC/fonts" -o "$OUT/x.pdf"

# --- DESTDIR staging ---
stage=$WORK/stage
DESTDIR=$stage cmake --install "$BUILD" --prefix /usr/local > "$WORK/stage.log"
(cd "$stage" && find . -type f | sort) > "$WORK/staged"
check "DESTDIR: everything under DESTDIR/usr/local" bash -c "! grep -v '^\./usr/local/' '$WORK/staged'"
check "DESTDIR: the binary, every template and the fonts" bash -c "
  grep -qx './usr/local/bin/baocao' '$WORK/staged' &&
  for t in \$(cd '$SRC' && find templates -type f); do grep -qx \"./usr/local/share/baocao/\$t\" '$WORK/staged' || exit 1; done &&
  for f in LiberationSerif-Regular.ttf LiberationSerif-Bold.ttf LiberationSerif-Italic.ttf LiberationSerif-BoldItalic.ttf LICENSE-OFL.txt; do
    grep -qx \"./usr/local/share/baocao/fonts/\$f\" '$WORK/staged' || exit 1; done"
check "DESTDIR: no Debian docs outside the package build" bash -c "! grep -q changelog.Debian '$WORK/staged'"
installed "$stage/usr/local/bin/baocao" --version > "$WORK/version3"
check "DESTDIR: the staged binary finds the staged data" grep -qx "data: $(realpath "$stage/usr/local/share/baocao")" "$WORK/version3"
finish
