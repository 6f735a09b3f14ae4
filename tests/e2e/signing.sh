#!/usr/bin/env bash
# tests/e2e/signing.sh: a rendered report is signed in place, the signer
# first and the agency's seal second, by an independent signer (poppler's
# pdfsig with an NSS database) and by `baocao sign` (PKCS#12 made with
# openssl); pdfsig must find both signatures valid, the original bytes must
# be the start of the signed file, the page text unchanged. Bad certificates
# and PDFs get one message each and leave no file.
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000
PDF=$WORK/report.pdf
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 -o "$PDF" >/dev/null
last=$(pdfinfo "$PDF" | sed -n 's/^Pages: *//p')

check "two empty signature fields" bash -c "pdfsig '$PDF' 2>/dev/null | grep -c 'The signature form field is not signed' | grep -qx 2"

# Field rectangles, read from the PDF, in pixels at 100 dpi (for the
# appearance checks): name x0 y0 x1 y1 from the top-left. The fields are
# in the object stream: read from a copy without object streams.
qpdf --object-streams=disable "$PDF" "$WORK/plain.pdf"
python3 - "$WORK/plain.pdf" > "$WORK/rects.txt" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
for m in re.finditer(rb"/Rect \[([^\]]+)\][^>]*?/T \(([a-z_]+)\)", data):
    x0, y0, x1, y1 = map(float, m.group(1).split())
    k = 100 / 72
    print(m.group(2).decode(), round(x0 * k), round((841.89 - y1) * k), round(x1 * k), round((841.89 - y0) * k))
PY
check "field rectangles found" test "$(wc -l < "$WORK/rects.txt")" -eq 2

same_prefix() { cmp -s -n "$(stat -c %s "$1")" "$1" "$2"; }
page_text() { pdftotext -f "$last" -l "$last" -layout "$1" "$1.txt"; }
# The page's own text is all still there, in order (the signature's
# appearance adds its own lines, which text extraction reads too).
same_text() {
  page_text "$1" && page_text "$2" && python3 - "$1.txt" "$2.txt" <<'PY'
import sys
a = open(sys.argv[1], encoding="utf-8").read().split()
b = iter(open(sys.argv[2], encoding="utf-8").read().split())
assert a and all(w in b for w in a), "the page's text changed"
PY
}

# --- pdfsig (poppler, NSS) -----------------------------------------------
NSS=$WORK/nss
mkdir -p "$NSS"
certutil -N -d "sql:$NSS" --empty-password
head -c 64 /dev/urandom > "$WORK/noise"
for who in "signer:CN=Bui Thong Nhut,O=So TTTT Tra Vinh,C=VN" "seal:CN=So TTTT Tra Vinh,O=UBND tinh Tra Vinh,C=VN"; do
  certutil -S -n "${who%%:*}" -s "${who#*:}" -x -t "CT,C,C" -k rsa -g 2048 -d "sql:$NSS" \
    -z "$WORK/noise" -v 24 --keyUsage digitalSignature,nonRepudiation >/dev/null 2>&1
done
pdfsig -nssdir "sql:$NSS" -nick signer -sign ky_nguoi_co_tham_quyen "$PDF" "$WORK/p1.pdf" 2>/dev/null
pdfsig -nssdir "sql:$NSS" -nick seal -sign ky_co_quan "$WORK/p1.pdf" "$WORK/p2.pdf" 2>/dev/null
pdfsig -nssdir "sql:$NSS" "$WORK/p2.pdf" > "$WORK/pdfsig-p.txt" 2>/dev/null || true
cat "$WORK/pdfsig-p.txt"
check "pdfsig: both signatures valid" bash -c "[ \$(grep -c 'Signature is Valid' '$WORK/pdfsig-p.txt') -eq 2 ]"
check "pdfsig: the seal's signature covers the whole document" grep -q 'Total document signed' "$WORK/pdfsig-p.txt"
check "pdfsig path: the report's bytes are the start of the signed file" same_prefix "$PDF" "$WORK/p2.pdf"
check "pdfsig path: page text unchanged" same_text "$PDF" "$WORK/p2.pdf"
# NSS's self-signed certificates are the trust anchors for verify.
for who in signer seal; do certutil -L -d "sql:$NSS" -n "$who" -a; done > "$WORK/nss-anchors.pem"
check "baocao verify reads pdfsig's signatures (and trusts NSS's certificates when told)" bash -c "'$BAOCAO' verify --trust '$WORK/nss-anchors.pem' '$WORK/p2.pdf' > '$WORK/verify-p.txt' && grep -c '; intact\$' '$WORK/verify-p.txt' | grep -qx 2 && grep -c '^    certificate: trusted;' '$WORK/verify-p.txt' | grep -qx 2"

