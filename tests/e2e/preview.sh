#!/usr/bin/env bash
# tests/e2e/preview.sh: `baocao preview` against the PDF it previews:
# pages of the Trà Vinh sample (and a table over pages with a landscape phụ
# lục) drawn at 100 dpi and compared pixel by pixel with pdftoppm's
# rendering of the PDF; a page out of range, bad options, the default
# output name, the terminal drawing, --watch, and the help text.
source "$(dirname "$0")/common.bash"
sample_db
DB=$WORK/baocao.db
export SOURCE_DATE_EPOCH=1700000000
PREVIEW=(preview --db "$DB" --agency STTTT-TV --period 2023-Q3)

# compare NAME PDF PAGE [preview options]: preview PAGE at 100 dpi and
# pdftoppm's rendering of the PDF's PAGE, pixel by pixel. Measured on
# Debian 12 (poppler 22.12, FreeType 2.12): mean 0.04-0.25 grey levels,
# 99.98% or more of the pixels within 64 levels.
compare() {
  local name=$1 pdf=$2 page=$3; shift 3
  "$BAOCAO" "${PREVIEW[@]}" --page "$page" -o "$WORK/$name.png" "$@" > /dev/null
  pdftoppm -r 100 -gray -f "$page" -l "$page" -singlefile "$pdf" "$WORK/$name-ref"
  check "pixels: $name like pdftoppm's" python3 "$SRC/tests/e2e/pixels.py" \
    "$WORK/$name.png" "$WORK/$name-ref.pgm" 0.4 99.95
}

# --- the sample, page 1 and the last page --------------------------------
"$BAOCAO" render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/tv.pdf" > /dev/null
pages=$(pdfinfo "$WORK/tv.pdf" | sed -n 's/^Pages: *//p')
"$BAOCAO" "${PREVIEW[@]}" -o "$WORK/p1.png" > "$WORK/p1.out"
check "one line: path, page, size, bytes" grep -qE \
  "^$WORK/p1.png: page 1 of $pages, 827 x 1170 pixels, [0-9]+ bytes\$" "$WORK/p1.out"
compare page1 "$WORK/tv.pdf" 1
compare "page$pages" "$WORK/tv.pdf" "$pages"
"$BAOCAO" "${PREVIEW[@]}" --dpi 50 -o "$WORK/dpi50.png" > "$WORK/dpi50.out"
check "--dpi 50: 414 x 585" grep -q ' 414 x 585 pixels' "$WORK/dpi50.out"

# --- rules: a table over pages, a landscape phụ lục -----------------------
TPL=$WORK/tpl
table_templates "$TPL"
"$BAOCAO" render --db "$DB" --agency STTTT-TV --period 2023-Q3 --template-dir "$TPL" \
  -o "$WORK/tables.pdf" > /dev/null
tpages=$(pdfinfo "$WORK/tables.pdf" | sed -n 's/^Pages: *//p')
compare table "$WORK/tables.pdf" 1 --template-dir "$TPL"
compare landscape "$WORK/tables.pdf" "$tpages" --template-dir "$TPL"
"$BAOCAO" "${PREVIEW[@]}" --template-dir "$TPL" --page "$tpages" -o "$WORK/landscape.png" \
  > "$WORK/landscape.out"
check "landscape page: 1170 x 827" grep -q ' 1170 x 827 pixels' "$WORK/landscape.out"

# --- errors ----------------------------------------------------------------
# expect NAME EXIT_CODE MESSAGE ARGS...: exit code and stderr exactly.
expect() {
  local name=$1 code=$2 msg=$3; shift 3
  set +e
  "$BAOCAO" "$@" > "$WORK/stdout" 2> "$WORK/stderr"
  local got=$?
  set -e
  if [ "$got" -ne "$code" ]; then
    fail "$name: exit $got, expected $code ($(cat "$WORK/stderr"))"
  elif [ "$(cat "$WORK/stderr")" != "$msg" ]; then
    fail "$name: stderr was: $(cat "$WORK/stderr")"
    echo "     expected:    $msg"
  else
    pass "$name (exit $code)"
  fi
}
next=$((pages + 1))
expect "page out of range" 4 \
  "baocao: page $next is out of range: the report has $pages pages (agency STTTT-TV, period 2023-Q3)" \
  "${PREVIEW[@]}" --page "$next" -o "$WORK/none.png"
