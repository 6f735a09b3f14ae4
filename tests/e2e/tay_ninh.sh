#!/usr/bin/env bash
# tests/e2e/tay_ninh.sh: renders the Tây Ninh sample (Sở TT&TT, cải cách
# hành chính và dân chủ ở cơ sở, số liệu từ 01/01/2024 đến 31/7/2024,
# template cchc_dcs) and reads the PDF back: body text against the
# published report (pdftotext), page-1 header, Nơi nhận and signature block,
# structure (qpdf), fonts (pdffonts), Decree 30 layout (d30check), and that
# the same input gives the same bytes.
source "$(dirname "$0")/common.bash"
sample_db
PDF=$WORK/tay-ninh.pdf
AGENCY=STTTT-TN
PERIOD=2024-01-01..2024-07-31
export SOURCE_DATE_EPOCH=1700000000

check "render exits 0" "$BAOCAO" render --db "$WORK/baocao.db" --agency "$AGENCY" \
  --period "$PERIOD" -o "$PDF"
"$BAOCAO" render --db "$WORK/baocao.db" --agency "$AGENCY" --period "$PERIOD" \
  -o "$WORK/again.pdf" >/dev/null
check "same input, same bytes" cmp -s "$PDF" "$WORK/again.pdf"

# Structure and fonts.
check_pdf_structure "$PDF"

# Document information.
pdfinfo "$PDF" > "$WORK/info.txt"
check "title is the trích yếu" grep -q '^Title: *Kết quả thực hiện công tác cải cách hành chính và dân chủ ở cơ sở năm 2024$' "$WORK/info.txt"
check "author is the agency" grep -q '^Author: *Sở Thông tin và Truyền thông$' "$WORK/info.txt"
pages=$(sed -n 's/^Pages: *//p' "$WORK/info.txt")
echo "pages: $pages, bytes: $(stat -c %s "$PDF")"

# Page 1 header (whitespace collapsed within each column; the subject is
# set on two lines and compared joined).
pdftotext -layout -f 1 -l 1 "$PDF" "$WORK/page1.txt"
check "header lines" python3 - "$WORK/page1.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
closed = re.sub(r"Số:\s+/", "Số: /", text)
cells = [" ".join(c.split()) for line in closed.splitlines() for c in re.split(r"\s{3,}", line.strip()) if c.strip()]
want = ["UBND TỈNH TÂY NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ THÔNG TIN VÀ", "Độc lập - Tự do - Hạnh phúc", "TRUYỀN THÔNG",
        "Số: /BC-STTTT", "Tây Ninh, ngày 21 tháng 8 năm 2024", "BÁO CÁO"]
missing = [w for w in want if w not in cells]
assert not missing, f"missing {missing} in {cells[:14]}"
order = [cells.index(w) for w in want]
assert order == sorted(order), f"header out of order: {order}"
after = cells[cells.index("BÁO CÁO") + 1:]
subject = "Kết quả thực hiện công tác cải cách hành chính và dân chủ ở cơ sở năm 2024"
assert " ".join(after[:2]) == subject, f"subject: {after[:3]}"
assert re.search(r"Số:\s{4,}/BC-STTTT", text), "no blank left for the number"
print("header:", " | ".join(want + [subject]))
PY

# Body text: the published report's wording, word for word (reference.py
# drops the extract's page numbers and joins ranges like "2023-" / "2025").
pdftotext -x 0 -y 57 -W 596 -H 728 "$PDF" "$WORK/body.txt"
check "body text equals the published report" python3 "$SRC/tests/e2e/reference.py" \
  "$SRC/tests/data/reference/tay_ninh_stttt_cchc_dcs_2024.txt" "$WORK/body.txt" \
  "Thực hiện Kế hoạch số 2261/KH-UBND" "của Sở Thông tin và Truyền thông./."

# Closing block on the last page: Nơi nhận beside the signer's capacity,
# and no name under the title (the extract does not show it).
pdftotext -layout -f "$pages" -l "$pages" "$PDF" "$WORK/last.txt"
check "Nơi nhận and signature block" python3 - "$WORK/last.txt" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
def row(left, right):
    return any(re.search(re.escape(left) + r"\s{3,}" + re.escape(right), l) for l in lines)
assert row("Nơi nhận:", "KT. GIÁM ĐỐC"), "Nơi nhận not beside KT. GIÁM ĐỐC"
assert row("- Sở Nội vụ;", "PHÓ GIÁM ĐỐC"), "first recipient not beside the title"
items = [l.strip() for l in lines if l.strip().startswith("- ")]
want = ["- GĐ, PGĐ Sở;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."]
assert items[1:] == want, f"recipients: {items}"
title = [i for i, l in enumerate(lines) if "PHÓ GIÁM ĐỐC" in l][0]
below = [l.strip() for l in lines[title + 1:] if l.strip() and not l.strip().startswith("- ")]
assert not below, f"unexpected text under the signer's title: {below}"
print("closing block ok: Nơi nhận,", len(items), "items; KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC; no name line")
PY

# The Decree 30 checker (../shared/tools/d30check.py).
check_d30 "$PDF"

finish
