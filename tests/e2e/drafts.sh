#!/usr/bin/env bash
# tests/e2e/drafts.sh: every sample report as an editable draft, .docx and
# .odt, read back: the package (xmllint, ODF's mimetype and manifest
# rules), python-docx and odfpy (styles, sections, header parts, table
# header rows, properties, the report's data), then a real round trip:
# LibreOffice (soffice --headless, a private profile) converts each draft
# to PDF, whose text must be the report's, in order (and for Trà Vinh and
# Tây Ninh the published text, as the PDF path checks it), whose pages
# must number as the decree says and count within one of baocao's own
# PDF. Also: the same bytes for the same input, in any time zone; bad data
# refused as the PDF refuses it; render/bulk/preview choose the format.
# drafts_d30.sh runs the Decree 30 checker on LibreOffice's PDFs made here.
source "$(dirname "$0")/common.bash"
sample_db
DB=$WORK/baocao.db
OUT=$WORK/out
mkdir -p "$OUT" "$WORK/drafts" "$WORK/lo"
export SOURCE_DATE_EPOCH=1700000000
PY=/usr/bin/python3 # python3-docx, python3-odf, python3-fitz
DRAFTS=$SRC/tests/e2e/drafts.py

# Every sample report in the three formats.
names=()
while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  name=${file%.pdf}
  names+=("$name")
  for fmt in pdf docx odt; do
    "$BAOCAO" render --db "$DB" --agency "$agency" --period "$period" \
      -o "$WORK/drafts/$name.$fmt" > /dev/null ||
      fail "$name.$fmt: render exited $?"
  done
done < "$SRC/samples/reports.tsv"
check "8 reports rendered as .pdf, .docx and .odt" \
  test "$(ls "$WORK"/drafts/*.docx "$WORK"/drafts/*.odt | wc -l)" -eq 16
ls -l "$WORK"/drafts/tay-ninh* | awk '{print "  " $5 " bytes " $NF}'

# The same input gives the same bytes, in any time zone.
TV=(--db "$DB" --agency STTTT-TV --period 2023-Q3)
for fmt in docx odt; do
  TZ=Pacific/Kiritimati "$BAOCAO" render "${TV[@]}" -o "$WORK/again.$fmt" > /dev/null
  check "$fmt: same bytes again, in another time zone" \
    cmp -s "$WORK/drafts/tra-vinh-stttt-cchc-2023-q3.$fmt" "$WORK/again.$fmt"
done
SOURCE_DATE_EPOCH=1600000000 "$BAOCAO" render "${TV[@]}" -o "$WORK/later.odt" > /dev/null
check "another SOURCE_DATE_EPOCH, other bytes" \
  bash -c "! cmp -s '$WORK/drafts/tra-vinh-stttt-cchc-2023-q3.odt' '$WORK/later.odt'"

# LibreOffice converts every draft, in one run with a profile of its own
# (parallel runs would share ~/.config/libreoffice otherwise).
for name in "${names[@]}"; do
  cp "$WORK/drafts/$name.docx" "$WORK/lo/$name-docx.docx"
  cp "$WORK/drafts/$name.odt" "$WORK/lo/$name-odt.odt"
