#!/usr/bin/env bash
# tests/e2e/exchange.sh: every PDF carries its data (pdfdetach lists
# baocao-data.json, which validates against docs/baocao-data.schema.json
# and equals the database); an upper level imports a folder of received
# department PDFs (some signed, one tampered with after signing) into a
# fresh database and renders the province report from it, whose totals
# are the sums of the imported departments' values; every bad file is
# refused by name, and nothing is half-imported.
source "$(dirname "$0")/common.bash"
sample_db
DB=$WORK/baocao.db
SCHEMA=$SRC/docs/baocao-data.schema.json

# --- the data inside every sample PDF ---
while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  "$BAOCAO" render --db "$DB" --agency "$agency" --period "$period" -o "$WORK/$file" > /dev/null
  pdfdetach -list "$WORK/$file" > "$WORK/$file.list"
  pdfdetach -save 1 -o "$WORK/$file.json" "$WORK/$file" > /dev/null
  check "$file: pdfdetach lists baocao-data.json; it follows the schema and the database" \
    /usr/bin/python3 - "$WORK/$file.list" "$WORK/$file.json" "$SCHEMA" "$DB" "$agency" "$period" <<'PY'
import json, sqlite3, sys
import jsonschema
listing, data, schema, db, agency, period = sys.argv[1:]
assert open(listing).read() == "1 embedded files\n1: baocao-data.json\n", open(listing).read()
doc = json.load(open(data))
jsonschema.validate(doc, json.load(open(schema)), cls=jsonschema.Draft202012Validator)
assert (doc["agency"]["code"], doc["period"]["code"]) == (agency, period)
c = sqlite3.connect(db)
want = {code: num if num is not None else text for code, num, text in c.execute(
    "SELECT indicator_code, num, text FROM indicator_value WHERE agency_code = ? AND period_code = ?",
    (agency, period))}
got = {v["code"]: v["value"] for v in doc["values"]}
assert got == want, set(got) ^ set(want)
PY
done < "$SRC/samples/reports.tsv"
check "the /AF entry: the data is associated with the document (PDF/A-3 style)" \
  bash -c "qpdf --qdf --object-streams=disable '$WORK/tra-vinh-stp-cchc-2023-q3.pdf' '$WORK/qdf.pdf' &&
    grep -a -q '/AFRelationship /Data' '$WORK/qdf.pdf' && grep -a -q '^  /AF \[' '$WORK/qdf.pdf'"

# --- 25 departments of a generated province, rendered by bulk ---
GEN=$WORK/departments.db
cp "$DB" "$GEN"
python3 - "$GEN" <<'PY'
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rng = random.Random(9)
codes = [r[0] for r in db.execute("SELECT code FROM indicator WHERE code LIKE 'cchc.%'")]
db.execute("INSERT INTO signer VALUES (500, 'STP-TV', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Người Ký')")
for i in range(25):
    a = f"D{i:02d}-XX"
    db.execute("INSERT INTO agency (code, name, full_name, parent_name, symbol, place) "
               "VALUES (?, ?, ?, 'UBND TỈNH THỬ', ?, 'Thử')", (a, f"SỞ THỬ {i}", f"Sở Thử {i:02d}", f"ST{i}"))
    db.execute("INSERT INTO report VALUES (?, '2023-Q3', 'cchc_so', NULL, NULL, 500, 'VP')", (a,))
    db.execute("INSERT INTO recipient VALUES (?, 'cchc_so', 1, 'UBND tỉnh (b/c)')", (a,))
    for key in ("chi_dao", "ton_tai", "phuong_huong"):
        db.execute("INSERT INTO narrative VALUES (?, '2023-Q3', ?, 'Nội dung.')", (a, key))
    for c in codes:
        n = rng.randint(1, 9000) if c != "cchc.diem_tu_danh_gia" else rng.randint(60, 99) + 0.5
        db.execute("INSERT INTO indicator_value VALUES (?, '2023-Q3', ?, ?, NULL)", (a, c, n))
