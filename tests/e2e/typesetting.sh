#!/usr/bin/env bash
# tests/e2e/typesetting.sh: typesetting rules on constructed inputs, read
# back from the PDFs: Vietnamese typed in every form gives the same glyphs
# (pixels) and text; a 300-character address breaks only after / . - ? & =
# and never overflows; a table spanning three pages repeats its header and
# never splits a row; a landscape phụ lục on pages of its own, numbered from
# 1 again; bookmarks for the headings.
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000
TPL=$WORK/tpl
mkdir -p "$TPL/pl"

render() { # render NAME [extra args]: templates from $TPL, output $WORK/NAME.pdf
  local name=$1; shift
  "$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 \
    --template-dir "$TPL" -o "$WORK/$name.pdf" --stats "$@" > "$WORK/$name.stats"
}

# --- Vietnamese in every form -------------------------------------------
# The same sentence: NFC with the tone on the second vowel (kiểu cũ), NFC
# with it on the first (kiểu mới), and NFD (base letters + combining
# marks) of the first. Spelling is kept: NFC and NFD are the same text, the
# two placements are each printed as typed, unless --tone-style (or the
# template's kieu_dau) asks for one style throughout.
nfc_old='Hoà hợp, thuỷ lợi, khoẻ mạnh, quý ông Nguyễn; Đường ưu tiên.'
nfc_new='Hòa hợp, thủy lợi, khỏe mạnh, quý ông Nguyễn; Đường ưu tiên.'
nfd=$(python3 -c "import unicodedata,sys; print(unicodedata.normalize('NFD', sys.argv[1]))" "$nfc_old")
check "the NFD input really is decomposed" test "$nfd" != "$nfc_old"
# The agency's own data in the old style too, for the header.
python3 - "$WORK/baocao.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE agency SET parent_name = 'UỶ BAN NHÂN DÂN TỈNH TRÀ VINH' WHERE code = 'STTTT-TV'")
c.commit()
PY
forms() { # forms TAG [render options]: the three forms, as PGM and text
  local tag=$1 i=0 text; shift
  for text in "$nfc_old" "$nfc_new" "$nfd"; do
    i=$((i + 1))
    printf -- '---\ntrich_yeu: Thử chữ hoà hợp\n%s---\n%s\n\n**%s**\n\n*%s*\n\n***%s***\n' \
      "${KIEU_DAU:-}" "$text" "$text" "$text" "$text" > "$TPL/cchc_quy.md"
    render "$tag$i" "$@"
    pdftoppm -r 110 -gray -f 1 -l 1 "$WORK/$tag$i.pdf" "$WORK/$tag$i"
    pdftotext -raw "$WORK/$tag$i.pdf" "$WORK/$tag$i.txt"
  done
}
count() { grep -c -F "$1" "$2" || true; }
forms typed
check "as typed: NFC and NFD give the same glyphs, pixel for pixel" cmp -s "$WORK/typed1-1.pgm" "$WORK/typed3-1.pgm"
check "as typed: NFC and NFD give the same text" cmp -s "$WORK/typed1.txt" "$WORK/typed3.txt"
check "as typed: the old placement is printed (4 times), not changed" \
  bash -c "[ \$(grep -c -F '$nfc_old' '$WORK/typed1.txt') -eq 4 ] && ! grep -q -F 'Hòa hợp' '$WORK/typed1.txt'"
check "as typed: the new placement is printed (4 times)" \
  bash -c "[ \$(grep -c -F '$nfc_new' '$WORK/typed2.txt') -eq 4 ]"
check "as typed: the two placements look different" bash -c "! cmp -s '$WORK/typed1-1.pgm' '$WORK/typed2-1.pgm'"
check "as typed: the header keeps the database's 'UỶ BAN' and the subject 'hoà hợp'" \
  bash -c "grep -q 'UỶ BAN NHÂN DÂN' '$WORK/typed1.txt' && grep -q 'Thử chữ hoà hợp' '$WORK/typed1.txt'"
forms moi --tone-style moi
check "--tone-style moi: every form gives the same glyphs" bash -c \
  "cmp -s '$WORK/moi1-1.pgm' '$WORK/moi2-1.pgm' && cmp -s '$WORK/moi1-1.pgm' '$WORK/moi3-1.pgm'"
check "--tone-style moi: hòa, thủy, khỏe in body, subject and header (the data too)" bash -c \
  "[ \$(grep -c -F '$nfc_new' '$WORK/moi1.txt') -eq 4 ] && grep -q 'Thử chữ hòa hợp' '$WORK/moi1.txt' &&
   grep -q 'ỦY BAN NHÂN DÂN' '$WORK/moi1.txt' && ! grep -q 'UỶ' '$WORK/moi3.txt'"
