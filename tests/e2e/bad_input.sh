#!/usr/bin/env bash
# tests/e2e/bad_input.sh: every kind of bad input gets one clear line on
# stderr naming the input, its own exit code, and leaves no file behind
# (and an existing output file untouched). See docs/errors.md.
source "$(dirname "$0")/common.bash"
render_setup

# --- command line ---
set +e; "$BAOCAO" > /dev/null 2> "$WORK/stderr"; code=$?; set -e
check "no command: exit 2 and the usage" bash -c "[ $code -eq 2 ] && head -1 '$WORK/stderr' | grep -qx 'Usage: baocao <command> \\[options\\]'"
expect "unknown command" 2 "baocao: no command 'paint' (see baocao --help)" paint
expect "unknown option" 2 "baocao render: unknown option '--colour' (see baocao help render)" \
  render --colour
expect "missing --db" 2 "baocao render: --db, --agency and --period are required (see baocao help render)" \
  render --agency STTTT-TV --period 2023-Q3
expect "option without value" 2 "baocao render: option '--db' needs a value" render --db
expect "unknown --pdf-standard" 2 "baocao render: --pdf-standard takes a-3b or none" \
  "${RENDER[@]}" --db "$DB" --pdf-standard a-1b -o "$OUT/r.pdf"
# The help says where fonts and templates come from (not "fonts/"); its
# lines are wrapped where they fit, so they are joined first.
for cmd in render preview check bulk; do
  check "help $cmd: fonts and templates from \$BAOCAO_FONT_DIR / the data directory" bash -c "
    '$BAOCAO' help $cmd | tr -s ' \\n' ' ' > '$WORK/help' &&
    grep -q 'BAOCAO_FONT_DIR, else Liberation Serif 2 from' '$WORK/help' &&
    grep -q 'the system, else fonts/ in the data directory' '$WORK/help' &&
    grep -q -- '--font-family NAME' '$WORK/help' &&
    grep -q 'BAOCAO_TEMPLATE_DIR,' '$WORK/help' && ! grep -q 'default: fonts/)' '$WORK/help'"
done

# --- database ---
expect "database missing" 3 "baocao: database '$WORK/none.db' does not exist" \
  "${RENDER[@]}" --db "$WORK/none.db" -o "$OUT/r.pdf"
printf 'this is not a database\n%.0s' {1..200} > "$WORK/text.db"
expect "not an SQLite file" 3 "baocao: '$WORK/text.db' is not a baocao database (not an SQLite file)" \
  "${RENDER[@]}" --db "$WORK/text.db" -o "$OUT/r.pdf"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()" "$WORK/other.db"
expect "another application's database" 3 "baocao: '$WORK/other.db' is not a baocao database (application_id 0)" \
  "${RENDER[@]}" --db "$WORK/other.db" -o "$OUT/r.pdf"
cp "$DB" "$WORK/v9.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('pragma user_version=9'); c.commit()" "$WORK/v9.db"
expect "other schema version" 3 "baocao: '$WORK/v9.db' has schema version 9; this baocao reads version 4" \
  "${RENDER[@]}" --db "$WORK/v9.db" -o "$OUT/r.pdf"
# A schema-1 database (before agency.parent_code, section, period.label and
# agency_certificate), a schema-2 one (before period.label) and a schema-3
# one (before agency_certificate): refused with the upgrade command, then
# upgraded in place and rendered.
cp "$DB" "$WORK/v1.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript('drop table agency_certificate; drop table section; alter table agency drop column parent_code; alter table period drop column label; pragma user_version=1')" "$WORK/v1.db"
cp "$DB" "$WORK/v2.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript('drop table agency_certificate; alter table period drop column label; pragma user_version=2')" "$WORK/v2.db"
cp "$DB" "$WORK/v3.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript('drop table agency_certificate; pragma user_version=3')" "$WORK/v3.db"
expect "schema version 1" 3 "baocao: '$WORK/v1.db' has schema version 1; this baocao reads version 4 (upgrade it with: baocao db upgrade $WORK/v1.db)" \
  "${RENDER[@]}" --db "$WORK/v1.db" -o "$OUT/r.pdf"
expect "schema version 3" 3 "baocao: '$WORK/v3.db' has schema version 3; this baocao reads version 4 (upgrade it with: baocao db upgrade $WORK/v3.db)" \
  "${RENDER[@]}" --db "$WORK/v3.db" -o "$OUT/r.pdf"
for v in 1 2 3; do
  check "db upgrade from version $v" \
    bash -c "'$BAOCAO' db upgrade '$WORK/v$v.db' | grep -qx '$WORK/v$v.db: upgraded from schema version $v to 4'"
  check "render after upgrade from $v" "$BAOCAO" "${RENDER[@]}" --db "$WORK/v$v.db" -o "$OUT/v$v.pdf"
  rm -f "$OUT/v$v.pdf"
