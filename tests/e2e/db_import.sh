#!/usr/bin/env bash
# tests/e2e/db_import.sh: `baocao db import` and `db export`: CSV files and
# Markdown narratives into a fresh database and a report rendered from it;
# bad rows each named, with the database left byte for byte as it was;
# export -> import -> export identical; the sample database through CSV
# renders the same PDF bytes. See docs/data.md.
source "$(dirname "$0")/common.bash"
export SOURCE_DATE_EPOCH=0
D=$WORK/csv
mkdir -p "$D" "$WORK/tpl"

# run CODE ARGS...: baocao ARGS must exit CODE; stdout and stderr kept.
run() {
  local code=$1 got; shift
  set +e
  "$BAOCAO" "$@" > "$WORK/stdout" 2> "$WORK/stderr"
  got=$?
  set -e
  [ "$got" -eq "$code" ] || { echo "exit $got, expected $code: $(cat "$WORK/stderr")"; return 1; }
}

# --- a report from CSV files and Markdown, in Excel's dialect (BOM, CRLF) ---
printf '\xEF\xBB\xBFcode,name,full_name,parent_name,symbol,place\r\nSTTTT-CT,SỞ THÔNG TIN VÀ TRUYỀN THÔNG,Sở Thông tin và Truyền thông,UBND TỈNH CẦN THƠ,STTTT,Cần Thơ\r\n' > "$D/agencies.csv"
cat > "$D/periods.csv" <<'CSV'
code,kind,year,number,starts,ends
2024-Q1,quarter,2024,1,2024-01-01,2024-03-31
CSV
cat > "$D/signers.csv" <<'CSV'
id,agency_code,authority,title,full_name
5,STTTT-CT,"KT. GIÁM ĐỐC",PHÓ GIÁM ĐỐC,Trần Văn Bình
CSV
cat > "$D/reports.csv" <<'CSV'
agency_code,period_code,template,issued_on,signer_id,archive_unit
STTTT-CT,2024-Q1,thu_csv,2024-03-28,5,VP
CSV
cat > "$D/recipients.csv" <<'CSV'
agency_code,template,position,text
STTTT-CT,thu_csv,1,Sở Nội vụ (b/c)
STTTT-CT,thu_csv,2,"Ban Giám đốc Sở, các phòng"
CSV
cat > "$D/indicators.csv" <<'CSV'
code,section,position,name,unit,kind
tthc.so_hoa,tthc,1,Số hồ sơ được số hóa,hồ sơ,number
tthc.ty_le,tthc,2,Tỷ lệ hồ sơ trực tuyến,%,percent
CSV
# the values file as Excel writes it in a comma-decimal locale: ';'
cat > "$D/values.csv" <<'CSV'
agency_code;period_code;indicator_code;value
STTTT-CT;2024-Q1;tthc.so_hoa;1234
STTTT-CT;2024-Q1;tthc.ty_le;45,5%
CSV
cat > "$WORK/tpl/thu_csv.md" <<'MD'
---
trich_yeu: Thử nhập số liệu từ CSV {{ky.ten}}
---
{{{narrative.chi_dao}}}

Số hồ sơ được số hóa: {{tthc.so_hoa | so}} hồ sơ, tỷ lệ trực tuyến {{tthc.ty_le | phantram}}.
MD
printf 'Công tác chỉ đạo **quý này** đạt kết quả tốt.\r\n' > "$D/chi_dao.md"

DB=$WORK/fresh.db
"$BAOCAO" db init "$DB" > /dev/null
check "import: CSV files in any order with a .md narrative" run 0 db import "$DB" \
  "$D/values.csv" "$D/reports.csv" "$D/agencies.csv" "$D/periods.csv" "$D/signers.csv" \
  "$D/recipients.csv" "$D/indicators.csv" --agency STTTT-CT --period 2024-Q1 "$D/chi_dao.md"
check "import: the summary counts rows per table" grep -qx "$DB: indicator_value: 2 inserted, 0 updated" "$WORK/stdout"
check "import: the narrative counted" grep -qx "$DB: narrative: 1 inserted, 0 updated" "$WORK/stdout"
check "render from the imported database" run 0 render --db "$DB" --agency STTTT-CT --period 2024-Q1 \
  --template-dir "$WORK/tpl" -o "$WORK/ct.pdf"