forms cu --tone-style cu
check "--tone-style cu: every form gives the same glyphs" bash -c \
  "cmp -s '$WORK/cu1-1.pgm' '$WORK/cu2-1.pgm' && cmp -s '$WORK/cu1-1.pgm' '$WORK/cu3-1.pgm'"
check "--tone-style cu: hoà, thuỷ, khoẻ everywhere (quý unchanged)" bash -c \
  "[ \$(grep -c -F '$nfc_old' '$WORK/cu2.txt') -eq 4 ] && grep -q 'Thử chữ hoà hợp' '$WORK/cu2.txt'"
check "--tone-style cu changes nothing typed in the old style already" cmp -s "$WORK/cu1-1.pgm" "$WORK/typed1-1.pgm"
KIEU_DAU=$'kieu_dau: moi\n' forms fm
check "kieu_dau: moi in the template's front matter does what --tone-style moi does" \
  bash -c "cmp -s '$WORK/fm1.txt' '$WORK/moi1.txt' && cmp -s '$WORK/fm1-1.pgm' '$WORK/moi1-1.pgm'"
check "--tone-style cu changes nothing typed in the old style already" cmp -s "$WORK/cu1-1.pgm" "$WORK/typed1-1.pgm"
KIEU_DAU=$'kieu_dau: moi\n' forms fmgiu --tone-style giu
check "--tone-style giu prints as typed whatever the template says" cmp -s "$WORK/fmgiu1.txt" "$WORK/typed1.txt"
printf -- '---\ntrich_yeu: Thử\nkieu_dau: mới\n---\nx\n' > "$TPL/cchc_quy.md"
check "kieu_dau other than moi or cu is a template error" bash -c \
  "'$BAOCAO' render --db '$WORK/baocao.db' --agency STTTT-TV --period 2023-Q3 --template-dir '$TPL' -o '$WORK/bad.pdf' 2> '$WORK/bad.err'; [ \$? -eq 6 ] &&
   grep -q \"cchc_quy.md:3:11: kieu_dau is 'moi' (hòa, khỏe, thủy) or 'cu' (hoà, khoẻ, thuỷ), not 'mới'\" '$WORK/bad.err' && [ ! -e '$WORK/bad.pdf' ]"
check "--tone-style other than moi, cu or giu is a usage error" bash -c \
  "'$BAOCAO' render --db '$WORK/baocao.db' --agency STTTT-TV --period 2023-Q3 --tone-style new 2>&1 >/dev/null | grep -q \"not 'new'\"; [ \${PIPESTATUS[0]} -eq 2 ]"
sample_db

# --- the no-break space (U+00A0, &nbsp; in Markdown) joins two words ------
# The same paragraph with ordinary spaces (some line then ends with "ngày"
# or "số", the control) and with no-break spaces (none does).
para() { # para SPACE: a paragraph of dates and document numbers
  local sp=$1 i
  printf -- '---\ntrich_yeu: Thử\n---\n'
  for i in $(seq 1 40); do printf 'Văn bản thứ %d ban hành ngày%s19/10/2016 theo Nghị định số%s30/2020/NĐ-CP, ' "$i" "$sp" "$sp"; done
  printf 'hết.\n'
}
ends_split() { pdftotext -raw "$1" - | grep -c -E '(ngày|số)$' || true; }
para ' ' > "$TPL/cchc_quy.md"; render nbsp-plain
para '&nbsp;' > "$TPL/cchc_quy.md"; render nbsp
check "control: with ordinary spaces some line ends with 'ngày' or 'số'" test "$(ends_split "$WORK/nbsp-plain.pdf")" -gt 0
check "with no-break spaces no line does, and every date and number reads whole" bash -c "
  [ \$(pdftotext -raw '$WORK/nbsp.pdf' - | grep -c -E '(ngày|số)\$') -eq 0 ] &&
  [ \$(pdftotext '$WORK/nbsp.pdf' - | tr '\\n' ' ' | grep -o 'ngày 19/10/2016' | wc -l) -eq 40 ]"
check "no-break spaces: no overfull line" grep -q ' 0 overfull' "$WORK/nbsp.stats"