done
printf "INSERT INTO agency_certificate (agency_code, role, spki_sha256) SELECT code, 'seal', '%s' FROM agency LIMIT 1;\n" \
  3f1a9c0d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e > "$WORK/bind.sql"
check "upgraded from 1: an agency's certificate can be bound" "$BAOCAO" db load "$WORK/v1.db" "$WORK/bind.sql"
check "db upgrade twice: nothing to do" \
  bash -c "'$BAOCAO' db upgrade '$WORK/v1.db' | grep -qx '$WORK/v1.db: already schema version 4'"
expect "db upgrade of version 9" 3 "baocao: '$WORK/v9.db' has schema version 9; this baocao upgrades versions 1 to 4" \
  db upgrade "$WORK/v9.db"
head -c 5000 "$DB" > "$WORK/truncated.db"
set +e; "$BAOCAO" "${RENDER[@]}" --db "$WORK/truncated.db" -o "$OUT/r.pdf" 2> "$WORK/stderr"; code=$?; set -e
check "truncated database: exit 3, names the file, no output" \
  bash -c "[ $code -eq 3 ] && grep -q \"$WORK/truncated.db\" '$WORK/stderr' && [ ! -e '$OUT/r.pdf' ]"

# --- unknown agency, period, report ---
expect "unknown agency" 4 "baocao: $DB: unknown agency 'NOPE'" \
  render --db "$DB" --agency NOPE --period 2023-Q3 -o "$OUT/r.pdf"
expect "unknown period" 4 "baocao: $DB: unknown period '2099-Q1'" \
  render --db "$DB" --agency STTTT-TV --period 2099-Q1 -o "$OUT/r.pdf"
db=$(db_with noreport "DELETE FROM report;")
expect "no report for the period" 4 "baocao: $db: no report for agency 'STTTT-TV' in period '2023-Q3'" \
  "${RENDER[@]}" --db "$db" -o "$OUT/r.pdf"

# --- missing or invalid data ---
db=$(db_with nosigner "UPDATE report SET signer_id = NULL;")
expect "no signer" 5 "baocao: $db: the report has no signer (agency STTTT-TV, period 2023-Q3)" \
  "${RENDER[@]}" --db "$db" -o "$OUT/r.pdf"
db=$(db_with badutf8 "UPDATE agency SET name = CAST(X'53E1BB9FC328' AS TEXT);")
expect "invalid UTF-8 in the database" 5 "baocao: $db: agency name: invalid UTF-8 at byte 4 (agency STTTT-TV, period 2023-Q3)" \
  "${RENDER[@]}" --db "$db" -o "$OUT/r.pdf"
db=$(db_raw baddate "UPDATE report SET issued_on = '2023-02-30';")
expect "impossible date" 5 "baocao: $db: report issued_on: '2023-02-30' is not a date (YYYY-MM-DD, YYYY-MM or YYYY) (agency STTTT-TV, period 2023-Q3)" \
  "${RENDER[@]}" --db "$db" -o "$OUT/r.pdf"

# --- one judge for every entry point (issue 19) ----------------------------
# db load refuses what the render refuses, naming the value and its field,
# and writes nothing; the same data put in by another program is refused
# by the render with the same words. (CSV import: tests/e2e/db_import.sh;
# import-pdf: tests/e2e/exchange.sh.)
judge() { # judge NAME SQL LOAD-MESSAGE RENDER-MESSAGE
  local name=$1 sql=$2 load=$3 render=$4 db before
  cp "$DB" "$WORK/judge.db"
  printf '%s\n' "$sql" > "$WORK/judge.sql"
  before=$(sha256sum < "$WORK/judge.db")
  expect "db load: $name" 5 "baocao: $WORK/judge.sql: $load" db load "$WORK/judge.db" "$WORK/judge.sql"
  check "db load: $name: nothing written" test "$(sha256sum < "$WORK/judge.db")" = "$before"
  db=$(db_raw judge-raw "$sql")
  expect "render: $name" 5 "baocao: $db: $render (agency STTTT-TV, period 2023-Q3)" \
    "${RENDER[@]}" --db "$db" -o "$OUT/r.pdf"
}
judge "quarter 5" "UPDATE period SET number = 5 WHERE code = '2023-Q3';" \
  "period '2023-Q3' number: 5 is not a quarter (1 to 4)" \
  "period '2023-Q3' number: 5 is not a quarter (1 to 4)"
judge "a period ending before it starts" "UPDATE period SET ends = '2023-06-30' WHERE code = '2023-Q3';" \
  "period '2023-Q3' ends: 2023-06-30 is before starts 2023-07-01" \
  "period '2023-Q3' ends: 2023-06-30 is before starts 2023-07-01"
judge "year -5" "UPDATE period SET year = -5 WHERE code = '2023-Q3';" \
  "period '2023-Q3' year: -5 is not a year from 1900 to 9999" \
  "period '2023-Q3' year: -5 is not a year from 1900 to 9999"