check "page out of range: no file" test ! -e "$WORK/none.png"
echo "an older preview" > "$WORK/kept.png"
expect "page out of range, existing file" 4 \
  "baocao: page $next is out of range: the report has $pages pages (agency STTTT-TV, period 2023-Q3)" \
  "${PREVIEW[@]}" --page "$next" -o "$WORK/kept.png"
check "page out of range: an existing file is left as it was" \
  grep -qx "an older preview" "$WORK/kept.png"
expect "page 0" 2 "baocao preview: --page takes a page number from 1" \
  "${PREVIEW[@]}" --page 0
expect "page not a number" 2 "baocao preview: --page takes a page number from 1" \
  "${PREVIEW[@]}" --page last
expect "dpi too small" 2 "baocao preview: --dpi takes a whole number from 10 to 1200" \
  "${PREVIEW[@]}" --dpi 5
expect "unknown --color" 2 "baocao preview: --color takes auto, always or never" \
  "${PREVIEW[@]}" --terminal --color sometimes
expect "--terminal and a file" 2 \
  "baocao preview: --terminal draws on stdout, not into a file: leave out -o" \
  "${PREVIEW[@]}" --terminal -o "$WORK/none.png"
expect "missing --db" 2 \
  "baocao preview: --db, --agency and --period are required (see baocao help preview)" \
  preview --agency STTTT-TV --period 2023-Q3
expect "unknown agency" 4 "baocao: $DB: unknown agency 'NOPE'" \
  preview --db "$DB" --agency NOPE --period 2023-Q3 -o "$WORK/none.png"

expect "unknown --graphics" 2 "baocao preview: --graphics takes auto, kitty, sixel or blocks" \
  "${PREVIEW[@]}" --terminal --graphics png

# --- terminal graphics: kitty's protocol and sixel, against the PNG --------
"$BAOCAO" "${PREVIEW[@]}" --page 2 --dpi 50 -o "$WORK/p2-50.png" > /dev/null
"$BAOCAO" "${PREVIEW[@]}" --page 2 --dpi 50 --terminal --graphics kitty > "$WORK/kitty.out"
"$BAOCAO" "${PREVIEW[@]}" --page 2 --dpi 50 --terminal --graphics sixel > "$WORK/sixel.out"
check "kitty: the PNG of the page, in 4096-character chunks" \
  python3 "$SRC/tests/e2e/graphics.py" kitty "$WORK/kitty.out" "$WORK/p2-50.png"
check "sixel: every pixel of the page in 16 greys" \
  python3 "$SRC/tests/e2e/graphics.py" sixel "$WORK/sixel.out" "$WORK/p2-50.png"
check "auto on a pipe: block characters, no escape sequences" bash -c \
  "COLUMNS=72 '$BAOCAO' ${PREVIEW[*]@Q} --terminal --graphics auto | cmp -s - <(COLUMNS=72 '$BAOCAO' ${PREVIEW[*]@Q} --terminal --graphics blocks)"

# --- the default output name -----------------------------------------------
mkdir -p "$WORK/cwd"
(cd "$WORK/cwd" && "$BAOCAO" "${PREVIEW[@]}" --page 2 > "$WORK/default.out")
check "default output: out/STTTT-TV_2023-Q3-p2.png" \
  test -s "$WORK/cwd/out/STTTT-TV_2023-Q3-p2.png"
check "default output: named on stdout" \
  grep -q '^out/STTTT-TV_2023-Q3-p2.png: page 2 of ' "$WORK/default.out"

# --- the terminal ----------------------------------------------------------
COLUMNS=72 "$BAOCAO" "${PREVIEW[@]}" --terminal > "$WORK/term.txt"
COLUMNS=72 "$BAOCAO" "${PREVIEW[@]}" --terminal --color always > "$WORK/colour.txt"
COLUMNS=40 "$BAOCAO" "${PREVIEW[@]}" --terminal --page "$pages" > "$WORK/term40.txt"
check "terminal: COLUMNS wide, two pixel rows a line, ink drawn" python3 - \
  "$WORK/term.txt" "$WORK/colour.txt" "$WORK/term40.txt" <<'PY'
import math, re, sys
def rows(cols):  # an A4 page cols pixels wide, two pixel rows a line
    return math.ceil(math.ceil(cols * 841.89 / 595.276) / 2)