# --- a mark with no precomposed letter is placed by HarfBuzz's offsets ----
printf -- '---\ntrich_yeu: Thử dấu\n---\nChữ x\xcc\xa3 và m\xcc\x83 có dấu rời.\n' > "$TPL/cchc_quy.md"
render marks
check "marks positioned with their offsets and extracted with their base" \
  bash -c "pdftotext '$WORK/marks.pdf' - | grep -q 'Chữ ẋ\\|Chữ x̣' || pdftotext '$WORK/marks.pdf' - | python3 -c \"import sys,unicodedata; t=unicodedata.normalize('NFC', sys.stdin.read()); sys.exit(0 if 'x\\u0323' in t and 'm\\u0303' in t else 1)\""
check "the marks are drawn at their own positions (Tm in the content)" \
  bash -c "qpdf --qdf --object-streams=disable '$WORK/marks.pdf' '$WORK/marks-qdf.pdf' && grep -a -c -E ' Tm [(<]' '$WORK/marks-qdf.pdf' | grep -qv '^0$'"

# --- widows and orphans, read back page by page ----------------------------
long='BATDAU xác định công tác chỉ đạo, điều hành công tác cải cách hành chính là một trong các giải pháp trọng tâm, phân công trách nhiệm nhằm đảm bảo việc quản lý, điều hành công tác cải cách hành chính được thống nhất, đồng bộ, hiệu quả và đúng tiến độ đề ra KETTHUC.'
splits=0
for k in $(seq 17 25); do
  { printf -- '---\ntrich_yeu: Thử trang\n---\n'
    for i in $(seq 1 "$k"); do printf 'Dòng %d.\n\n' "$i"; done
    printf '%s\n\nĐoạn cuối.\n' "$long"; } > "$TPL/cchc_quy.md"
  render "widow$k"
  for p in 1 2; do pdftotext -layout -f $p -l $p -y 57 -H 728 -W 596 -x 0 "$WORK/widow$k.pdf" "$WORK/w$k-$p.txt"; done
  a=$(awk '/BATDAU/{f=1} f&&NF{n++} /KETTHUC/{f=0} END{print n+0}' "$WORK/w$k-1.txt")
  b=$(awk 'NR==1{f=1} /KETTHUC/{if(f)n++; f=0} f&&NF{n++} END{print n+0}' "$WORK/w$k-2.txt")
  grep -q BATDAU "$WORK/w$k-2.txt" && { a=0; b=0; }   # moved whole to page 2
  if [ "$a" -gt 0 ] && grep -q KETTHUC "$WORK/w$k-2.txt"; then
    splits=$((splits + 1))
    check "k=$k: paragraph split $a + $b lines, never 1" bash -c "[ $a -ge 2 ] && [ $b -ge 2 ]"
  fi
  check "k=$k: --stats reports 0 widows, 0 orphans" grep -q ' 0 widows, 0 orphans' "$WORK/widow$k.stats"
done
check "some paragraph did cross a page break" test "$splits" -gt 0

# --- a 300-character address ---------------------------------------------
url="https://www.youtube.com/playlist?list=PLz5yq3oJlM2YDySrG1aLQ6UGX1azB3d1i"
url="$url&index=17&si=AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789_abcdefghijklmnop"
url="$url&utm_source=congthongtin.tayninh.gov.vn&utm_medium=chuyen-muc-an-toan-thong-tin"
url="$url&utm_campaign=chuyen-doi-so-2024&feature=share&pp=ygUQY2h1eWVuIGRvaSBzbyAyMDI0"
url="$url&t=42s&x=0123456789abcdef"
url=${url:0:300}
check "the address is 300 characters" test ${#url} -eq 300
printf -- '---\ntrich_yeu: Thử địa chỉ dài\n---\nXem chuyên mục tại địa chỉ: %s để biết thêm chi tiết về chuyển đổi số.\n' \
  "$url" > "$TPL/cchc_quy.md"
render url
check "no overfull line (--stats)" grep -q ' 0 overfull' "$WORK/url.stats"
pdftotext -raw -f 1 -l 1 "$WORK/url.pdf" "$WORK/url.txt"
check "the address breaks only after / . - ? & = _ and reads back whole" python3 - "$WORK/url.txt" "$url" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
url = sys.argv[2]
start = next(i for i, l in enumerate(lines) if "https://" in l)
joined, i = lines[start][lines[start].index("https://"):], start
while not joined.startswith(url):
    assert joined[-1] in "/.-?&=_#", f"line ends inside a word: {joined[-12:]!r}"
    i += 1
    joined += lines[i].split()[0] if len(lines[i].split()) else ""
assert joined.startswith(url), joined
print(f"address over {i - start + 1} lines, every break after a delimiter")
PY
pdftoppm -r 72 -gray -f 1 -l 1 "$WORK/url.pdf" "$WORK/urlpx"
check "no ink in the right margin" python3 - "$WORK/urlpx-1.pgm" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
magic, size, maxval, px = data.split(b"\n", 3)
w, h = map(int, size.split())
right = w - round(19 * 72 / 25.4)
dark = sum(1 for y in range(h) for x in range(right, w) if px[y * w + x] < 128)
assert dark == 0, f"{dark} dark pixels right of the text block"
PY

# --- a table over three pages, and a landscape phụ lục ---------------------
table_templates "$TPL"
render tables
pdfinfo -f 1 -l 99 "$WORK/tables.pdf" > "$WORK/tables.info"
check "no overfull line in tables" grep -q ' 0 overfull' "$WORK/tables.stats"
check "table pages are portrait, phụ lục pages landscape" python3 - "$WORK/tables.pdf" "$WORK/tables.info" <<'PY'
import re, subprocess, sys
pdf, info = sys.argv[1], open(sys.argv[2]).read()
sizes = re.findall(r"Page +(\d+) size: +([\d.]+) x ([\d.]+)", info)
text = lambda p: subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                                capture_output=True, text=True).stdout
first_pl = next(int(p) for p, w, h in sizes if "Phụ lục" in text(int(p)))
for p, w, h in sizes:
    landscape = float(w) > float(h)
    assert landscape == (int(p) >= first_pl), f"page {p} is {w} x {h}"