judge "an infinite value" "UPDATE indicator_value SET num = 1e999 WHERE agency_code = 'STTTT-TV' AND indicator_code = 'tthc.so_hoa';" \
  "indicator 'tthc.so_hoa' of agency 'STTTT-TV', period '2023-Q3': inf is not a finite number" \
  "indicator 'tthc.so_hoa': inf is not a finite number"
judge "an agency name of 33,000 characters" \
  "UPDATE agency SET full_name = (SELECT group_concat('Sở', ' ') FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 11000) SELECT x FROM c)) WHERE code = 'STTTT-TV';" \
  "agency 'STTTT-TV' full_name: 32999 characters long, more than the 1000 a name may have" \
  "agency full_name: 32999 characters long, more than the 1000 a name may have"

# A template of our own, to know the exact position of each placeholder.
TPL=$WORK/tpl
mkdir -p "$TPL"
cat > "$TPL/cchc_quy.md" <<'MD'
---
trich_yeu: Báo cáo thử {{ky.ten}}
---
Số hồ sơ: {{khong_co.chi_so | so}}.
MD
expect "missing indicator" 5 "baocao: $TPL/cchc_quy.md:4:11: missing indicator 'khong_co.chi_so' (agency STTTT-TV, period 2023-Q3)" \
  "${RENDER[@]}" --db "$DB" --template-dir "$TPL" -o "$OUT/r.pdf"
printf -- '---\ntrich_yeu: Thử\n---\nĐoạn {{#if ky.nam}}mở mà không đóng.\n' > "$TPL/cchc_quy.md"
expect "template syntax error" 6 "baocao: $TPL/cchc_quy.md:4:6: {{#if}} opened here is never closed" \
  "${RENDER[@]}" --db "$DB" --template-dir "$TPL" -o "$OUT/r.pdf"
printf -- '---\ntrich_yeu: Thử\n---\nTỷ lệ {{ky.nam | phantramm}}.\n' > "$TPL/cchc_quy.md"
expect "unknown formatter" 6 "baocao: $TPL/cchc_quy.md:4:18: unknown formatter 'phantramm'" \
  "${RENDER[@]}" --db "$DB" --template-dir "$TPL" -o "$OUT/r.pdf"
printf -- '---\ntrich_yeu: Thử\n---\nBiểu tượng \xf0\x9f\x98\x80 không có trong phông.\n' > "$TPL/cchc_quy.md"
expect "character missing from the font" 5 "baocao: character U+1F600 in \"😀\" is not in font LiberationSerif (agency STTTT-TV, period 2023-Q3)" \
  "${RENDER[@]}" --db "$DB" --template-dir "$TPL" -o "$OUT/r.pdf"
rm "$TPL/cchc_quy.md"
expect "template file missing" 6 "baocao: cannot open '$TPL/cchc_quy.md': No such file or directory" \
  "${RENDER[@]}" --db "$DB" --template-dir "$TPL" -o "$OUT/r.pdf"

# --- fonts ---
mkdir -p "$WORK/nofonts"
expect "font missing" 7 "baocao: font file '$WORK/nofonts/LiberationSerif-Regular.ttf' does not exist" \
  "${RENDER[@]}" --db "$DB" --font-dir "$WORK/nofonts" -o "$OUT/r.pdf"
mkdir -p "$WORK/badfonts"
cp "$SRC"/fonts/*.ttf "$WORK/badfonts/"
head -c 1000 "$SRC/fonts/LiberationSerif-Bold.ttf" > "$WORK/badfonts/LiberationSerif-Bold.ttf"
expect "truncated font" 7 "baocao: '$WORK/badfonts/LiberationSerif-Bold.ttf' is not a font FreeType can read" \
  "${RENDER[@]}" --db "$DB" --font-dir "$WORK/badfonts" -o "$OUT/r.pdf"

# --- output ---
touch "$WORK/plainfile"
expect "output directory missing" 8 "baocao: cannot write '$WORK/plainfile/r.pdf': Not a directory" \
  "${RENDER[@]}" --db "$DB" -o "$WORK/plainfile/r.pdf"
mkdir -p "$OUT/adir"
expect "output is a directory" 8 "baocao: cannot write '$OUT/adir': it is a directory" \
  "${RENDER[@]}" --db "$DB" -o "$OUT/adir"
rmdir "$OUT/adir"

# A failed render leaves an existing report as it was.
echo "old report" > "$OUT/keep.pdf"
"$BAOCAO" "${RENDER[@]}" --db "$DB" --template-dir "$WORK/nowhere" -o "$OUT/keep.pdf" 2>/dev/null || true
check "existing output untouched on failure" grep -qx "old report" "$OUT/keep.pdf"
check "no temporary files left" bash -c "! ls -A '$OUT' | grep -q tmp"

finish