# --- baocao sign (OpenSSL, PKCS#12) ----------------------------------------
mk_p12() { # name subject keyusage days password
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/$1.key" -out "$WORK/$1.crt" \
    -days "$4" -subj "$2" -utf8 -addext "keyUsage=$3" 2>/dev/null
  openssl pkcs12 -export -inkey "$WORK/$1.key" -in "$WORK/$1.crt" -out "$WORK/$1.p12" -passout "pass:$5"
}
mk_p12 signer "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" digitalSignature,nonRepudiation 730 matkhau
mk_p12 seal "/CN=Sở Thông tin và Truyền thông Trà Vinh/O=UBND tỉnh Trà Vinh/C=VN" digitalSignature,nonRepudiation 730 khoa
check "baocao sign: the signer" "$BAOCAO" sign --p12 "$WORK/signer.p12" --password matkhau \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$WORK/b1.pdf"
check "baocao sign: then the seal" env BAOCAO_P12_PASSWORD=khoa "$BAOCAO" sign --p12 "$WORK/seal.p12" \
  --field ky_co_quan "$WORK/b1.pdf" -o "$WORK/b2.pdf"
pdfsig "$WORK/b2.pdf" > "$WORK/pdfsig-b.txt" 2>/dev/null || true
cat "$WORK/pdfsig-b.txt"
check "pdfsig: both of baocao's signatures valid" bash -c "[ \$(grep -c 'Signature is Valid' '$WORK/pdfsig-b.txt') -eq 2 ]"
check "pdfsig: SHA-256, detached PKCS#7" bash -c "[ \$(grep -c 'Signing Hash Algorithm: SHA-256' '$WORK/pdfsig-b.txt') -eq 2 ] && grep -q 'adbe.pkcs7.detached' '$WORK/pdfsig-b.txt'"
check "pdfsig: the seal's signature covers the whole document" grep -q 'Total document signed' "$WORK/pdfsig-b.txt"
check "qpdf --check is clean" bash -c "qpdf --check '$WORK/b2.pdf' | grep -q 'No syntax or stream encoding errors'"
check "the report's bytes are the start of the signed file" same_prefix "$PDF" "$WORK/b2.pdf"
check "the first signed copy is the start of the second" same_prefix "$WORK/b1.pdf" "$WORK/b2.pdf"
check "page text unchanged" same_text "$PDF" "$WORK/b2.pdf"
cat "$WORK/signer.crt" "$WORK/seal.crt" > "$WORK/anchors.pem"
"$BAOCAO" verify --trust "$WORK/anchors.pem" "$WORK/b2.pdf" | tee "$WORK/verify-b.txt"
check "baocao verify: signer covers its revision, seal the whole file, both intact" python3 - "$WORK/verify-b.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
assert "ky_nguoi_co_tham_quyen: signed by Bùi Thông Nhứt" in t and "covers bytes 0-" in t, t
assert "ky_co_quan: signed by Sở Thông tin và Truyền thông Trà Vinh" in t and "covers the whole file; intact" in t, t
assert t.count("intact") == 2, t
PY
pdftoppm -r 100 -f "$last" -l "$last" "$PDF" "$WORK/before"
pdftoppm -r 100 -f "$last" -l "$last" "$WORK/b2.pdf" "$WORK/after"
check "appearances: blue text in the signer's field, red in the seal's, nothing else changed" \
  python3 - "$WORK/before"*.ppm "$WORK/after"*.ppm "$WORK/rects.txt" <<'PY'
import sys
def load(p):
    d = open(p, "rb").read()
    magic, size, maxval, px = d.split(b"\n", 3)
    w, h = map(int, size.split())
    return w, h, px
(w, h, a), (_, _, b) = load(sys.argv[1]), load(sys.argv[2])
rects = {l.split()[0]: list(map(int, l.split()[1:])) for l in open(sys.argv[3])}
def inside(x, y, r): return r[0] <= x < r[2] and r[1] <= y < r[3]
blue = red = outside = 0
for y in range(h):
    for x in range(w):
        i = 3 * (y * w + x)
        if a[i:i + 3] == b[i:i + 3]:
            continue
        R, G, B = b[i], b[i + 1], b[i + 2]
        if inside(x, y, rects["ky_nguoi_co_tham_quyen"]) and B > R + 60:
            blue += 1
        elif inside(x, y, rects["ky_co_quan"]) and R > B + 60:
            red += 1
        elif not any(inside(x, y, r) for r in rects.values()):
            outside += 1
