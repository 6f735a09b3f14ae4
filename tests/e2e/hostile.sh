#!/usr/bin/env bash
# tests/e2e/hostile.sh: the hostile-data matrix of docs/errors.md, one
# check per row: data that looks like markup stays text, bytes that are not
# UTF-8 are refused at their offset, characters that cannot be drawn are
# named (never dropped), huge paragraphs and tables render whole, agency
# codes never become paths, and a file size limit, a locked or damaged
# database fail cleanly with nothing written.
source "$(dirname "$0")/common.bash"
render_setup
CTX="(agency STTTT-TV, period 2023-Q3)"

# A template printing one text value, hai.chu, between markers, then the
# narrative hai.
TPL=$WORK/tpl
mkdir -p "$TPL"
cat > "$TPL/cchc_quy.md" <<'MD'
---
trich_yeu: Thử dữ liệu
---
Giá trị: BAT {{hai.chu}} KET.

{{{narrative.hai}}}
MD
# hostile NAME VALUE_SQL NARRATIVE_SQL: a sample copy with the value
# hai.chu and the narrative hai set to the two SQL expressions.
hostile() {
  db_with "$1" \
    "INSERT INTO indicator (code, section, position, name, unit, kind) VALUES ('hai.chu', 'hai', 1, 'Chữ', '', 'text');" \
    "INSERT INTO indicator_value (agency_code, period_code, indicator_code, num, text) VALUES ('STTTT-TV', '2023-Q3', 'hai.chu', NULL, $2);" \
    "INSERT INTO narrative (agency_code, period_code, key, markdown) VALUES ('STTTT-TV', '2023-Q3', 'hai', $3);"
}
# refused NAME EXIT MESSAGE VALUE_SQL NARRATIVE_SQL: with hai.chu and hai
# set so, the render fails with MESSAGE (@DB@ stands for the database).
rows=0
refused() {
  local name=$1 code=$2 msg=$3 db
  rows=$((rows + 1))
  db=$(hostile "row$rows" "$4" "$5")
  expect "$name" "$code" "${msg//@DB@/$db}" \
    "${RENDER[@]}" --db "$db" --template-dir "$TPL" -o "$OUT/r.pdf"
}
# drawn NAME VALUE_SQL NARRATIVE_SQL TEXT: with hai.chu and hai set so, the
# render succeeds and pdftotext (on one line, spaces squeezed) has TEXT.
drawn() {
  local name=$1 text=$4 db
  rows=$((rows + 1))
  db=$(hostile "row$rows" "$2" "$3")
  check "$name: rendered" \
    "$BAOCAO" "${RENDER[@]}" --db "$db" --template-dir "$TPL" -o "$OUT/drawn.pdf"
  if pdftotext "$OUT/drawn.pdf" - | tr -s ' \n' '  ' | grep -qF -- "$text"; then
    pass "$name: every character drawn"
  else
    fail "$name: pdftotext lacks: $text"
  fi
  rm -f "$OUT/drawn.pdf"
}

# --- markup and template syntax in data ---
drawn "markup and template syntax in a value" \
  "'**đậm** _nghiêng_ # tiêu đề {{ky.nam}} {{{narrative.x}}} <b>x</b> [a](b) | c | \\ \`d\` 1. &amp;'" "'Đoạn.'" \
  'BAT **đậm** _nghiêng_ # tiêu đề {{ky.nam}} {{{narrative.x}}} <b>x</b> [a](b) | c | \ `d` 1. &amp; KET'
refused "a block in a narrative" 6 "baocao: narrative 'hai':1:4: only value placeholders are allowed in a narrative $CTX" \
  "'x'" "'Số {{#if ky.nam}} hết'"

# --- bytes that are not text ---
refused "a NUL byte in a narrative" 5 "baocao: @DB@: narrative 'hai': NUL byte at byte 7 $CTX" \
  "'x'" "CAST(X'C4906FE1BAA16E0041' AS TEXT)"
refused "a NUL byte after decomposed text" 5 "baocao: @DB@: narrative 'hai': NUL byte at byte 7 $CTX" \
  "'x'" "'Ho' || char(0x61, 0x300) || ' x' || char(0) || 'y'"
refused "invalid UTF-8 in a value" 5 "baocao: @DB@: indicator 'hai.chu': invalid UTF-8 at byte 1 $CTX" \
  "CAST(X'41E1BB' AS TEXT)" "'x'"
mkdir -p "$WORK/tpl_bad"
printf -- '---\ntrich_yeu: Thử\n---\nĐoạn \xc3\x28 sai.\n' > "$WORK/tpl_bad/cchc_quy.md"
expect "invalid UTF-8 in a template" 6 "baocao: $WORK/tpl_bad/cchc_quy.md:4:6: text is not valid UTF-8 (save it as UTF-8)" \
  "${RENDER[@]}" --db "$DB" --template-dir "$WORK/tpl_bad" -o "$OUT/r.pdf"
