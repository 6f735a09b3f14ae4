#!/usr/bin/env bash
# tests/e2e/attacks.sh: the attack corpus (tests/attacks/corpus.py) against
# `verify` and `db import-pdf`: a sample report, the keys and certificates
# it is signed with (openssl; an NSS database for pdfsig), a PDF from
# another producer (MuPDF), and a province database to import into; then
# every case, each under `ulimit -v 524288` and a 5 s timeout (the ASan
# build, whose shadow memory needs terabytes of address space and whose
# allocations are slow, gets no memory limit and 30 s), with its verdict,
# peak memory and time, and pdfsig's and mutool's verdicts.
source "$(dirname "$0")/common.bash"
for tool in pdfsig mutool qpdf certutil openssl; do
  command -v "$tool" > /dev/null || { echo "skip: $tool is missing"; exit 77; }
done
/usr/bin/python3 -c "import jsonschema, fitz" 2> /dev/null || { echo "skip: python3-jsonschema or python3-fitz missing"; exit 77; }
sample_db
export SOURCE_DATE_EPOCH=1700000000
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 -o "$WORK/rendered.pdf" > /dev/null
# The cases are made by editing objects in place (corpus.py reads and
# appends to classic-table files), so they start from the report with its
# object stream undone; the report as rendered is an honest case of its own.
qpdf --object-streams=disable "$WORK/rendered.pdf" "$WORK/report.pdf"
# Keys: the signer, the seal, and a twin of the signer's certificate (same
# subject and size, another key) for the certificate that does not match.
cert() { # name subject
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/$1.key" -out "$WORK/$1.crt" \
    -days 730 -subj "$2" -utf8 -addext "keyUsage=digitalSignature,nonRepudiation" 2> /dev/null
  openssl pkcs12 -export -inkey "$WORK/$1.key" -in "$WORK/$1.crt" -out "$WORK/$1.p12" -passout pass:x -name "$1"
  openssl x509 -in "$WORK/$1.crt" -outform DER -out "$WORK/$1.der"
}
cert signer "/CN=Bùi Thông Nhứt/C=VN"
cert seal "/CN=Sở Thông tin và Truyền thông Trà Vinh/C=VN"
for i in $(seq 20); do
  cert twin "/CN=Bùi Thông Nhứt/C=VN"
  [ "$(stat -c %s "$WORK/twin.der")" = "$(stat -c %s "$WORK/signer.der")" ] && break
done
# The signer's and the seal's certificates are the trust anchors, so that
# verify judges the bytes (the chains are tests/e2e/trust.sh's); import
# runs with --accept-untrusted, since no certificate is bound to an agency.
cat "$WORK/signer.crt" "$WORK/seal.crt" > "$WORK/anchors.pem"
export BAOCAO_TRUST=$WORK/anchors.pem
NSS=$WORK/nss
mkdir -p "$NSS"
certutil -N -d "sql:$NSS" --empty-password
for who in signer seal; do
  pk12util -i "$WORK/$who.p12" -d "sql:$NSS" -W x > /dev/null 2>&1 ||
    { echo "cannot load $who into NSS"; exit 1; }
done
certutil -L -d "sql:$NSS" > "$WORK/nicks.txt"
/usr/bin/python3 -c "import fitz, sys; d = fitz.open(); p = d.new_page(); p.insert_text((72, 72), 'Văn bản khác'); d.save(sys.argv[1])" "$WORK/other.pdf"
"$BAOCAO" db init "$WORK/province.db" > /dev/null
printf "INSERT INTO agency (code, name, full_name, parent_name, symbol, place) VALUES ('UBND-XX', 'UBND', 'Ủy ban', NULL, 'UBND', 'Thử');\n" > "$WORK/p.sql"
"$BAOCAO" db load "$WORK/province.db" "$WORK/p.sql" > /dev/null
if /usr/bin/python3 "$SRC/tests/attacks/corpus.py" "$BAOCAO" "$SRC" "$WORK"; then
  pass "every case of the attack corpus gives its verdict"
else
  fail "the attack corpus"
fi
finish