assert blue > 500 and red > 200, (blue, red)
assert outside == 0, f"{outside} pixels changed outside the fields"
print(f"{blue} blue pixels in the signer's field, {red} red in the seal's, none changed elsewhere")
PY

# An image appearance: a blue "signature" on a transparent background.
python3 - "$WORK/chu-ky.png" <<'PY'
import struct, sys, zlib
w, h = 240, 90
rows = b""
for y in range(h):
    row = b"\x00"
    for x in range(w):
        ink = abs((y - 45) - 30 * __import__("math").sin(x / 18)) < 4
        row += bytes([20, 40, 200, 255]) if ink else bytes([255, 255, 255, 0])
    rows += row
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) \
      + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
check "baocao sign --image" "$BAOCAO" sign --p12 "$WORK/signer.p12" --password matkhau \
  --field ky_nguoi_co_tham_quyen --image "$WORK/chu-ky.png" "$PDF" -o "$WORK/img.pdf"
check "pdfsig: the image-signed copy is valid" bash -c "pdfsig '$WORK/img.pdf' 2>/dev/null | grep -q 'Signature is Valid'"
pdftoppm -r 100 -f "$last" -l "$last" "$WORK/img.pdf" "$WORK/imgpx"
check "the image is drawn in the signer's field" python3 - "$WORK/imgpx"*.ppm "$WORK/rects.txt" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
magic, size, maxval, px = d.split(b"\n", 3)
w, h = map(int, size.split())
r = [list(map(int, l.split()[1:])) for l in open(sys.argv[2]) if l.startswith("ky_nguoi")][0]
blue = sum(1 for y in range(r[1], r[3]) for x in range(r[0], r[2])
           if px[3 * (y * w + x) + 2] > 150 and px[3 * (y * w + x)] < 100)
assert blue > 300, blue
print(blue, "blue pixels of the signature image inside the field")
PY
set +e; printf 'not a png' > "$WORK/bad.png"
"$BAOCAO" sign --p12 "$WORK/signer.p12" --password matkhau --field ky_nguoi_co_tham_quyen \
  --image "$WORK/bad.png" "$PDF" -o "$WORK/badimg.pdf" 2> "$WORK/stderr"; code=$?; set -e
check "a broken image is refused by name, no output" bash -c "[ $code -eq 6 ] && grep -qx \"baocao: '$WORK/bad.png' is not a PNG file\" '$WORK/stderr' && [ ! -e '$WORK/badimg.pdf' ]"

# Interoperation: baocao signs the signer, pdfsig then the seal.
pdfsig -nssdir "sql:$NSS" -nick seal -sign ky_co_quan "$WORK/b1.pdf" "$WORK/mix.pdf" 2>/dev/null
check "baocao then pdfsig: both valid" bash -c "[ \$(pdfsig '$WORK/mix.pdf' 2>/dev/null | grep -c 'Signature is Valid') -eq 2 ]"

# --- number and date: from the database, or blank for the văn thư --------
printf "UPDATE report SET number = 5, issued_on = '2023-09-28';\n" > "$WORK/numbered.sql"
cp "$WORK/baocao.db" "$WORK/numbered.db"
"$BAOCAO" db load "$WORK/numbered.db" "$WORK/numbered.sql" >/dev/null
"$BAOCAO" render --db "$WORK/numbered.db" --agency STTTT-TV --period 2023-Q3 -o "$WORK/n1.pdf" >/dev/null
"$BAOCAO" render --db "$WORK/numbered.db" --agency STTTT-TV --period 2023-Q3 \
  --blank-number-date -o "$WORK/n2.pdf" >/dev/null
check "number and date printed from the database" bash -c "pdftotext -f 1 -l 1 -layout '$WORK/n1.pdf' - |
  grep -q 'Số: 05/BC-STTTT.*Trà Vinh, ngày 28 tháng 9 năm 2023'"
check "--blank-number-date leaves them blank, the year kept" bash -c "pdftotext -f 1 -l 1 -layout '$WORK/n2.pdf' - |
  grep -Eq 'Số: {4,}/BC-STTTT.*Trà Vinh, ngày {4,}tháng {4,}năm 2023'"

