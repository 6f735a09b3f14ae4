#!/usr/bin/env bash
# tests/e2e/preflight.sh: Apache PDFBox Preflight (../shared/tools/preflight,
# which installs Debian's libpdfbox2-java with --install) finds no error in
# any sample report, nor in each after `baocao sign` twice (the signer, then
# the seal), nor after a signature shown as an image. Preflight knows the
# PDF/A-1b rules only; the allowances are what ISO 19005-3 permits over
# them, each named with its clause. What Preflight cannot check of
# PDF/A-3 (/AF, /AFRelationship, the embedded file's /Subtype and /Params,
# pdfaid part 3) is archival.py's, run by archival.sh.
# Without the shared tool this test is skipped (exit 77), never passed.
source "$(dirname "$0")/common.bash"

if ! PREFLIGHT=$(preflight_path); then
  echo "SKIP: ../shared/tools/preflight not found (set BAOCAO_SHARED_DIR)"
  exit 77
fi

ALLOW=(
  # ISO 19005-3 6.8: any file may be embedded as an associated file (the
  # report's baocao-data.json, /AFRelationship /Data); PDF/A-1 forbade
  # embedded files in the file specification and the name tree.
  --allow 1.2.9 --allow 1.4.7
  # ISO 19005-3 6.2.11.4.2: a CIDSet may be left out (if present, it must be
  # complete); PDF/A-1 required it in subset CID fonts.
  --allow '3.1.11:CIDSet entry is missing'
  # ISO 19005-3 6.6.4: the XMP says pdfaid:part 3.
  --allow '7.11.2:part must be 1'
  # ISO 19005-3 6.1.4 (as 19005-2): on PDF 1.7, a cross-reference stream
  # and object streams are allowed; PDF/A-1 (on PDF 1.4) required a table.
  --allow '1.4:/XRef cross reference streams are not allowed'
  # ISO 19005-3 6.6.2.1 (as 19005-2): the metadata stream may be deflated;
  # PDF/A-1 6.7.2 forbade a /Filter on it.
  --allow '1.2.7:Filter specified in metadata dictionary'
)

sample_db
export SOURCE_DATE_EPOCH=1700000000
signing_key "$WORK/k.p12"

FILES=()
while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  pdf=$WORK/$file
  "$BAOCAO" render --db "$WORK/baocao.db" --agency "$agency" --period "$period" \
    -o "$pdf" > /dev/null
  "$BAOCAO" sign --p12 "$WORK/k.p12" --password x --field ky_nguoi_co_tham_quyen \
    "$pdf" -o "${pdf%.pdf}-1.pdf" > /dev/null
  "$BAOCAO" sign --p12 "$WORK/k.p12" --password x --field ky_co_quan \
    "${pdf%.pdf}-1.pdf" -o "${pdf%.pdf}-2.pdf" > /dev/null
  FILES+=("$pdf" "${pdf%.pdf}-2.pdf")
done < "$SRC/samples/reports.tsv"
check "8 samples rendered and signed twice" test "${#FILES[@]}" -eq 16

# The first run installs Preflight's packages when they are missing.
"$PREFLIGHT" --install "${ALLOW[@]}" "${FILES[@]}" > "$WORK/preflight.txt" 2>&1
code=$?
cat "$WORK/preflight.txt"
check "Preflight: no error in the 8 samples and the 8 signed twice" test "$code" -eq 0
check "... and it judged all 16 files" test "$(grep -c ': no error' "$WORK/preflight.txt")" -eq 16

# A signature shown as an image: an RGB image with a soft mask (its
# transparency). ISO 19005-3 6.2.10 permits soft masks (PDF/A-1 did not),
# with the output intent every report has.
python3 - "$WORK/seal.png" <<'PY'
import struct, sys, zlib
w, h = 40, 20
raw = b"".join(b"\0" + b"".join(bytes([200, 0, 0, 255 if (x + y) % 3 else 96])
                                for x in range(w)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
TV=$WORK/tra-vinh-stttt-cchc-2023-q3
"$BAOCAO" sign --p12 "$WORK/k.p12" --password x --field ky_co_quan --image "$WORK/seal.png" \
  "$TV-1.pdf" -o "$TV-image.pdf" > /dev/null
check "Preflight: no error after a signature shown as an image" \
  "$PREFLIGHT" "${ALLOW[@]}" --allow '2.2.2:Soft Mask must be null or None' "$TV-image.pdf"

finish