plain = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(plain) == rows(72), f"{len(plain)} lines"
assert all(len(l) == 72 for l in plain), {len(l) for l in plain}
assert set("".join(plain)) <= set(" ░▒▓█"), set("".join(plain))
inked = sum(1 for l in plain if l.strip())
assert inked > 20, f"only {inked} lines with ink"
colour = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert len(colour) == rows(72), f"{len(colour)} colour lines"
for l in colour:
    assert l.endswith("\x1b[0m"), repr(l[-10:])
    cells = re.sub(r"\x1b\[[0-9;]*m", "", l)
    assert cells == "▀" * 72, repr(cells[:20])
greys = set(re.findall(r"\x1b\[[34]8;2;(\d+);\1;\1m", "".join(colour)))
assert len(greys) > 50 and "255" in greys, f"{len(greys)} grey levels"
narrow = open(sys.argv[3], encoding="utf-8").read().splitlines()
assert len(narrow) == rows(40) and all(len(l) == 40 for l in narrow)
print(f"{len(plain)} lines of 72, {inked} with ink; colour: {len(greys)} grey levels")
PY

# --- watching --------------------------------------------------------------
WTPL=$WORK/watch-tpl
cp -r "$SRC/templates" "$WTPL"
"$BAOCAO" "${PREVIEW[@]}" --template-dir "$WTPL" --page 2 -o "$WORK/watch.png" --watch \
  > "$WORK/watch.out" 2> "$WORK/watch.err" &
watcher=$!
trap 'kill $watcher 2>/dev/null || true' EXIT
# lines FILE N: waits up to 10 s for FILE to hold N lines.
lines() {
  for _ in $(seq 100); do
    [ "$(wc -l < "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  return 1
}
# replace FILE: the new contents from stdin, renamed into place as editors do.
replace() { cat > "$1.new" && mv "$1.new" "$1"; }
check "watch: drawn at once" lines "$WORK/watch.out" 1
touch "$WTPL/cchc/chi_dao.md"
check "watch: drawn again when a partial changes" lines "$WORK/watch.out" 2
touch "$WTPL/.cchc_quy.md.swp" "$WTPL/cchc_quy.md~"
sleep 1.2
check "watch: hidden and backup files are not inputs" bash -c "[ \$(wc -l < '$WORK/watch.out') -eq 2 ]"
{ cat "$SRC/templates/cchc_quy.md"; echo '{{#if}}'; } | replace "$WTPL/cchc_quy.md"
check "watch: a broken template is reported" lines "$WORK/watch.err" 1
check "watch: ... with its position" grep -q "^baocao: $WTPL/cchc_quy.md:[0-9]*:[0-9]*: " "$WORK/watch.err"
replace "$WTPL/cchc_quy.md" < "$SRC/templates/cchc_quy.md"
check "watch: the watch goes on, drawn again once mended" lines "$WORK/watch.out" 3
echo "UPDATE narrative SET markdown = markdown || ' Thêm.' WHERE rowid = 1;" > "$WORK/change.sql"
"$BAOCAO" db load "$DB" "$WORK/change.sql" > /dev/null
check "watch: drawn again when the database changes" lines "$WORK/watch.out" 4
kill -INT "$watcher"
set +e
wait "$watcher"
status=$?
set -e
trap - EXIT
check "watch: Ctrl-C ends it with exit 0" test "$status" -eq 0
check "watch: one line per drawing" bash -c \
  "! grep -vE '^rendered page 2 in [0-9]+ ms: $WORK/watch.png\$' '$WORK/watch.out'"
head -1 "$WORK/watch.out"

# --- help --------------------------------------------------------------------
check "baocao help preview" bash -c "'$BAOCAO' help preview | head -1 | grep -qx \
  'Usage: baocao preview --db FILE --agency CODE --period CODE \\[options\\]'"
check "baocao preview --help names every option" bash -c "'$BAOCAO' preview --help > '$WORK/help.txt' &&
  for o in --db --agency --period --page --dpi --output --terminal --color --watch \
           --template --font-dir --template-dir --help; do grep -q -- \"\$o\" '$WORK/help.txt' || exit 1; done"
check "baocao --help lists preview" bash -c "'$BAOCAO' --help | grep -q '^  preview '"

finish
