#!/usr/bin/env bash
# tests/e2e/archival.sh: every sample report is a PDF 1.7, PDF/A-3b and
# tagged PDF: archival.py reads each through qpdf (metadata agreeing with
# the information and the /ID, the associated data file, marked content
# and structure tree, artifacts that are only page numbers and repeated
# table headers, widgets); poppler says Tagged: yes and its -struct-text
# gives the published reports' body text in order, with the structure
# types of the frame, lists and tables; MuPDF reads every page; the same
# input gives the same bytes; --pdf-standard none writes a plain, untagged
# PDF 1.7; after baocao sign twice, the Trà Vinh report is all that still.
# Preflight's verdict on the same files is preflight.sh's.
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000
PDFS=()
while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  "$BAOCAO" render --db "$WORK/baocao.db" --agency "$agency" --period "$period" \
    -o "$WORK/$file" > /dev/null
  PDFS+=("$WORK/$file")
done < "$SRC/samples/reports.tsv"
check "the ${#PDFS[@]} samples rendered" test "${#PDFS[@]}" -eq 8
TV=$WORK/tra-vinh-stttt-cchc-2023-q3.pdf
TN=$WORK/tay-ninh-stttt-cchc-dcs-2024.pdf
STP=$WORK/tra-vinh-stp-cchc-2023-q3.pdf

"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 \
  -o "$WORK/again.pdf" > /dev/null
check "same input, same bytes (SOURCE_DATE_EPOCH)" cmp -s "$TV" "$WORK/again.pdf"

for pdf in "${PDFS[@]}"; do
  name=$(basename "$pdf" .pdf)
  check "$name: metadata, data file, tags, artifacts and widgets (archival.py)" \
    python3 "$SRC/tests/e2e/archival.py" "$pdf"
  check "$name: pdfinfo says Tagged: yes, PDF version 1.7" bash -c \
    "pdfinfo '$pdf' > '$pdf.info' && grep -q '^Tagged: *yes' '$pdf.info' &&
     grep -q '^PDF version: *1.7' '$pdf.info'"
done
# poppler's own reading of the tags (slow: seconds a report, so three).
for pdf in "$TV" "$TN" "$STP"; do
  pdfinfo -struct-text "$pdf" > "$pdf.struct" 2> "$pdf.struct.err" || true
  check "$(basename "$pdf" .pdf): pdfinfo -struct-text reads the tree without a word on stderr" \
    test -s "$pdf.struct" -a ! -s "$pdf.struct.err"
done

# The text of the structure tree: each element's content joined as drawn
# (a line that breaks at a space keeps it), elements apart by a space.
struct_text() {
  python3 - "$1" <<'PY'
import sys
out, prev_content = [], False
for line in open(sys.argv[1], encoding="utf-8"):
    s = line.strip()
    content = s.startswith('"') and s.endswith('"') and len(s) >= 2
    if content:
        out.append(("" if prev_content else " ") + s[1:-1])
    prev_content = content
print("".join(out))
PY
}
struct_text "$TV.struct" > "$WORK/tv-struct.txt"
struct_text "$TN.struct" > "$WORK/tn-struct.txt"
check "Trà Vinh: the tags' text is the published report's body, in order" \
  python3 "$SRC/tests/e2e/reference.py" \
  "$SRC/tests/data/reference/tra_vinh_stttt_cchc_2023_q3.txt" "$WORK/tv-struct.txt" \
  "Thực hiện Kế hoạch số 97/KH-UBND" "(đính kèm phụ lục)."
check "Tây Ninh: the tags' text is the published report's body, in order" \
  python3 "$SRC/tests/e2e/reference.py" \
  "$SRC/tests/data/reference/tay_ninh_stttt_cchc_dcs_2024.txt" "$WORK/tn-struct.txt" \
  "Thực hiện Kế hoạch số 2261/KH-UBND" "của Sở Thông tin và Truyền thông./."