# --- bad input --------------------------------------------------------------
mkdir -p "$WORK/ca"
( cd "$WORK/ca" && touch index.txt && echo 01 > serial &&
  printf '[ca]\ndefault_ca=d\n[d]\ndir=.\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\nunique_subject=no\n[p]\ncommonName=supplied\n' > ca.cnf &&
  openssl req -new -newkey rsa:2048 -nodes -keyout exp.key -subj "/CN=Hết Hạn" -utf8 -addext "keyUsage=digitalSignature" -out exp.csr 2>/dev/null &&
  openssl ca -batch -config ca.cnf -selfsign -keyfile exp.key -in exp.csr -utf8 \
    -startdate 20200101000000Z -enddate 20210101000000Z -out exp.crt >/dev/null 2>&1 &&
  openssl pkcs12 -export -inkey exp.key -in exp.crt -out ../expired.p12 -passout pass:x )
mk_p12 nosign "/CN=Chỉ Mã Hóa" keyEncipherment 30 x
python3 - "$WORK/other.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Creator (Writer) >>"]
out, offs = bytearray(b"%PDF-1.4\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (i, o)
xref = len(out)
out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 4 /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
open(sys.argv[1], "wb").write(out)
PY
head -c 20000 "$PDF" > "$WORK/truncated.pdf"
OUT=$WORK/bad-out.pdf
expect_sign() { # name exit message args...
  local name=$1 code=$2 msg=$3 got; shift 3
  local before; before=$(sha256sum "${@: -1}" | cut -d' ' -f1)
  set +e; "$BAOCAO" sign "$@" -o "$OUT" > /dev/null 2> "$WORK/stderr"; got=$?; set -e
  if [ "$got" -eq "$code" ] && [ "$(cat "$WORK/stderr")" = "$msg" ] && [ ! -e "$OUT" ] &&
     [ "$(sha256sum "${@: -1}" | cut -d' ' -f1)" = "$before" ]; then
    pass "$name (exit $code)"
  else
    fail "$name: exit $got, stderr: $(cat "$WORK/stderr")"; echo "     expected: $msg"
  fi
}
expect_sign "wrong password" 11 "baocao: wrong password for '$WORK/signer.p12'" \
  --p12 "$WORK/signer.p12" --password sai --field ky_co_quan "$PDF"
expect_sign "expired certificate" 11 "baocao: the certificate of 'Hết Hạn' expired on 2021-01-01" \
  --p12 "$WORK/expired.p12" --password x --field ky_co_quan "$PDF"
expect_sign "certificate not for signing" 11 "baocao: the certificate of 'Chỉ Mã Hóa' is not for signing (its key usage has neither digitalSignature nor nonRepudiation)" \
  --p12 "$WORK/nosign.p12" --password x --field ky_co_quan "$PDF"
expect_sign "not a PKCS#12 file" 11 "baocao: '$WORK/signer.crt' is not a PKCS#12 (.p12) file" \
  --p12 "$WORK/signer.crt" --field ky_co_quan "$PDF"
expect_sign "unknown field" 4 "baocao: '$PDF' has no signature field 'ky_khac' (it has: ky_nguoi_co_tham_quyen, ky_co_quan)" \
  --p12 "$WORK/signer.p12" --password matkhau --field ky_khac "$PDF"
expect_sign "field already signed" 12 "baocao: field 'ky_nguoi_co_tham_quyen' of '$WORK/b1.pdf' is already signed" \
  --p12 "$WORK/signer.p12" --password matkhau --field ky_nguoi_co_tham_quyen "$WORK/b1.pdf"
expect_sign "another producer's PDF without signature fields" 4 "baocao: '$WORK/other.pdf' has no signature field 'ky_co_quan' (it has no signature fields)" \
  --p12 "$WORK/signer.p12" --password matkhau --field ky_co_quan "$WORK/other.pdf"
expect_sign "a damaged PDF" 12 "baocao: '$WORK/truncated.pdf' is damaged: no startxref at the end" \
  --p12 "$WORK/signer.p12" --password matkhau --field ky_co_quan "$WORK/truncated.pdf"
expect_sign "not a PDF" 12 "baocao: '$SRC/fonts/README' is not a PDF file" \
  --p12 "$WORK/signer.p12" --password matkhau --field ky_co_quan "$SRC/fonts/README"

# A file changed after signing: verify says so, with exit 13.
python3 - "$WORK/b2.pdf" "$WORK/tampered.pdf" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
i = d.find(b"%PDF-1.7\n%") + 10  # the header's binary comment, plain
assert d[i] > 127
d[i] ^= 1   # one byte inside the signed range
open(sys.argv[2], "wb").write(d)
PY
set +e; "$BAOCAO" verify "$WORK/tampered.pdf" > "$WORK/verify-t.txt"; code=$?; set -e
check "verify: a changed byte breaks both signatures (exit 13)" bash -c "[ $code -eq 13 ] && [ \$(grep -c '^  ky_.*does not match the signed bytes' '$WORK/verify-t.txt') -eq 2 ]"

finish