db.commit()
PY
"$BAOCAO" bulk --db "$GEN" --period 2023-Q3 --agencies "$(seq -f 'D%02g-XX' 0 24 | paste -sd,)" \
  --out-dir "$WORK/received" -q > /dev/null
rm -f "$WORK/received/manifest.jsonl"
check "25 department PDFs rendered" bash -c "[ \$(ls '$WORK/received' | wc -l) -eq 25 ]"

# Some signed (one twice: signer, then seal), one tampered with after signing.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/k.key" -out "$WORK/k.crt" -days 30 \
  -subj "/CN=Người Ký Thử/C=VN" -utf8 -addext "keyUsage=digitalSignature,nonRepudiation" 2>/dev/null
openssl pkcs12 -export -inkey "$WORK/k.key" -in "$WORK/k.crt" -out "$WORK/k.p12" -passout pass:x
sign() { # file field
  "$BAOCAO" sign --p12 "$WORK/k.p12" --password x --field "$2" "$WORK/received/$1" -o "$WORK/s.pdf" > /dev/null &&
    mv "$WORK/s.pdf" "$WORK/received/$1"
}
for i in 00 03 07 11; do sign "D$i-XX.pdf" ky_nguoi_co_tham_quyen; done
sign D07-XX.pdf ky_co_quan
# D11 changed after signing: an incremental update appended after the signature.
printf '\n%% a change after signing\n' >> "$WORK/received/D11-XX.pdf"

