#!/usr/bin/env bash
# tests/e2e/sample_report.sh: renders the Trà Vinh quý III/2023 sample and
# inspects the PDF as a reader would: text (pdftotext) against the
# published report, fonts (pdffonts), structure (qpdf), document info
# (pdfinfo), Decree 30 layout (d30check), pixels (pdftoppm), and that the
# same input gives the same bytes.
source "$(dirname "$0")/common.bash"
sample_db
PDF=$WORK/tra-vinh.pdf
export SOURCE_DATE_EPOCH=1700000000

check "render exits 0" "$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV \
  --period 2023-Q3 -o "$PDF"
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 \
  -o "$WORK/again.pdf" >/dev/null
check "same input, same bytes" cmp -s "$PDF" "$WORK/again.pdf"

# Structure and fonts.
check_pdf_structure "$PDF"

# No poppler tool complains about anything in the file.
for tool in "pdftotext $PDF /dev/null" "pdffonts $PDF" "pdfinfo $PDF" \
            "pdftoppm -r 20 -png $PDF $WORK/quiet"; do
  $tool > /dev/null 2> "$WORK/stderr.txt" || true
  check "no poppler warning: ${tool%% *}" test ! -s "$WORK/stderr.txt"
done

# Document information.
pdfinfo "$PDF" > "$WORK/info.txt"
check "A4 pages" grep -q 'Page size: *595.276 x 841.89 pts (A4)' "$WORK/info.txt"
check "title is the trích yếu" grep -q '^Title: *Công tác cải cách hành chính quý III năm 2023$' "$WORK/info.txt"
check "author is the agency" grep -q '^Author: *Sở Thông tin và Truyền thông$' "$WORK/info.txt"
check "creation date from SOURCE_DATE_EPOCH" grep -q '^CreationDate: .*Nov 14 .*2023' "$WORK/info.txt"
pages=$(sed -n 's/^Pages: *//p' "$WORK/info.txt")
echo "pages: $pages, bytes: $(stat -c %s "$PDF")"

# Page 1 header, exactly (whitespace collapsed within each column).
pdftotext -layout -f 1 -l 1 "$PDF" "$WORK/page1.txt"
check "header lines" python3 - "$WORK/page1.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# "Số:" and the date keep blanks for the văn thư: close them up first, then
# split each line into its columns (runs of 3+ spaces).
closed = re.sub(r"ngày\s+tháng", "ngày tháng", re.sub(r"Số:\s+/", "Số: /", text))
cells = [" ".join(c.split()) for line in closed.splitlines() for c in re.split(r"\s{3,}", line.strip()) if c.strip()]
want = ["UBND TỈNH TRÀ VINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ THÔNG TIN VÀ", "Độc lập - Tự do - Hạnh phúc", "TRUYỀN THÔNG",
        "Số: /BC-STTTT", "Trà Vinh, ngày tháng 9 năm 2023", "BÁO CÁO",
        "Công tác cải cách hành chính quý III năm 2023"]
missing = [w for w in want if w not in cells]
assert not missing, f"missing {missing} in {cells[:14]}"
order = [cells.index(w) for w in want]
assert order == sorted(order), f"header out of order: {order}"
raw = text
assert re.search(r"Số:\s{4,}/BC-STTTT", raw), "no blank left for the number"
assert re.search(r"ngày\s{4,}tháng 9 năm 2023", raw), "no blank left for the day"
print("header:", " | ".join(want))
PY

# Body text: the published report's wording, word for word.
pdftotext -x 0 -y 57 -W 596 -H 728 "$PDF" "$WORK/body.txt"
check "body text equals the published report" python3 "$SRC/tests/e2e/reference.py" \
  "$SRC/tests/data/reference/tra_vinh_stttt_cchc_2023_q3.txt" "$WORK/body.txt" \
  "Thực hiện Kế hoạch số 97/KH-UBND" "(đính kèm phụ lục)."

# Closing block on the last page.
pdftotext -layout -f "$pages" -l "$pages" "$PDF" "$WORK/last.txt"
check "Nơi nhận and signature block" python3 - "$WORK/last.txt" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
def row(left, right):
    return any(re.search(re.escape(left) + r"\s{3,}" + re.escape(right), l) for l in lines)
assert row("Nơi nhận:", "KT. GIÁM ĐỐC"), "Nơi nhận not beside KT. GIÁM ĐỐC"
assert row("- Sở Nội vụ (b/c);", "PHÓ GIÁM ĐỐC"), "first recipient not beside the title"
for item in ["- Ban Giám đốc Sở;", "- LĐ các phòng, TT trực thuộc Sở;",
             "- Trang TTĐT STTTT;", "- Lưu: VT, VP."]:
    assert any(l.strip().startswith(item) for l in lines), item
name = [i for i, l in enumerate(lines) if l.strip() == "Bùi Thông Nhứt"]
title = [i for i, l in enumerate(lines) if "PHÓ GIÁM ĐỐC" in l]
assert name and title and name[0] - title[0] >= 4, "no room for the signature"
print("closing block ok; blank lines for the signature:", name[0] - title[0] - 1)
PY

# The Decree 30 checker (../shared/tools/d30check.py).
check_d30 "$PDF"

# Pixels: margins empty, page number only from page 2.
pdftoppm -r 72 -gray -f 1 -l 2 "$PDF" "$WORK/px"
check "pixels: margins and page numbers" python3 - "$WORK/px" <<'PY'
import glob, sys
def load(path):
    data = open(path, "rb").read()
    parts = data.split(b"\n", 3)            # P5, size, maxval, pixels
    w, h = map(int, parts[1].split())
    return w, h, parts[3]
def dark(img, x0, y0, x1, y1):
    w, h, px = img
    return sum(1 for y in range(int(y0), int(y1)) for x in range(int(x0), int(x1)) if px[y * w + x] < 128)
mm = 72 / 25.4
p1, p2 = sorted(glob.glob(sys.argv[1] + "*.pgm"))[:2]
a, b = load(p1), load(p2)
w, h = b[0], b[1]
assert dark(b, 0, 0, 29 * mm, h) == 0, "ink in the left margin of page 2"
assert dark(b, w - 19 * mm, 0, w, h) == 0, "ink in the right margin of page 2"
assert dark(b, 0, h - 19 * mm, w, h) == 0, "ink in the bottom margin of page 2"
assert dark(b, w / 2 - 30, 5 * mm, w / 2 + 30, 19 * mm) > 0, "no page number on page 2"
assert dark(a, 0, 0, w, 19 * mm) == 0, "ink above the header on page 1 (a page number?)"
print("margins clean; page number drawn on page 2 only")
PY

finish