refused "a control character in a value" 5 "baocao: character U+0001 in \"a<U+0001>b\" is a control character $CTX" \
  "'a' || char(1) || 'b'" "'x'"

# --- characters the report cannot show: named, never dropped ---
refused "an emoji in a narrative" 5 "baocao: character U+1F600 in \"😀\" is not in font LiberationSerif $CTX" \
  "'x'" "'Vui 😀 lắm'"
refused "Hebrew in a narrative" 5 "baocao: character U+05E9 in \"שלום\" is written right to left $CTX" \
  "'x'" "'Chào שלום'"
refused "Arabic in a value" 5 "baocao: character U+0645 in \"مرحبا\" is written right to left $CTX" \
  "'مرحبا'" "'x'"
refused "a zero-width space in a narrative" 5 "baocao: character U+200B in \"một<U+200B>hai\" is an invisible format character $CTX" \
  "'x'" "'một' || char(0x200B) || 'hai'"
db=$(db_with rlo "UPDATE agency SET name = 'SỞ ' || char(0x202E) || 'ABC' WHERE code = 'STTTT-TV';")
expect "a direction override in the agency name" 5 "baocao: character U+202E in \"<U+202E>ABC\" is a text direction control $CTX" \
  "${RENDER[@]}" --db "$db" -o "$OUT/r.pdf"
drawn "decomposed Vietnamese, drawn composed (NFC, each tone where it was typed)" \
  "'x'" "'Ho' || char(0x61, 0x300) || ' thuy' || char(0x301) || ' e' || char(0x302, 0x301) || 't'" \
  'Hoà thuý ết'
drawn "two tone marks on one syllable (a typing error), printed as typed" \
  "'x'" "'Ho' || char(0x61, 0x300, 0x309) || '% xong'" 'Hoà̉% xong'
drawn "other characters the font has" "'x'" "'Chỉ số ≥ 95 % — “tốt”; ½ · № 5 · © ă̂ ‑ kết thúc'" \
  'Chỉ số ≥ 95 % — “tốt”; ½ · № 5 · © ă̂ ‑ kết thúc'

# --- size ---
db=$(hostile megabyte "'x'" "(SELECT group_concat('Đoạn văn dài', ' ') || ' CUỐI' FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 80000) SELECT x FROM c))")
check "a 1 MB paragraph: rendered" \
  "$BAOCAO" "${RENDER[@]}" --db "$db" --template-dir "$TPL" -o "$OUT/mb.pdf"
check "... every word of it drawn, qpdf --check clean" bash -c \
  "for w in Đoạn văn dài; do [ \"\$(pdftotext '$OUT/mb.pdf' - | grep -o \$w | wc -l)\" -eq 80000 ] || exit 1; done &&
   pdftotext '$OUT/mb.pdf' - | grep -q CUỐI && qpdf --check '$OUT/mb.pdf' > /dev/null"
rm -f "$OUT/mb.pdf"
# A subject line longer than a PDF string holds (libharu's 65,535 bytes of
# UTF-16): named, where it used to be "out of memory" (issue 19). Names
# are refused long before, where data comes in (tests/e2e/bad_input.sh).
db=$(hostile longtitle "(SELECT group_concat('Sở', ' ') FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 12000) SELECT x FROM c))" "'x'")
mkdir -p "$WORK/tpl_title"
printf -- '---\ntrich_yeu: {{hai.chu}}\n---\nThân.\n' > "$WORK/tpl_title/cchc_quy.md"
expect "a 36,000-character subject line" 5 "baocao: the subject line (trich_yeu) is 35999 characters long, more than the 32766 a PDF's title holds $CTX" \
  "${RENDER[@]}" --db "$db" --template-dir "$WORK/tpl_title" -o "$OUT/r.pdf"
db=$(db_with rows \
  "INSERT INTO indicator (code, section, position, name, unit, kind) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000) SELECT printf('z.r%05d', x), 'zz', x, printf('Hàng thử %d', x), 'hồ sơ', 'number' FROM c;" \
  "INSERT INTO indicator_value (agency_code, period_code, indicator_code, num, text) SELECT 'STTTT-TV', '2023-Q3', code, position, NULL FROM indicator WHERE section = 'zz';")
mkdir -p "$WORK/tpl_rows"
printf -- '---\ntrich_yeu: Bảng lớn\n---\n| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n{{#each chi_so}}\n| {{stt}} | {{ten}} | {{gia_tri}} |\n{{/each}}\n' > "$WORK/tpl_rows/cchc_quy.md"
check "a table of 10,000 rows: rendered" \
  "$BAOCAO" "${RENDER[@]}" --db "$db" --template-dir "$WORK/tpl_rows" -o "$OUT/rows.pdf"