pdftotext -layout "$WORK/ct.pdf" "$WORK/ct.txt" 2>/dev/null || true
for text in "UBND TỈNH CẦN THƠ" "Cần Thơ, ngày 28 tháng 3 năm 2024" "quý I năm 2024" \
            "Số hồ sơ được số hóa: 1.234 hồ sơ, tỷ lệ trực tuyến 45,5%" \
            "Công tác chỉ đạo quý này đạt kết quả tốt." "Trần Văn Bình" "Ban Giám đốc Sở, các phòng"; do
  check "the PDF says: $text" grep -qF "$text" "$WORK/ct.txt"
done

# --- corrected data: the same key updates ---
cat > "$D/values.csv" <<'CSV'
agency_code,period_code,indicator_code,value
STTTT-CT,2024-Q1,tthc.so_hoa,1300
CSV
check "import again: the row is updated" run 0 db import "$DB" "$D/values.csv"
check "import again: the summary says updated" grep -qx "$DB: indicator_value: 0 inserted, 1 updated" "$WORK/stdout"

# --- the certificates that may sign for the agency (schema 4) ---
# A certificate with a Vietnamese subject, and the commands docs/signing.md
# gives for its fingerprint and its names.
export OPENSSL_CONF=/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -utf8 \
  -keyout "$WORK/seal.key" -out "$WORK/seal.crt" \
  -subj "/C=VN/O=UBND thành phố Cần Thơ/OU=Văn thư, lưu trữ/CN=Sở Thông tin và Truyền thông" 2> /dev/null
spki=$(openssl x509 -in "$WORK/seal.crt" -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1)
subject=$(openssl x509 -in "$WORK/seal.crt" -noout -subject -nameopt RFC2253,-esc_msb | sed 's/^subject=//')
issuer=$(openssl x509 -in "$WORK/seal.crt" -noout -issuer -nameopt RFC2253,-esc_msb | sed 's/^issuer=//')
check "openssl prints the subject in RFC 4514 form, UTF-8 kept" \
  test "$subject" = 'CN=Sở Thông tin và Truyền thông,OU=Văn thư\, lưu trữ,O=UBND thành phố Cần Thơ,C=VN'
check "the fingerprint is 64 lowercase hex digits" bash -c "[[ '$spki' =~ ^[0-9a-f]{64}\$ ]]"
{ echo 'agency_code,role,spki_sha256,issuer,subject,note'
  echo "STTTT-CT,seal,$spki,,,\"USB token của văn thư, cấp 2024\""
  echo "STTTT-CT,signer,,\"$issuer\",\"$subject\","; } > "$D/agency_certificates.csv"
check "import: the agency's certificates" run 0 db import "$DB" "$D/agency_certificates.csv"
check "import: the summary counts them" grep -qx "$DB: agency_certificate: 2 inserted, 0 updated" "$WORK/stdout"
mkdir -p "$D/badcert"
cat > "$D/badcert/agency_certificates.csv" <<CSV
agency_code,role,spki_sha256,issuer,subject,note
STTTT-CT,văn thư,$spki,,,
STTTT-XX,seal,$spki,,,
STTTT-CT,seal,${spki^^},,,
STTTT-CT,seal,$spki  -,,,
STTTT-CT,seal,$spki,"$issuer","$subject",
STTTT-CT,signer,,,,
STTTT-CT,signer,,"$issuer",,
STTTT-CT,signer,,"$issuer","subject=$subject",
STTTT-CT,signer,,"C = VN, CN = CA","$subject",
STTTT-CT,seal,$spki,,,again
STTTT-CT,seal,$spki,,,and again
CSV
sum_certs=$(sha256sum < "$DB")
check "bad bindings: exit 5" run 5 db import "$DB" "$D/badcert/agency_certificates.csv"
cat > "$WORK/expected" <<EOF
baocao: $D/badcert/agency_certificates.csv:2: column 'role': 'văn thư' is not one of seal, signer
baocao: $D/badcert/agency_certificates.csv:3: column 'agency_code': no agency 'STTTT-XX'
baocao: $D/badcert/agency_certificates.csv:4: column 'spki_sha256': '${spki^^}' is not a SHA-256 fingerprint (64 lowercase hex digits)
baocao: $D/badcert/agency_certificates.csv:5: column 'spki_sha256': '$spki  -' is not a SHA-256 fingerprint (64 lowercase hex digits)
baocao: $D/badcert/agency_certificates.csv:6: column 'issuer': is set with spki_sha256: a row binds by fingerprint or by issuer and subject, not both
baocao: $D/badcert/agency_certificates.csv:7: column 'spki_sha256': binds no certificate: give spki_sha256, or issuer and subject
baocao: $D/badcert/agency_certificates.csv:8: column 'subject': is empty: issuer and subject go together
baocao: $D/badcert/agency_certificates.csv:9: column 'subject': 'subject=CN=Sở Thông tin và Truyền thông,OU=Văn thư\, lưu trữ,O=U…' starts with the label 'subject=' that openssl prints before the name: leave it out
baocao: $D/badcert/agency_certificates.csv:10: column 'issuer': 'C = VN, CN = CA' is not a distinguished name as openssl prints it with -nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)
baocao: $D/badcert/agency_certificates.csv:12: duplicates line 11 (STTTT-CT, seal, ${spki:0:60}…)
baocao: nothing was imported into '$DB': 10 problems
EOF
check "bad bindings: each named with its reason" diff "$WORK/expected" "$WORK/stderr"
check "bad bindings: the database file is unchanged" test "$sum_certs" = "$(sha256sum < "$DB")"
printf 'agency_code,role,spki_sha256,issuer,subject,note\nSTTTT-CT,seal,%s,,,cấp lại 2025\n' "$spki" > "$D/agency_certificate.csv"
check "the same binding again: updated, not added" run 0 db import "$DB" "$D/agency_certificate.csv"
check "the same binding again: the summary says updated" grep -qx "$DB: agency_certificate: 0 inserted, 1 updated" "$WORK/stdout"