done
start=$EPOCHREALTIME
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
  --convert-to pdf --outdir "$WORK/lo" "$WORK"/lo/*.docx "$WORK"/lo/*.odt \
  > "$WORK/soffice.log" 2>&1 || true
echo "LibreOffice converted 16 drafts in $(awk "BEGIN {printf \"%.1f\", $EPOCHREALTIME - $start}") s"

# Each report's two drafts: the package, what python-docx and odfpy read
# in it, LibreOffice's pages and text (drafts.py: one line per check).
for name in "${names[@]}"; do
  $PY "$DRAFTS" report "$WORK/drafts/$name.pdf" "$WORK/lo" "$SOURCE_DATE_EPOCH" \
    > "$WORK/$name.checks" 2>&1 || true
  grep -v '^\(ok\|FAIL\):' "$WORK/$name.checks" | sed 's/^/  /' || true
  while IFS= read -r line; do
    case "$line" in
      ok:*) pass "${line#ok: }" ;;
      FAIL:*) fail "${line#FAIL: }" ;;
    esac
  done < "$WORK/$name.checks"
  n=$(grep -c '^ok:' "$WORK/$name.checks" || true)
  [ "$n" -eq 8 ] || fail "$name: $n of 8 draft checks passed"
done

# The published reports' text, as sample_report.sh and tay_ninh.sh check
# the PDF's: in content order (-raw; pdftotext's reading order moves words
# of LibreOffice's justified lines), with the lines LibreOffice breaks
# after a hyphen joined (2729/QĐ-UBND: the PDF never breaks there).
for fmt in docx odt; do
  pdftotext -raw -x 0 -y 57 -W 596 -H 728 "$WORK/lo/tra-vinh-stttt-cchc-2023-q3-$fmt.pdf" "$WORK/tv-$fmt.txt"
  check "Trà Vinh .$fmt through LibreOffice: the published report's text" \
    python3 "$SRC/tests/e2e/reference.py" \
    "$SRC/tests/data/reference/tra_vinh_stttt_cchc_2023_q3.txt" "$WORK/tv-$fmt.txt" \
    "Thực hiện Kế hoạch số 97/KH-UBND" "(đính kèm phụ lục)." --hyphen-breaks
  pdftotext -raw -x 0 -y 57 -W 596 -H 728 "$WORK/lo/tay-ninh-stttt-cchc-dcs-2024-$fmt.pdf" "$WORK/tn-$fmt.txt"
  check "Tây Ninh .$fmt through LibreOffice: the published report's text" \
    python3 "$SRC/tests/e2e/reference.py" \
    "$SRC/tests/data/reference/tay_ninh_stttt_cchc_dcs_2024.txt" "$WORK/tn-$fmt.txt" \
    "Thực hiện Kế hoạch số 2261/KH-UBND" "của Sở Thông tin và Truyền thông./." --hyphen-breaks
done

# An edited draft still says where its figures came from: LibreOffice
# saves the Trà Vinh drafts again (as a staff member's edit would) and
# the data is still in them.
mkdir -p "$WORK/saved"
for fmt in docx odt; do
  cp "$WORK/drafts/tra-vinh-stttt-cchc-2023-q3.$fmt" "$WORK/saved/in.$fmt"
done
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$WORK/saved/out" "$WORK/saved/in.docx" \
  >> "$WORK/soffice.log" 2>&1 || true
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
  --convert-to odt --outdir "$WORK/saved/out" "$WORK/saved/in.odt" >> "$WORK/soffice.log" 2>&1 || true
for fmt in docx odt; do
  check "$fmt saved again by LibreOffice keeps baocao-data.json" $PY "$DRAFTS" kept \
    "$WORK/drafts/tra-vinh-stttt-cchc-2023-q3.pdf" "$WORK/saved/out/in.$fmt"
done

# The fonts LibreOffice drew with: Times New Roman is asked for; Debian
# has Liberation Serif in its place (fc-match says so), embedded.
check "fc-match: Times New Roman is Liberation Serif here" \
  bash -c "fc-match 'Times New Roman' | grep -q 'Liberation Serif'"
check "LibreOffice's PDF embeds Liberation Serif only" bash -c \
  "pdffonts '$WORK/lo/tra-vinh-stttt-cchc-2023-q3-docx.pdf' | tail -n +3 | awk '{print \$1, \$(NF-4)}' |
   grep -v -- '+LiberationSerif.* yes$' | { ! grep -q .; }"

# Bad data is refused as the PDF refuses it, with nothing written.
bad=$(db_with bad "UPDATE narrative SET markdown = 'Dòng ' || char(7) || ' chuông.' WHERE agency_code = 'STTTT-TV' AND period_code = '2023-Q3' AND key = (SELECT min(key) FROM narrative WHERE agency_code = 'STTTT-TV' AND period_code = '2023-Q3');")
set +e
"$BAOCAO" render --db "$bad" --agency STTTT-TV --period 2023-Q3 -o "$OUT/r.pdf" 2> "$WORK/pdf.err"
pdf_code=$?
set -e
for fmt in docx odt; do
  expect "$fmt: a control character refused as in the PDF" "$pdf_code" "$(cat "$WORK/pdf.err")" \
    render --db "$bad" --agency STTTT-TV --period 2023-Q3 -o "$OUT/r.$fmt"
done
check "the PDF refused it too (exit 5)" test "$pdf_code" -eq 5
expect "--format contradicting -o" 2 \
  "baocao render: --format odt, but '$OUT/r.docx' names a .docx file" \
  render "${TV[@]}" --format odt -o "$OUT/r.docx"
expect "unknown --format" 2 "baocao render: --format takes pdf, docx or odt" \
  render "${TV[@]}" --format rtf -o "$OUT/r.rtf"
expect "preview: a draft needs -o" 2 \
  "baocao preview: a docx draft is written to a file: give -o FILE" \
  preview "${TV[@]}" --format docx

# --format chooses over the name; without -o the default name follows it.
(cd "$WORK" && "$BAOCAO" render "${TV[@]}" --format odt > /dev/null)
check "render --format odt: out/AGENCY_PERIOD.odt" \
  $PY "$DRAFTS" package "$WORK/out/STTTT-TV_2023-Q3.odt"

# bulk --format docx: AGENCY.docx for every report of the period.
"$BAOCAO" bulk --db "$DB" --period 2023-Q3 --format docx --out-dir "$WORK/bulk" -q
check "bulk --format docx: one .docx per report, no PDF" \
  bash -c "[ \$(ls '$WORK/bulk'/*.docx | wc -l) -eq 3 ] && ! ls '$WORK/bulk'/*.pdf 2>/dev/null"
check "bulk: the manifest names the .docx files" \
  grep -q '"output":"[^"]*/STTTT-TV.docx","status":"rendered","pages":0' "$WORK/bulk/manifest.jsonl"