check "... every row drawn, qpdf --check clean" bash -c \
  "[ \"\$(pdftotext '$OUT/rows.pdf' - | grep -o 'Hàng thử [0-9]*' | sort -u | wc -l)\" -eq 10000 ] && qpdf --check '$OUT/rows.pdf' > /dev/null"
rm -f "$OUT/rows.pdf"

# --- agency codes are never paths ---
db=$(db_with codes "$(for code in '../../etc' 'a/b\c' '/abs'; do
  printf "INSERT INTO agency (code, name, full_name, parent_name, symbol, place) SELECT '%s', name, full_name, parent_name, symbol, place FROM agency WHERE code = 'STTTT-TV';\n" "$code"
  printf "INSERT INTO report SELECT '%s', period_code, template, number, issued_on, signer_id, archive_unit FROM report WHERE agency_code = 'STTTT-TV';\n" "$code"
  printf "INSERT INTO indicator_value SELECT '%s', period_code, indicator_code, num, text FROM indicator_value WHERE agency_code = 'STTTT-TV';\n" "$code"
  printf "INSERT INTO narrative SELECT '%s', period_code, key, markdown FROM narrative WHERE agency_code = 'STTTT-TV';\n" "$code"
done)")
mkdir -p "$WORK/codes"
set +e
"$BAOCAO" bulk --db "$db" --period 2023-Q3 -j 1 --out-dir "$WORK/codes/out" \
  --agencies '../../etc,a/b\c,/abs' > /dev/null 2>&1
code=$?
set -e
check "agency codes '../../etc', 'a/b\\c', '/abs': rendered (exit $code)" test "$code" -eq 0
check "... three PDFs, all inside the output directory, nothing elsewhere" bash -c \
  "[ \"\$(ls '$WORK/codes/out' | grep -c '\.pdf$')\" -eq 3 ] &&
   [ \"\$(find '$WORK' -newer '$db' -name '*.pdf' | grep -v '^$WORK/codes/out/' | wc -l)\" -eq 0 ] &&
   [ \"\$(find / /etc -maxdepth 1 -newer '$db' -name '*.pdf' | wc -l)\" -eq 0 ] &&
   ! ls '$WORK/codes/out' | grep -q '/'"

# --- nor SQL ---
expect "SQL in an agency code" 4 "baocao: $DB: unknown agency 'x' OR 1=1; DROP TABLE report; --'" \
  render --db "$DB" --agency "x' OR 1=1; DROP TABLE report; --" --period 2023-Q3 -o "$OUT/r.pdf"
check "... the database is untouched" "$BAOCAO" "${RENDER[@]}" --db "$DB" -o "$OUT/sql.pdf"
rm -f "$OUT/sql.pdf"

# --- faults: a file size limit, a locked, damaged or foreign database ---
set +e
(ulimit -f 16; "$BAOCAO" "${RENDER[@]}" --db "$DB" -o "$OUT/fsize.pdf" 2> "$WORK/fsize.err")
code=$?
set -e
check "a file size limit (RLIMIT_FSIZE): exit 8, named, no file, no temporary" bash -c \
  "[ $code -eq 8 ] && [ \"\$(cat '$WORK/fsize.err')\" = \"baocao: cannot write '$OUT/fsize.pdf': File too large\" ] &&
   [ -z \"\$(ls -A '$OUT')\" ]"
cp "$DB" "$WORK/locked.db"
python3 - "$WORK/locked.db" "$WORK/locked.ready" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("UPDATE agency SET name = name")
open(sys.argv[2], "w").close()
time.sleep(6)
c.execute("ROLLBACK")
PY
locker=$!
for _ in $(seq 50); do [ -e "$WORK/locked.ready" ] && break; sleep 0.1; done
expect "a database locked by another program" 3 "baocao: database '$WORK/locked.db' is locked by another program" \
  "${RENDER[@]}" --db "$WORK/locked.db" -o "$OUT/r.pdf"
wait "$locker"
cp "$DB" "$WORK/damaged.db"
python3 - "$WORK/damaged.db" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
for i in range(8192, min(len(d), 40960)):
    d[i] = (d[i] * 7 + 13) & 0xFF
open(sys.argv[1], "wb").write(d)
PY
expect "a damaged database" 3 "baocao: $WORK/damaged.db: database '$WORK/damaged.db' is damaged: database disk image is malformed $CTX" \
  "${RENDER[@]}" --db "$WORK/damaged.db" -o "$OUT/r.pdf"
cp "$DB" "$WORK/notable.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('drop table narrative'); c.commit()" "$WORK/notable.db"
expect "schema version 4 without its tables" 3 "baocao: database '$WORK/notable.db' does not match schema version 4: no such table: narrative" \
  "${RENDER[@]}" --db "$WORK/notable.db" -o "$OUT/r.pdf"
check "no temporary files left" bash -c "[ -z \"\$(ls -A '$OUT')\" ]"
finish