# --- bad rows: each named, exit 5, the database byte for byte as it was ---
mkdir -p "$D/bad"
cat > "$D/bad/values.csv" <<'CSV'
agency_code,period_code,indicator_code,value
STTTT-CT,2024-Q1,tthc.so_hoa,abc
STTTT-XX,2024-Q1,tthc.so_hoa,5
STTTT-CT,2024-Q1,tthc.ty_le,"1.234,5"
STTTT-CT,2024-Q1,tthc.so_hoa,7
STTTT-CT,2024-Q1,tthc.so_hoa,8
STTTT-CT,2024-Q1
CSV
cat > "$D/bad/agencies.csv" <<'CSV'
code,name,full_name,symbol,place
STTTT CT,SỞ,Sở,S,Nơi
CSV
sum_before=$(sha256sum < "$DB")
check "bad rows: exit 5" run 5 db import "$DB" "$D/bad/values.csv" "$D/bad/agencies.csv"
cat > "$WORK/expected" <<EOF
baocao: $D/bad/agencies.csv:2: column 'code': 'STTTT CT' is not a code (ASCII letters, digits, - and _)
baocao: $D/bad/values.csv:2: column 'value': 'abc' is not a number (indicator tthc.so_hoa is a number)
baocao: $D/bad/values.csv:3: column 'agency_code': no agency 'STTTT-XX'
baocao: $D/bad/values.csv:4: column 'value': '1.234,5' is not a number (indicator tthc.ty_le is a percent)
baocao: $D/bad/values.csv:6: duplicates line 5 (STTTT-CT, 2024-Q1, tthc.so_hoa)
baocao: $D/bad/values.csv:7: 2 fields, the header has 4
baocao: nothing was imported into '$DB': 6 problems
EOF
check "bad rows: each on its own line, then the summary" diff "$WORK/expected" "$WORK/stderr"
check "bad rows: the database file is unchanged" test "$sum_before" = "$(sha256sum < "$DB")"

# --- more than 100 problems: the first 100, then how many more ---
{ echo "agency_code,period_code,indicator_code,value"
  for i in $(seq 1 130); do echo "STTTT-CT,2024-Q1,tthc.so_hoa,x$i"; done; } > "$D/bad/values.csv"
check "130 bad rows: exit 5" run 5 db import "$DB" "$D/bad/values.csv"
check "130 bad rows: 100 listed, then the rest counted" bash -c "[ \$(wc -l < '$WORK/stderr') -eq 102 ] &&
  sed -n 101p '$WORK/stderr' | grep -qx 'baocao: … and 30 more' &&
  tail -1 '$WORK/stderr' | grep -qx \"baocao: nothing was imported into '$DB': 130 problems\""
check "130 bad rows: the database file is unchanged" test "$sum_before" = "$(sha256sum < "$DB")"

