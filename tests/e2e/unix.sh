#!/usr/bin/env bash
# tests/e2e/unix.sh: the Unix conventions: -o - writes the file to standard
# output (refused on a terminal), db load/import read standard input, -q
# and -v on every command, NO_COLOR as no-color.org says, --version with
# the libraries' versions.
source "$(dirname "$0")/common.bash"
export SOURCE_DATE_EPOCH=1700000000
render_setup
ARGS=(--db "$DB" --agency STTTT-TV --period 2023-Q3)
# A pseudo-terminal for standard output: `script` runs the command on one
# and copies what it prints (CR LF line ends) into the file given.
on_tty() { local out=$1; shift; TERM=xterm script -qec "$*" "$out" > /dev/null; }

# --- -o -: the same bytes as a file, status lines on stderr only ---------
for f in pdf docx odt; do
  "$BAOCAO" render "${ARGS[@]}" -o "$OUT/file.$f" > "$WORK/file.out"
  "$BAOCAO" render "${ARGS[@]}" --format "$f" -o - > "$WORK/dash.$f" 2> "$WORK/dash.err"
  check "render -o - ($f): the bytes of render -o FILE.$f" cmp "$OUT/file.$f" "$WORK/dash.$f"
  check "render -o - ($f): its status line on stderr" \
    grep -qx "standard output: $(sed 's/^[^:]*: //' "$WORK/file.out")" "$WORK/dash.err"
done
"$BAOCAO" preview "${ARGS[@]}" --page 2 -o "$OUT/p2.png" > "$WORK/png.out"
"$BAOCAO" preview "${ARGS[@]}" --page 2 -o - > "$WORK/dash.png" 2> "$WORK/png.err"
check "preview -o -: the bytes of preview -o FILE.png" cmp "$OUT/p2.png" "$WORK/dash.png"
check "preview -o -: its status line on stderr" \
  grep -qx "standard output: $(sed 's/^[^:]*: //' "$WORK/png.out")" "$WORK/png.err"
check "render --stats -o -: the figures on stderr, stdout only the PDF" bash -c \
  "'$BAOCAO' render ${ARGS[*]@Q} --stats -o - 2> '$WORK/stats.err' | cmp -s - '$OUT/file.pdf' &&
   grep -q '^standard output: 11 pages, .* lines, ' '$WORK/stats.err'"

set +e
on_tty "$WORK/tty.txt" "'$BAOCAO' render ${ARGS[*]@Q} -o -"; code=$?
set -e
check "render -o - on a terminal: refused, exit 2 (got $code)" test "$code" -eq 2
check "render -o - on a terminal: says why, writes no PDF" bash -c \
  "grep -q 'standard output is a terminal: refusing to write a PDF to it' '$WORK/tty.txt' && ! grep -q '%PDF' '$WORK/tty.txt'"
set +e
on_tty "$WORK/tty.txt" "'$BAOCAO' preview ${ARGS[*]@Q} -o -"; code=$?
set -e
check "preview -o - on a terminal: refused, exit 2 (got $code)" test "$code" -eq 2
expect "preview --watch -o -: refused" 2 \
  "baocao preview: --watch draws again and again: give -o FILE or --terminal, not -o -" \
  preview "${ARGS[@]}" --watch -o -