check "bulk: the .docx is render's, byte for byte" \
  cmp -s "$WORK/bulk/STTTT-TV.docx" "$WORK/drafts/tra-vinh-stttt-cchc-2023-q3.docx"

# preview --watch -o FILE.odt writes the draft again after a change.
cp -r "$SRC/templates" "$WORK/tpl"
"$BAOCAO" preview "${TV[@]}" --template-dir "$WORK/tpl" --watch \
  -o "$WORK/watch.odt" > "$WORK/watch.log" 2>&1 &
watcher=$!
for _ in $(seq 50); do [ -s "$WORK/watch.odt" ] && break; sleep 0.2; done
cp "$WORK/watch.odt" "$WORK/watch-1.odt"
sed -i 's/Thực hiện Kế hoạch số 97/Căn cứ Kế hoạch số 97/' "$WORK/tpl/cchc_quy.md"
for _ in $(seq 50); do
  [ "$(grep -c '^rendered' "$WORK/watch.log")" -ge 2 ] && break
  sleep 0.2
done
kill "$watcher"
wait "$watcher" || true
check "preview --watch -o x.odt: drawn again after the template changed" \
  test "$(grep -c '^rendered .*watch.odt in' "$WORK/watch.log")" -ge 2
content() { $PY -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("content.xml").decode())' "$1"; }
check "preview --watch: the new draft has the new text" \
  bash -c "$(declare -f content); PY=$PY; content '$WORK/watch.odt' | grep -q 'Căn cứ Kế hoạch số 97' &&
           ! content '$WORK/watch-1.odt' | grep -q 'Căn cứ Kế hoạch'"

finish
