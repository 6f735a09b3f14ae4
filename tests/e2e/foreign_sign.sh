#!/usr/bin/env bash
# tests/e2e/foreign_sign.sh: `baocao sign` on other producers' PDFs, made
# here by real tools: a baocao report re-saved by qpdf (object streams and a
# cross-reference stream; --qdf; linearized), PyMuPDF files (merged
# field/widget with the AcroForm direct in the catalog and no /DR; a field
# under a parent with two widget kids and an indirect AcroForm, also
# re-saved with object streams), a LibreOffice PDF/A-3b given two
# signature fields by one incremental update (PyMuPDF), and a PyMuPDF file
# signed once by poppler's pdfsig. For each signature: pdfsig calls every
# signature valid and the last one total, qpdf --check is clean, mutool
# sign -v agrees, the input is the start of the output, `baocao verify`
# says signed, and the text of the pages is unchanged. The PDF/A file stays
# as valid as it was under Apache PDFBox Preflight (../shared/tools; the
# test ends with 77 when it is missing and nothing else failed). The
# refusals have their exact message and exit code and write nothing.
source "$(dirname "$0")/common.bash"
for tool in qpdf pdfsig mutool pdftotext soffice certutil pk12util; do
  command -v "$tool" > /dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
PY=/usr/bin/python3
FOREIGN=$SRC/tests/e2e/foreign_pdfs.py
"$PY" -c 'import fitz' || { echo "SKIP: $PY has no fitz (python3-fitz)"; exit 77; }

PKI=$WORK/pki
"$SRC/tests/pki/make_pki.sh" "$PKI" "http://127.0.0.1:9/" > /dev/null
# verify trusts the test PKI's root (the chains are tests/e2e/trust.sh's).
export BAOCAO_TRUST=$PKI/root.crt
SIGNER=(--p12 "$PKI/signer.p12" --password matkhau)
SEAL=(--p12 "$PKI/seal.p12" --password matkhau)
export SOURCE_DATE_EPOCH=1700000000
sample_db
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 \
  -o "$WORK/report.pdf" > /dev/null

# signed NAME IN OUT FIELD KEY...: signs FIELD of IN into OUT and checks it.
signed() {
  local name=$1 in=$2 out=$3 field=$4; shift 4
  if ! "$BAOCAO" sign "$@" --field "$field" "$in" -o "$out" > "$out.log" 2>&1; then
    fail "$name: sign failed: $(cat "$out.log")"
    return
  fi
  check "$name: the input is the start of the output" \
    cmp -s -n "$(stat -c %s "$in")" "$in" "$out"
  pdfsig -nocert "$out" > "$out.pdfsig" 2>&1 || true
  check "$name: pdfsig: every signature valid, the last covers the whole document" \
    "$PY" - "$out.pdfsig" <<'PY'
import re, sys
blocks = re.split(r"\nSignature #\d+:\n", open(sys.argv[1]).read())[1:]
signed = [b for b in blocks if "Signature Validation" in b]
assert signed and all("Signature is Valid." in b for b in signed), blocks
assert "Total document signed" in signed[-1], signed[-1]
PY
  check "$name: qpdf --check is clean" bash -c "qpdf --check '$out' > '$out.qpdf' 2>&1 &&
    grep -q 'No syntax or stream encoding errors' '$out.qpdf' && ! grep -qi warning '$out.qpdf'"
  mutool sign -v "$out" > "$out.mutool" 2>&1 || true
  check "$name: mutool: every signature valid, the last with no change since" \
    "$PY" - "$out.mutool" <<'PY'
import re, sys
blocks = re.split(r"^Verifying signature \d+:\n", open(sys.argv[1]).read(), flags=re.M)[1:]
signed = [b for b in blocks if "Distinguished name" in b]
assert signed and not any(re.search("digest error|invalid", b, re.I) for b in signed), blocks
assert all("signature is valid" in b or "unchanged since signing" in b for b in signed), blocks
assert any("The document is unchanged since signing" in b for b in signed), blocks
PY
  check "$name: baocao verify says signed" bash -c "'$BAOCAO' verify '$out' > '$out.verify' &&
    tail -1 '$out.verify' | grep -qx signed"
  check "$name: the pages' text is unchanged" \
    bash -c "[ \"\$('$PY' '$FOREIGN' text '$in')\" = \"\$('$PY' '$FOREIGN' text '$out')\" ]"
  check "$name: the appearance shows the signer" \
    bash -c "pdftotext '$out' - | tr '\n' ' ' | grep -q 'Ký bởi: '"
}