# --- the upper level: a fresh database with the province only ---
UP=$WORK/province.db
"$BAOCAO" db init "$UP" > /dev/null
cat > "$WORK/province.sql" <<'SQL'
INSERT INTO agency (code, name, full_name, parent_name, symbol, place) VALUES
  ('UBND-XX', 'ỦY BAN NHÂN DÂN
TỈNH THỬ', 'Ủy ban nhân dân tỉnh Thử', NULL, 'UBND', 'Thử');
SQL
"$BAOCAO" db load "$UP" "$WORK/province.sql" > /dev/null
before=$(sha256sum < "$UP")

set +e
"$BAOCAO" db import-pdf --db "$UP" --period 2023-Q3 --parent UBND-XX "$WORK/received" \
  > "$WORK/import.out" 2> "$WORK/import.err"; code=$?
set -e
# The signatures are by a self-signed test key that nothing trusts (the
# trust and the agency's certificates are tests/e2e/trust.sh's): by
# default they are refused as untrusted (exit 17, the first refusal).
check "by default: exit 17, the 21 unsigned files, the 3 untrusted and the tampered one named, nothing imported" bash -c "
  [ $code -eq 17 ] && [ \"\$(sha256sum < '$UP')\" = '$before' ] &&
  grep -qx \"baocao: '$WORK/received/D07-XX.pdf' is refused: the signature ky_nguoi_co_tham_quyen is untrusted: no trust anchors: give --trust, or set BAOCAO_TRUST (docs/signing.md) (--accept-untrusted imports it anyway)\" '$WORK/import.err' &&
  [ \$(grep -c 'is untrusted' '$WORK/import.err') -eq 3 ] &&
  grep -qx \"baocao: '$WORK/received/D01-XX.pdf' is not signed (--accept-unsigned imports it anyway)\" '$WORK/import.err' &&
  [ \$(grep -c 'is not signed' '$WORK/import.err') -eq 21 ] &&
  grep -qx \"baocao: '$WORK/received/D11-XX.pdf' is refused: 26 bytes added at the end of the file after ky_nguoi_co_tham_quyen (a file changed after it was signed is never imported)\" '$WORK/import.err' &&
  tail -1 '$WORK/import.err' | grep -qx 'baocao: nothing was imported: 25 of 25 files refused (--keep-going imports the others)'"
set +e
"$BAOCAO" db import-pdf --db "$UP" --period 2023-Q3 --parent UBND-XX --accept-unsigned --accept-untrusted \
  --keep-going "$WORK/received" > "$WORK/import.out" 2> "$WORK/import.err"; code=$?
set -e
cat "$WORK/import.out" | sed -n '1p;8p;$p'
check "--accept-unsigned --accept-untrusted --keep-going: exit 15, 24 imported, the tampered one refused by name" bash -c "
  [ $code -eq 15 ] && tail -1 '$WORK/import.out' | grep -qx '25 files: 24 imported, 1 refused' &&
  grep -q \"^baocao: '$WORK/received/D11-XX.pdf' is refused: \" '$WORK/import.err' &&
  [ \$(wc -l < '$WORK/import.err') -eq 1 ]"
check "the signed files are reported signed, the others not" bash -c "
  grep -qx '$WORK/received/D07-XX.pdf: D07-XX 2023-Q3: 18 values imported, 0 already there; signed, imported because of --accept-untrusted by Người Ký Thử: the signature ky_nguoi_co_tham_quyen is untrusted: no trust anchors: give --trust, or set BAOCAO_TRUST (docs/signing.md)' '$WORK/import.out' &&
  grep -qx '$WORK/received/D01-XX.pdf: D01-XX 2023-Q3: 18 values imported, 0 already there; not signed, imported because of --accept-unsigned' '$WORK/import.out' &&
  [ \$(grep -c '; signed, imported because of --accept-untrusted by' '$WORK/import.out') -eq 3 ]"

# The province report from the imported data; its totals are the sums.
cat > "$WORK/report.sql" <<'SQL'
INSERT INTO signer VALUES (1, 'UBND-XX', 'TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Người Ký Tỉnh');
INSERT INTO report VALUES ('UBND-XX', '2023-Q3', 'cchc_tinh', NULL, NULL, 1, 'VP');
INSERT INTO narrative VALUES ('UBND-XX', '2023-Q3', 'chi_dao', 'Chỉ đạo.'),
  ('UBND-XX', '2023-Q3', 'ton_tai', 'Tồn tại.'), ('UBND-XX', '2023-Q3', 'phuong_huong', 'Phương hướng.');
SQL
"$BAOCAO" db load "$UP" "$WORK/report.sql" > /dev/null
"$BAOCAO" render --db "$UP" --agency UBND-XX --period 2023-Q3 -o "$WORK/tinh.pdf" > /dev/null
pdftotext "$WORK/tinh.pdf" - | tr -s ' \n' '  ' > "$WORK/tinh.txt"
check "province report: totals equal the sums of the 24 imported departments" python3 - "$GEN" "$WORK/tinh.txt" <<'PY'
import sqlite3, sys
db, text = sqlite3.connect(sys.argv[1]), open(sys.argv[2]).read()
def total(code):
    return sum(r[0] for r in db.execute(
        "SELECT num FROM indicator_value WHERE indicator_code = ? AND period_code = '2023-Q3' "
        "AND agency_code LIKE 'D__-XX' AND agency_code != 'D11-XX'", (code,)))
def so(n):
    return f"{int(n):,}".replace(",", ".")
row = "Tổng cộng " + " ".join(so(total(c)) for c in (
    "cchc.vbqppl_ban_hanh", "cchc.vbqppl_ra_soat", "cchc.tthc_tiep_nhan", "cchc.tthc_so_hoa",
    "cchc.bien_che", "cchc.giai_ngan", "cchc.vb_dien_tu", "cchc.dvc_toan_trinh"))
assert row in text, row
assert "của 24 sở, ban, ngành tỉnh" in text
assert f"Tổng số hồ sơ thủ tục hành chính tiếp nhận: {so(total('cchc.tthc_tiep_nhan'))} hồ sơ" in text
assert "Sở Thử 11" not in text
print(row)
PY

# --- bad input: one message per file, and nothing half-imported ---
BAD=$WORK/bad
mkdir -p "$BAD"
# expect_import NAME EXIT STDERR ARGS...: common.bash's expect on
# `db import-pdf --db $UP ARGS`, and the database left byte for byte as it was.
OUT=$WORK/no-output
mkdir -p "$OUT"
expect_import() {
  local name=$1 code=$2 msg=$3 before; shift 3
  before=$(sha256sum < "$UP")
  expect "$name" "$code" "$msg" db import-pdf --db "$UP" "$@"
  check "$name: the database is unchanged" test "$(sha256sum < "$UP")" = "$before"
}
NOTHING="baocao: nothing was imported: 1 of 1 files refused (--keep-going imports the others)"
# The files below are not signed: --accept-unsigned lets each reach the
# check it is about.
qpdf --empty "$BAD/other.pdf"
expect_import "a PDF from another tool" 12 "baocao: '$BAD/other.pdf' carries no report data (no baocao-data.json inside: not made by baocao 0.2 or later)
$NOTHING" "$BAD/other.pdf"
head -c 20000 "$WORK/received/D01-XX.pdf" > "$BAD/truncated.pdf"
set +e; "$BAOCAO" db import-pdf --db "$UP" "$BAD/truncated.pdf" 2> "$WORK/err"; code=$?; set -e
check "a truncated PDF: exit 12, named" bash -c "[ $code -eq 12 ] && grep -q \"^baocao: '$BAD/truncated.pdf' is\" '$WORK/err'"
cp "$WORK/received/D03-XX.pdf" "$BAD/broken.pdf"
python3 - "$BAD/broken.pdf" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
i = b.find(b"%PDF-1.7\n%") + 10  # the header's binary comment, inside the
assert b[i] > 127                 # signed bytes and plain: the signature
b[i] ^= 1                         # no longer checks out
open(p, "wb").write(b)
PY
set +e; "$BAOCAO" db import-pdf --db "$UP" "$BAD/broken.pdf" 2> "$WORK/err"; code=$?; set -e
check "a signature that no longer checks out: exit 13, named" bash -c "[ $code -eq 13 ] &&
  grep -q \"^baocao: '$BAD/broken.pdf' is refused: signature ky_nguoi_co_tham_quyen does not check out: the signature does not match the signed bytes\" '$WORK/err'"
"$BAOCAO" render --db "$DB" --agency STP-TV --period 2023-H1 -o "$BAD/h1.pdf" > /dev/null
expect_import "data of another period" 5 "baocao: '$BAD/h1.pdf' holds data of period '2023-H1', not '2023-Q3'
$NOTHING" --accept-unsigned --period 2023-Q3 "$BAD/h1.pdf"
# The same department again with a changed value: a conflict, never an overwrite.
python3 - "$GEN" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE indicator_value SET num = num + 1 WHERE agency_code = 'D01-XX' AND indicator_code = 'cchc.vb_di'")
db.commit()
PY
"$BAOCAO" render --db "$GEN" --agency D01-XX --period 2023-Q3 -o "$BAD/D01-again.pdf" > /dev/null
old=$(python3 -c "import sqlite3,sys; print('%.15g' % sqlite3.connect(sys.argv[1]).execute(\"SELECT num FROM indicator_value WHERE agency_code='D01-XX' AND indicator_code='cchc.vb_di'\").fetchone()[0])" "$UP")
expect_import "a conflicting duplicate" 5 "baocao: '$BAD/D01-again.pdf': indicator 'cchc.vb_di' of agency 'D01-XX', period '2023-Q3' is $old in the database (or a file imported before) but $((old + 1)) in this file
$NOTHING" --accept-unsigned "$BAD/D01-again.pdf"
expect_import "a file imported before, again: nothing changes" 0 "" --accept-unsigned "$WORK/received/D05-XX.pdf"
# Data that does not follow the format, attached with qpdf (another tool).
pdfdetach -save 1 -o "$BAD/good.json" "$WORK/received/D05-XX.pdf" > /dev/null
bad_data() { # name python-edit expected-message
  python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
$2
open(sys.argv[2], 'w').write(d if isinstance(d, str) else json.dumps(d))" "$BAD/good.json" "$BAD/$1.json"
  qpdf --empty --add-attachment "$BAD/$1.json" --key=baocao-data.json -- "$BAD/$1.pdf" 2> /dev/null || true
  expect_import "baocao-data: $1" 5 "baocao: '$BAD/$1.pdf': baocao-data.json$3
$NOTHING" --accept-unsigned "$BAD/$1.pdf"
}
bad_data version "d['version'] = 2" " has version 2; this baocao reads version 1"
bad_data not-json "d = '{\"format\": \"baocao-data\", '" " is not JSON"
bad_data agency-path "d['agency']['code'] = '../../etc'" ": agency.code is not an agency code (letters, digits, - _)"
bad_data value-kind "d['values'][2]['value'] = 'nhiều'" ": values[2].value is not a number"
bad_data no-period "del d['period']" ": period is missing or of the wrong type"
bad_data not-hex "d['report']['template_sha256'] = 'z' * 64" ": report.template_sha256 is not a SHA-256 in hex"
# What parsers read differently is refused: a key twice (cJSON reads the
# first, jq and Python the last), U+0000 (it cut the string), a version no
# int holds (undefined behaviour once).
bad_data duplicate-key "d = json.dumps(d)[:-1] + ', \"format\": \"baocao-data\"}'" ": format is there twice (a key may appear once)"
bad_data duplicate-nested "d = json.dumps(d).replace('\"unit\":', '\"unit\": \"x\", \"unit\":', 1)" ": values[0].unit is there twice (a key may appear once)"
bad_data nul "d['agency']['name'] = 'SỞ\\u0000 KHÁC'" ": agency.name holds a NUL character (\\u0000)"
bad_data version-overflow "d['version'] = 4294967297" " has version 4294967297; this baocao reads version 1"
# Two files named baocao-data.json: pdfdetach lists both; which is the report?
pdfdetach -save 1 -o "$BAD/first.json" "$WORK/received/D05-XX.pdf" > /dev/null
qpdf --empty --add-attachment "$BAD/first.json" --key=baocao-data.json -- \
  --add-attachment "$BAD/good.json" --key=other --filename=baocao-data.json -- "$BAD/two.pdf"
expect_import "two files named baocao-data.json" 5 "baocao: '$BAD/two.pdf' carries 2 files named baocao-data.json: which one holds the report is not clear
$NOTHING" --accept-unsigned "$BAD/two.pdf"
expect_import "--accept-unsigned does not import a file changed after signing" 13 "baocao: '$WORK/received/D11-XX.pdf' is refused: 26 bytes added at the end of the file after ky_nguoi_co_tham_quyen (a file changed after it was signed is never imported)
$NOTHING" --accept-unsigned "$WORK/received/D11-XX.pdf"
expect_import "an unsigned file without --accept-unsigned" 13 "baocao: '$WORK/received/D01-XX.pdf' is not signed (--accept-unsigned imports it anyway)
$NOTHING" "$WORK/received/D01-XX.pdf"
# What CSV import and the render refuse, import-pdf refuses too, with the
# same judge (data/valid.c, issue 19).
bad_data ends-before-starts "d['period']['ends'] = '2023-06-30'" ": period.ends: 2023-06-30 is before starts 2023-07-01"
bad_data year-not-starts "d['period']['year'] = 2024" ": period.year: 2024 is not the year the period starts in (2023-07-01)"
bad_data long-name "d['agency']['full_name'] = 'Sở ' * 400" ": agency.full_name: 1200 characters long, more than the 1000 a name may have"
expect_import "a missing path" 6 "baocao: cannot open '$BAD/none.pdf': No such file or directory" "$BAD/none.pdf"
finish