assert abs(float(sizes[-1][1]) - 841.89) < 0.01 and abs(float(sizes[-1][2]) - 595.28) < 0.01
print(f"{first_pl - 1} portrait pages, {len(sizes) - first_pl + 1} landscape")
PY
check "the table spans 3+ pages, header on each, every row whole on one page" python3 - "$WORK/tables.pdf" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
pages = []
p = 1
while True:
    r = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), pdf, "-"],
                       capture_output=True, text=True)
    if r.returncode or "Phụ lục" in r.stdout:
        break
    pages.append(r.stdout)
    p += 1
table_pages = [t for t in pages if re.search(r"STT\s+Chỉ tiêu", t)]
assert len(table_pages) >= 3, f"table on {len(table_pages)} pages"
for t in table_pages:
    assert re.search(r"STT\s+Chỉ tiêu\s+Đơn vị", t), "a table page without the header row"
# Each row's text starts with Q<n>A and ends with Q<n>Z: a row split across
# pages would leave them on different pages.
seen = []
for t in table_pages:
    starts = re.findall(r"Q(\d+)A", t)
    ends = re.findall(r"Q(\d+)Z", t)
    assert starts == ends, f"a row split across pages: {set(starts) ^ set(ends)}"
    seen += [int(n) for n in starts]
assert seen == list(range(1, len(seen) + 1)), f"rows out of order: {seen[:12]}..."
assert len(seen) >= 100, f"only {len(seen)} rows"
print(f"{len(seen)} rows on {len(table_pages)} pages, header repeated on each")
PY
check "phụ lục heading, reference line, numbering from 1 again" python3 - "$WORK/tables.pdf" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
out = lambda *a: subprocess.run(["pdftotext", "-layout", *a, pdf, "-"], capture_output=True, text=True).stdout
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
first = next(p for p in range(1, n + 1) if "Phụ lục" in out("-f", str(p), "-l", str(p)))
head = out("-f", str(first), "-l", str(first))
flat = " ".join(head.split())
assert "CÁC CHỈ TIÊU THEO CHIỀU NGANG" in flat, flat[:300]
assert re.search(r"\(Kèm theo Báo cáo số /BC-STTTT ngày tháng 9 năm 2023 của Sở Thông tin và Truyền thông\)", flat), flat[:400]
top = lambda p: [l.strip() for l in out("-f", str(p), "-l", str(p), "-y", "0", "-H", "50", "-W", "900", "-x", "0").splitlines() if l.strip()]
assert top(first) == [], f"number on the phụ lục's first page: {top(first)}"
assert n > first and top(first + 1) == ["2"], f"second phụ lục page shows {top(first + 1)}"
print(f"phụ lục from page {first}; its second page is numbered 2")
PY
check "bookmarks for the heading and the phụ lục" python3 - "$WORK/tables.pdf" <<'PY'
import json, subprocess, sys
d = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", sys.argv[1]],
                              capture_output=True, text=True).stdout)
titles = [o["title"] for o in d["outlines"]]
assert titles == ["I. BẢNG CHỈ TIÊU", "Phụ lục. CÁC CHỈ TIÊU THEO CHIỀU NGANG"], titles
print("outline:", titles)
PY
check "qpdf --check is clean" bash -c "qpdf --check '$WORK/tables.pdf' | grep -q 'No syntax or stream encoding errors'"

finish