# --- db load DB - and db import DB - -------------------------------------
"$BAOCAO" db init "$WORK/files.db" > /dev/null
"$BAOCAO" db init "$WORK/stdin.db" > /dev/null
for f in "$SRC"/samples/*.sql; do
  "$BAOCAO" db load "$WORK/files.db" "$f" > /dev/null
  "$BAOCAO" db load "$WORK/stdin.db" - < "$f" > "$WORK/load.out"
done
check "db load DB -: says it loaded <stdin>" grep -qx "$WORK/stdin.db: loaded <stdin>" "$WORK/load.out"
"$BAOCAO" db export "$WORK/files.db" "$WORK/x-files" > /dev/null
"$BAOCAO" db export "$WORK/stdin.db" "$WORK/x-stdin" > /dev/null
check "db load DB - < file.sql: the database of db load DB file.sql" diff -r "$WORK/x-files" "$WORK/x-stdin"
check "db export: not empty" test "$(wc -l < "$WORK/x-files/values.csv")" -gt 100

csvs=()
for t in agencies sections indicators periods signers reports recipients narratives agency_certificates; do
  csvs+=("$WORK/x-files/$t.csv")
done
"$BAOCAO" db init "$WORK/imp-files.db" > /dev/null
"$BAOCAO" db init "$WORK/imp-stdin.db" > /dev/null
"$BAOCAO" db import "$WORK/imp-files.db" "${csvs[@]}" "$WORK/x-files/values.csv" > "$WORK/imp-files.out"
"$BAOCAO" db import "$WORK/imp-stdin.db" "${csvs[@]}" - --table values \
  < "$WORK/x-files/values.csv" > "$WORK/imp-stdin.out"
check "db import DB - --table values: the same counts" \
  diff <(sed 's/^[^:]*: //' "$WORK/imp-files.out") <(sed 's/^[^:]*: //' "$WORK/imp-stdin.out")
"$BAOCAO" db export "$WORK/imp-files.db" "$WORK/y-files" > /dev/null
"$BAOCAO" db export "$WORK/imp-stdin.db" "$WORK/y-stdin" > /dev/null
check "db import DB - < values.csv: the database of db import DB values.csv" \
  diff -r "$WORK/y-files" "$WORK/y-stdin"
check "db import: values came in" test "$(wc -l < "$WORK/y-stdin/values.csv")" -eq "$(wc -l < "$WORK/x-files/values.csv")"
expect "db import -: without --table, refused" 2 \
  "baocao db import: standard input (-) needs the name of its table: --table TABLE, e.g. --table values (see baocao help db)" \
  db import "$WORK/imp-stdin.db" -
expect "db import - -: refused" 2 "baocao db import: standard input (-) can be read once" \
  db import "$WORK/imp-stdin.db" - - --table values
expect "db load - -: refused" 2 "baocao db load: standard input (-) can be read once" \
  db load "$WORK/imp-stdin.db" - -
printf 'agency_code,period_code,indicator_code,value\nSTTTT-TV,2023-Q3,nope,1\n' > "$WORK/bad.csv"
set +e
"$BAOCAO" db import "$WORK/imp-stdin.db" - --table values < "$WORK/bad.csv" 2> "$WORK/bad.err"; code=$?
set -e
check "db import -: a bad row is named <stdin>:LINE, exit 5 (got $code)" bash -c \
  "[ $code -eq 5 ] && grep -q '^baocao: <stdin>:2: ' '$WORK/bad.err'"
set +e
echo "INSERT INTO nope VALUES (1);" | "$BAOCAO" db load "$WORK/imp-stdin.db" - 2> "$WORK/bad.err"; code=$?
set -e
check "db load -: an error names <stdin>:LINE, exit 3 (got $code)" bash -c \
  "[ $code -eq 3 ] && grep -qx 'baocao: <stdin>:1: no such table: nope' '$WORK/bad.err'"

# --- -q and -v on every command -------------------------------------------
signing_key "$WORK/key.p12"
"$BAOCAO" render "${ARGS[@]}" -o "$WORK/unsigned.pdf" > /dev/null
mkdir -p "$WORK/received"
cp "$WORK/unsigned.pdf" "$WORK/received/"
# name|command: each succeeds; -q prints nothing, -v adds "baocao NAME: ...
# ms" on stderr and leaves stdout as it was (but for times and counters).
commands=(
  "render|render ${ARGS[*]} -o $WORK/q.pdf"
  "preview|preview ${ARGS[*]} -o $WORK/q.png"
  "check|check --db $DB --period 2023-Q3 --agencies STTTT-TV"
  "bulk|bulk --db $DB --period 2023-Q3 --agencies STTTT-TV -j 1 --out-dir $WORK/bulk"
  "db init|db init $WORK/q-init.db"
  "db load|db load $WORK/q-load.db $SRC/samples/tra_vinh_2023_q3.sql"
  "db upgrade|db upgrade $WORK/q-load.db"
  "db import|db import $WORK/q-import.db ${csvs[*]}"
  "db export|db export $DB $WORK/q-export"
  "db import-pdf|db import-pdf --db $WORK/q-pdf.db --accept-unsigned --parent UBND-TV $WORK/received"
  "sign|sign --p12 $WORK/key.p12 --password x --field ky_co_quan $WORK/unsigned.pdf -o $WORK/q-signed.pdf"
  "verify|verify --trust $WORK/key.p12.crt $WORK/signed.pdf"
)
"$BAOCAO" sign --p12 "$WORK/key.p12" --password x --field ky_co_quan "$WORK/unsigned.pdf" \
  -o "$WORK/signed.pdf" > /dev/null
fresh() { # the databases each run needs, new
  rm -rf "$WORK"/q-*.db "$WORK/q-export" "$WORK/bulk"
  "$BAOCAO" db init "$WORK/q-load.db" > /dev/null
  "$BAOCAO" db init "$WORK/q-import.db" > /dev/null
  cp "$WORK/files.db" "$WORK/q-pdf.db"
}
for entry in "${commands[@]}"; do
  name=${entry%%|*}; read -ra cmd <<< "${entry#*|}"
  for mode in "" -q -v; do
    fresh
    set +e
    "$BAOCAO" "${cmd[@]}" $mode > "$WORK/run$mode.out" 2> "$WORK/run$mode.err"; code=$?
    set -e
    [ "$code" -eq 0 ] || fail "$name $mode: exit $code: $(cat "$WORK/run$mode.err")"
  done
  check "$name: says something without -q" test -s "$WORK/run.out"
  check "$name -q: prints nothing" bash -c "[ ! -s '$WORK/run-q.out' ] && [ ! -s '$WORK/run-q.err' ]"
  check "$name -v: adds its details on stderr" \
    grep -q "^baocao $name: .*[0-9] ms\$" "$WORK/run-v.err"
  check "$name -v: stdout as without it (times and counts aside)" \
    diff <(sed 's/[0-9][0-9.]*/N/g' "$WORK/run.out") <(sed 's/[0-9][0-9.]*/N/g' "$WORK/run-v.out")
  if [ "$name" = render ]; then
    check "render -v: names the database, fonts and templates" \
      grep -qx "baocao render: database $DB, fonts $SRC/fonts, templates $SRC/templates" "$WORK/run-v.err"
  fi