# --- broken files and the command line ---
printf 'code,name\r\n"never closed\r\n' > "$D/bad/sections.csv"
check "unterminated quote: exit 6" run 6 db import "$DB" "$D/bad/sections.csv"
check "unterminated quote: named" grep -qx "baocao: $D/bad/sections.csv:2: a quoted field is never closed (its quote opens on line 2)" "$WORK/stderr"
printf 'code,name\nab\xff,x\n' > "$D/bad/sections.csv"
check "invalid UTF-8: exit 6" run 6 db import "$DB" "$D/bad/sections.csv"
check "invalid UTF-8: file, line and byte" grep -qx "baocao: $D/bad/sections.csv:2: invalid UTF-8 at byte 12" "$WORK/stderr"
printf 'code,title\n' > "$D/bad/periods.csv"
check "bad header: exit 6" run 6 db import "$DB" "$D/bad/periods.csv"
check "bad header: unknown column named" grep -qF "baocao: $D/bad/periods.csv:1: unknown column 'title' (the columns of periods.csv are code, kind, year, number, starts, ends, label)" "$WORK/stderr"
printf 'x\n' > "$D/bad/people.csv"
check "unknown file name: exit 6" run 6 db import "$DB" "$D/bad/people.csv"
check "unknown file name: the accepted names listed" grep -qF "baocao: '$D/bad/people.csv': no table has this file name (import takes agency.csv or agencies.csv, section(s).csv" "$WORK/stderr"
check "a missing file: exit 6" run 6 db import "$DB" "$WORK/nodir/values.csv"
check "a missing file: named" grep -qF "cannot open '$WORK/nodir/values.csv'" "$WORK/stderr"
check ".md without --agency: exit 2" run 2 db import "$DB" "$D/chi_dao.md"
check ".md without --agency: message" grep -qx "baocao db import: .md files need --agency and --period (see baocao help db)" "$WORK/stderr"
check "import into a missing database: exit 3" run 3 db import "$WORK/none.db" "$D/values.csv"
check "import into a missing database: message" grep -qx "baocao: database '$WORK/none.db' does not exist" "$WORK/stderr"
check "the database is still unchanged" test "$sum_before" = "$(sha256sum < "$DB")"

# --- export -> import -> export: the same bytes ---
check "export" run 0 db export "$DB" "$WORK/e1"
check "export: the summary" grep -qx "$DB: 13 rows written into $WORK/e1/" "$WORK/stdout"
check "export: the bindings, the note updated" grep -qF "STTTT-CT,seal,$spki,,,cấp lại 2025" "$WORK/e1/agency_certificates.csv"
check "export: the subject quoted as CSV, its escaped comma kept" grep -qF "STTTT-CT,signer,,\"$issuer\",\"$subject\"," "$WORK/e1/agency_certificates.csv"
"$BAOCAO" db init "$WORK/again.db" > /dev/null
check "import the export into a fresh database" run 0 db import "$WORK/again.db" "$WORK"/e1/*.csv
check "export again" run 0 db export "$WORK/again.db" "$WORK/e2"
check "export -> import -> export is byte-identical" diff -r "$WORK/e1" "$WORK/e2"
check "export: BOM, CRLF, quotes where needed" bash -c "head -c 3 '$WORK/e1/agencies.csv' | od -An -tx1 | grep -q 'ef bb bf' &&
  grep -q \$'^STTTT-CT,thu_csv,2,\"Ban Giám đốc Sở, các phòng\"\\r\$' '$WORK/e1/recipients.csv'"
printf 'x' > "$WORK/plainfile"
check "export into a file: exit 8" run 8 db export "$DB" "$WORK/plainfile/out"
check "export into a file: message" grep -qx "baocao: cannot create directory '$WORK/plainfile/out': Not a directory" "$WORK/stderr"

# --- the sample database through CSV renders the same PDF bytes ---
sample_db "$WORK/sample.db"
check "export the sample database" run 0 db export "$WORK/sample.db" "$WORK/se"
"$BAOCAO" db init "$WORK/sample2.db" > /dev/null
check "import it into a fresh database" run 0 db import "$WORK/sample2.db" "$WORK"/se/*.csv
while IFS=$'\t' read -r agency period _; do
  case "$agency" in ''|'#'*) continue ;; esac
  "$BAOCAO" render --db "$WORK/sample.db" --agency "$agency" --period "$period" -o "$WORK/a.pdf" > /dev/null
  "$BAOCAO" render --db "$WORK/sample2.db" --agency "$agency" --period "$period" -o "$WORK/b.pdf" > /dev/null
  check "$agency $period: the same PDF bytes from the CSV round trip" cmp "$WORK/a.pdf" "$WORK/b.pdf"
done < "$SRC/samples/reports.tsv"
check "the sample through CSV: export identical" bash -c "'$BAOCAO' db export '$WORK/sample2.db' '$WORK/se2' > /dev/null && diff -r '$WORK/se' '$WORK/se2'"

finish