# --- (a) a baocao report re-saved by qpdf -----------------------------------
qpdf --object-streams=generate "$WORK/report.pdf" "$WORK/objstm.pdf"
qpdf --qdf "$WORK/report.pdf" "$WORK/qdf.pdf"
qpdf --linearize "$WORK/report.pdf" "$WORK/linear.pdf"
check "qpdf --object-streams=generate: a cross-reference stream, objects in streams" \
  bash -c "grep -aq '/Type */ObjStm' '$WORK/objstm.pdf' && grep -aq '/Type */XRef' '$WORK/objstm.pdf'"
signed "object streams, the signer" "$WORK/objstm.pdf" "$WORK/objstm-1.pdf" ky_nguoi_co_tham_quyen "${SIGNER[@]}"
signed "object streams, then the seal" "$WORK/objstm-1.pdf" "$WORK/objstm-2.pdf" ky_co_quan "${SEAL[@]}"
check "object streams: the updates end in cross-reference streams" \
  bash -c "[ \$(tail -c +\$(( \$(stat -c %s '$WORK/objstm.pdf') + 1 )) '$WORK/objstm-2.pdf' | grep -ac '/Type /XRef') -eq 2 ]"
signed "qpdf --qdf" "$WORK/qdf.pdf" "$WORK/qdf-1.pdf" ky_nguoi_co_tham_quyen "${SIGNER[@]}"
signed "qpdf --linearize" "$WORK/linear.pdf" "$WORK/linear-1.pdf" ky_co_quan "${SEAL[@]}"

# --- (b) fields made by another producer (PyMuPDF) --------------------------
"$PY" "$FOREIGN" merged "$WORK/merged.pdf"
signed "PyMuPDF, merged field and widget" "$WORK/merged.pdf" "$WORK/merged-1.pdf" ChuKy "${SIGNER[@]}"
"$PY" "$FOREIGN" kids "$WORK/kids.pdf"
qpdf --object-streams=generate "$WORK/kids.pdf" "$WORK/kids-objstm.pdf"
signed "PyMuPDF, a field with two widget kids" "$WORK/kids.pdf" "$WORK/kids-1.pdf" BaoCao.KyDuyet "${SIGNER[@]}"
check "... both widgets show the appearance (pdftotext, pages 1 and 2)" \
  bash -c "for p in 1 2; do pdftotext -f \$p -l \$p '$WORK/kids-1.pdf' - | grep -q 'Ký bởi: Bùi Thông Nhứt' || exit 1; done"
signed "PyMuPDF kids, re-saved with object streams (by its own name)" \
  "$WORK/kids-objstm.pdf" "$WORK/kids-objstm-1.pdf" KyDuyet "${SIGNER[@]}"

# --- (c) after an incremental update by another tool ------------------------
# LibreOffice's PDF/A-3b, then PyMuPDF adds two signature fields in place.
cat > "$WORK/vanban.fodt" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 </office:font-face-decls>
 <office:styles><style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt"/>
 </style:default-style></office:styles>
 <office:body><office:text>
  <text:p>ỦY BAN NHÂN DÂN TỈNH TRÀ VINH</text:p>
  <text:p>Báo cáo kết quả cải cách hành chính quý III năm 2023</text:p>
  <text:p>Văn bản này do hệ thống quản lý văn bản điện tử lưu lại.</text:p>
 </office:text></office:body>
</office:document>
XML
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
  --convert-to 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"3"}}' \
  --outdir "$WORK" "$WORK/vanban.fodt" > "$WORK/soffice.log" 2>&1 || true
check "LibreOffice made a PDF/A-3 file" bash -c "grep -aq 'pdfaid:part.3\|pdfaid:part=\"3\"' '$WORK/vanban.pdf'"
"$PY" "$FOREIGN" add-widgets "$WORK/vanban.pdf" "$WORK/vanban-w.pdf"
check "PyMuPDF's update keeps LibreOffice's bytes" \
  cmp -s -n "$(stat -c %s "$WORK/vanban.pdf")" "$WORK/vanban.pdf" "$WORK/vanban-w.pdf"
signed "LibreOffice PDF/A + PyMuPDF update, the first field" \
  "$WORK/vanban-w.pdf" "$WORK/vanban-1.pdf" ChuKyLanhDao "${SIGNER[@]}"