done
expect "-q and -v together: refused" 2 "baocao render: -q and -v contradict each other: give one" \
  render "${ARGS[@]}" -q -v
set +e
"$BAOCAO" check --db "$DB" --period 2023-Q3 --agencies NOPE -q > "$WORK/out-q" 2>&1; code=$?
set -e
check "check -q: the exit code says (14), nothing printed (got $code)" \
  bash -c "[ $code -eq 14 ] && [ ! -s '$WORK/out-q' ]"
set +e
"$BAOCAO" render --db "$DB" --agency NOPE --period 2023-Q3 -q -o "$OUT/x.pdf" > "$WORK/out-q" 2> "$WORK/err-q"; code=$?
set -e
check "render -q: errors still printed (exit $code)" \
  bash -c "[ $code -eq 4 ] && [ ! -s '$WORK/out-q' ] && grep -q \"unknown agency 'NOPE'\" '$WORK/err-q'"

# --- NO_COLOR: only a value that is not empty ------------------------------
colour_run() { # NO_COLOR's value or "unset"; prints the file drawn
  local f="$WORK/colour-$1.txt" env=(env -u NO_COLOR)
  [ "$1" = unset ] || env=(env "NO_COLOR=$1")
  on_tty "$f" "COLUMNS=30 ${env[*]@Q} '$BAOCAO' preview ${ARGS[*]@Q} --terminal --graphics blocks"
  echo "$f"
}
has_colour() { grep -q $'\x1b\\[[34]8;2;' "$1"; }
no_colour() { ! has_colour "$1" && grep -q '[░▒▓█]' "$1"; }
check "NO_COLOR unset: colour on a terminal" has_colour "$(colour_run unset)"
check "NO_COLOR= (empty): colour, as no-color.org says" has_colour "$(colour_run '')"
check "NO_COLOR=1: no colour, the block characters" no_colour "$(colour_run 1)"

# --- --version -------------------------------------------------------------
"$BAOCAO" --version > "$WORK/version.txt"
version=$(sed -n 's/^project(baocao VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")
check "--version: the first line is baocao $version" test "$(head -1 "$WORK/version.txt")" = "baocao $version"
check "--version: one 'name version' a line, every library" bash -c \
  "tail -n +2 '$WORK/version.txt' | grep -v '^data: ' | cut -d' ' -f1 | LC_ALL=C sort | tr '\n' ' ' |
   grep -qx 'FreeType HarfBuzz OpenSSL SQLite cJSON cmark-gfm libdeflate libharu libpng libqpdf libzip utf8proc zlib '"
lib() { sed -n "s/^$1 //p" "$WORK/version.txt"; }
for pair in HarfBuzz:harfbuzz SQLite:sqlite3 cmark-gfm:libcmark-gfm libpng:libpng zlib:zlib libdeflate:libdeflate \
            libqpdf:libqpdf libzip:libzip cJSON:libcjson OpenSSL:openssl; do
  want=$(pkg-config --modversion "${pair#*:}")
  check "--version: ${pair%%:*} $(lib "${pair%%:*}") is pkg-config's ${pair#*:} $want" \
    test "$(lib "${pair%%:*}")" = "$want"
done
# FreeType's .pc has its libtool number, libharu has none and Debian's
# libutf8proc.pc lags its library: the package versions say.
for pair in FreeType:libfreetype6 libharu:libhpdf-2.3.0 utf8proc:libutf8proc2; do
  want=$(dpkg-query -W -f='${Version}' "${pair#*:}" 2>/dev/null | sed 's/^[0-9]*://; s/[+~-].*//')
  if [ -n "$want" ]; then
    check "--version: ${pair%%:*} $(lib "${pair%%:*}") is package ${pair#*:} $want" \
      test "$(lib "${pair%%:*}")" = "$want"
  else
    check "--version: ${pair%%:*} has a version" grep -Eq "^${pair%%:*} [0-9]+\.[0-9]+" "$WORK/version.txt"
  fi
done
finish