# The structure types, and the frame's parts in reading order.
check "Trà Vinh: the structure types of a report" python3 - "$TV.struct" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
types = {re.match(r"\s*(\w+)", l).group(1) for l in lines if re.match(r"\s*[A-Z]\w* ?", l)}
want = {"Document", "Div", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Form"}
assert want <= types, f"missing {want - types}"
text = [l.strip()[1:-1] for l in lines if l.strip().startswith('"')]
order = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "UBND TỈNH TRÀ VINH SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
         "BÁO CÁO Công tác cải cách hành chính quý III năm 2023",
         "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "Nơi nhận:",
         "Sở Nội vụ (b/c);", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Bùi Thông Nhứt"]
at = [text.index(t) for t in order]
assert at == sorted(at), f"out of order: {at}"
h1 = [i for i, l in enumerate(lines) if l.strip().startswith("H1")]
assert lines[h1[0] + 1].strip()[1:-1] == order[3], "the title is not the first H1"
lbl = [lines[i + 1].strip() for i, l in enumerate(lines) if l.strip() == "Lbl (block)"]
assert lbl and all(re.fullmatch(r'"([-+●]|\d+[.)]) "', t) for t in lbl), f"labels: {set(lbl)}"
print(f"types: {sorted(types)}; {len(lbl)} list labels; frame in reading order")
PY
check "Sở Tư pháp: a phụ lục is a Sect with its table's TR, TH (scope Column), TD, in order" python3 - "$STP.struct" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for t in ["Sect", "Table", "TR", "TH", "TD"]:
    assert re.search(rf"^\s*{t}\b", text, re.M), f"no {t}"
ths = re.findall(r"^\s*TH\b.*\n(.*)", text, re.M)
assert ths and all(t.strip() == "/Scope /Column" for t in ths), "a TH without /Scope /Column"
# The cells in reading order: row by row, each row's cells left to right.
cells = " ".join(t.strip()[1:-1] for t in text.splitlines() if t.strip().startswith('"'))
rows = ["STT Chỉ tiêu Đơn vị tính Kết quả quý III năm 2023 Cùng kỳ năm trước Tăng, giảm",
        "V CẢI CÁCH TÀI CHÍNH CÔNG",
        "1 Dự toán chi ngân sách được giao triệu đồng 18.985 33.698 giảm 14.713",
        "2 Kinh phí đã giải ngân triệu đồng 4.061 6.559 giảm 2.498",
        "VII TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "1 Điểm tự đánh giá Chỉ số cải cách hành chính điểm 92 79 tăng 13"]
at = [cells.find(r) for r in rows]
assert -1 not in at and at == sorted(at), f"table rows in the tags: {at}"
print("TH:", len(re.findall(r"^\s*TH\b", text, re.M)), "TD:", len(re.findall(r"^\s*TD\b", text, re.M)),
      "; rows in order")
PY

# Signing keeps it all: baocao sign, the signer then the seal, adds its
# appearances and signatures in incremental updates; the widgets keep their
# /StructParent and Form elements.
signing_key "$WORK/k.p12"
"$BAOCAO" sign --p12 "$WORK/k.p12" --password x --field ky_nguoi_co_tham_quyen \
  "$TV" -o "$WORK/signed-1.pdf" > /dev/null
"$BAOCAO" sign --p12 "$WORK/k.p12" --password x --field ky_co_quan \
  "$WORK/signed-1.pdf" -o "$WORK/signed-2.pdf" > /dev/null
check "Trà Vinh signed twice: still PDF/A-3b metadata and tagged (archival.py)" \
  python3 "$SRC/tests/e2e/archival.py" "$WORK/signed-2.pdf"

# MuPDF reads every page (Debian's MuPDF has no colour management: it says
# so once, for the output intent's profile, and that is all it may say).
check "MuPDF draws every page of the Trà Vinh report without a complaint" bash -c \
  "mutool draw -o /dev/null -F pnm -r 20 '$TV' 2> '$WORK/mutool.err';
   ! grep -v -e '^warning: ICC support is not available' -e '^page ' '$WORK/mutool.err'"

# --pdf-standard none: a plain PDF 1.7, the same text, no tags, no XMP.
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 \
  --pdf-standard none -o "$WORK/plain.pdf" > /dev/null
check "--pdf-standard none: PDF 1.7, not tagged, no metadata stream" bash -c \
  "pdfinfo '$WORK/plain.pdf' > '$WORK/plain.info' && grep -q '^PDF version: *1.7' '$WORK/plain.info' &&
   grep -q '^Tagged: *no' '$WORK/plain.info' && grep -q '^Metadata Stream: *no' '$WORK/plain.info' &&
   head -c 9 '$WORK/plain.pdf' | grep -q '%PDF-1.7'"
check "--pdf-standard none: qpdf is clean, the same text as the tagged file" bash -c \
  "qpdf --check '$WORK/plain.pdf' | grep -q 'No syntax or stream encoding errors' &&
   pdftotext '$WORK/plain.pdf' - | cmp -s - <(pdftotext '$TV' -)"
mkdir -p "$WORK/bulk"
"$BAOCAO" bulk --db "$WORK/baocao.db" --period 2022 --agencies SYT-TV --pdf-standard none \
  --out-dir "$WORK/bulk" -q > /dev/null
check "bulk --pdf-standard none: plain PDFs" bash -c \
  "pdfinfo '$WORK/bulk/SYT-TV.pdf' | grep -q '^Tagged: *no'"
echo "sizes (bytes): Trà Vinh $(stat -c %s "$TV") tagged, $(stat -c %s "$WORK/plain.pdf") plain"

finish