signed "LibreOffice PDF/A + PyMuPDF update, the second field" \
  "$WORK/vanban-1.pdf" "$WORK/vanban-2.pdf" ChuKyVanThu "${SEAL[@]}"
check "verify: the first signature, then the second added (allowed)" \
  bash -c "grep -q 'then: signature ChuKyVanThu added (allowed)' '$WORK/vanban-2.pdf.verify'"

# PyMuPDF's file signed by poppler's pdfsig in ChuKy (its incremental
# update), then by baocao in ChuKy2.
NSS=$WORK/nss
mkdir -p "$NSS"
certutil -N -d "sql:$NSS" --empty-password
pk12util -i "$PKI/signer.p12" -d "sql:$NSS" -W matkhau > /dev/null 2>&1
NICK=$(certutil -L -d "sql:$NSS" | grep ' u,u,u' | sed 's/ *u,u,u$//')
pdfsig -nssdir "sql:$NSS" -nick "$NICK" -sign ChuKy "$WORK/merged.pdf" "$WORK/poppler.pdf" > /dev/null 2>&1
check "pdfsig signed ChuKy" bash -c "pdfsig -nocert '$WORK/poppler.pdf' | grep -q 'Signature is Valid'"
signed "after pdfsig's signature, the other field" "$WORK/poppler.pdf" "$WORK/poppler-1.pdf" ChuKy2 "${SEAL[@]}"
check "pdfsig: both signatures valid" bash -c "[ \$(grep -c 'Signature is Valid' '$WORK/poppler-1.pdf.pdfsig') -eq 2 ]"

# --- refusals ---------------------------------------------------------------
qpdf --encrypt "" owner 256 -- "$WORK/merged.pdf" "$WORK/encrypted.pdf"
OUT=$WORK/refused
mkdir -p "$OUT"
expect "a field that is not there" 4 \
  "baocao: '$WORK/merged.pdf' has no signature field 'KhongCo' (it has: ChuKy, ChuKy2)" \
  sign "${SIGNER[@]}" --field KhongCo "$WORK/merged.pdf" -o "$OUT/x.pdf"
expect "a PDF without signature fields" 4 \
  "baocao: '$WORK/vanban.pdf' has no signature field 'ChuKy' (it has no signature fields)" \
  sign "${SIGNER[@]}" --field ChuKy "$WORK/vanban.pdf" -o "$OUT/x.pdf"
expect "a field signed already (by pdfsig)" 12 \
  "baocao: field 'ChuKy' of '$WORK/poppler.pdf' is already signed" \
  sign "${SIGNER[@]}" --field ChuKy "$WORK/poppler.pdf" -o "$OUT/x.pdf"
expect "a text field" 12 \
  "baocao: field 'HoTen' of '$WORK/merged.pdf' is not a signature field" \
  sign "${SIGNER[@]}" --field HoTen "$WORK/merged.pdf" -o "$OUT/x.pdf"
expect "an encrypted PDF (qpdf --encrypt, no user password)" 12 \
  "baocao: '$WORK/encrypted.pdf' is encrypted, which baocao does not read" \
  sign "${SIGNER[@]}" --field ChuKy "$WORK/encrypted.pdf" -o "$OUT/x.pdf"

# --- PDF/A: as valid as it was ----------------------------------------------
if ! PREFLIGHT=$(preflight_path); then
  echo "note: ../shared/tools/preflight not found (set BAOCAO_SHARED_DIR)"
  finish
  exit 77
fi
# Each file's errors (after PDF/A-3's allowances), one kind a line.
errors() {
  "$PREFLIGHT" --install --pdfa3 "$1" 2>&1 | grep -E '^ +[0-9]+ [0-9.]+ : ' |
    sed -E 's/^ +[0-9]+ //' | sort -u || true
}
for f in vanban vanban-w vanban-1 vanban-2; do errors "$WORK/$f.pdf" > "$WORK/$f.pf"; done
cat "$WORK"/vanban*.pf
check "Preflight: LibreOffice's PDF/A-3b has no error" test ! -s "$WORK/vanban.pf"
check "Preflight: the first signature adds no kind of error to PyMuPDF's update" \
  bash -c "[ -z \"\$(comm -13 '$WORK/vanban-w.pf' '$WORK/vanban-1.pf')\" ]"
check "Preflight: signed in both fields, no error left" test ! -s "$WORK/vanban-2.pf"
finish
