#!/bin/sh
# bench/typst.sh: times baocao render against Typst (its node binding) on the same text, the Tây Ninh sample report, and prints the figures side by side.
#
# Usage: bench/typst.sh [BUILD_DIR] [RUNS]   (default build/ and 21 runs;
#        build first, then ./build.sh samples)
#
# 1. Installs Typst's node binding (bench/typst/package.json, exact
#    versions, package-lock.json) into bench/typst/node_modules when it is
#    missing: `npm ci`, from the npm registry.
# 2. Renders the Tây Ninh report (STTTT-TN 2024-01-01..2024-07-31) as a PDF
#    and as a .docx draft; bench/typst/docx2typ.py turns the draft into a
#    Typst document with the same text, styles, page and margins (header
#    block, title, sections, bullets, signature block), and the PDF's
#    attached baocao-data.json is attached to Typst's PDF too. Both use the
#    four Liberation Serif files of fonts/ and write PDF/A-3b, tagged.
# 3. bench/typst/side_by_side.py times RUNS rounds, each one `baocao render`
#    process and one node process compiling once (wall and CPU), then the
#    in-process figures (build/render_bench; one Typst compiler reused),
#    and prints medians, minimums, pages, bytes and the ratios.
# 4. Checks with pdftotext that both PDFs hold a few phrases of the report.
# Figures only, never pass/fail. The .typ and both PDFs are left in
# out/typst/ for a look.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-21}
build=$(cd "$build" && pwd)
for need in "$build/baocao" "$root/samples/baocao.db"; do
  [ -e "$need" ] || { echo "bench/typst.sh: $need is missing (build, then ./build.sh samples)" >&2; exit 1; }
done
for tool in node npm python3 pdftotext pdfinfo pdfdetach; do
  command -v "$tool" >/dev/null || { echo "bench/typst.sh: $tool is needed" >&2; exit 1; }
done

if [ ! -d "$root/bench/typst/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
  echo "installing Typst's node binding into bench/typst/node_modules (npm ci)"
  (cd "$root/bench/typst" && npm ci --no-audit --no-fund --loglevel=error)
fi
typst=$(cd "$root/bench/typst" && node -e \
  'const v=require("@myriaddreamin/typst-ts-node-compiler/package.json").version;console.log(v)')

work=$root/out/typst
mkdir -p "$work"
export SOURCE_DATE_EPOCH=1700000000
set -- --db "$root/samples/baocao.db" --agency STTTT-TN --period 2024-01-01..2024-07-31 \
  --font-dir "$root/fonts" -q
"$build/baocao" render "$@" -o "$work/baocao.pdf"
"$build/baocao" render "$@" -o "$work/report.docx"
rm -f "$work/baocao-data.json"
pdfdetach -save 1 -o "$work/baocao-data.json" "$work/baocao.pdf"
python3 "$root/bench/typst/docx2typ.py" "$work/report.docx" "Liberation Serif" \
  baocao-data.json >"$work/report.typ"

echo "baocao $("$build/baocao" --version | head -n 1 | awk '{print $NF}'); Typst through" \
  "@myriaddreamin/typst-ts-node-compiler $typst, node $(node --version)"
python3 "$root/bench/typst/side_by_side.py" "$build" "$runs" "$work"

echo "text (pdftotext), baocao / Typst:"
for phrase in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Kết quả thực hiện công tác cải cách" \
    "A. KHÁI QUÁT CHUNG CỦA CƠ QUAN" "IV. ĐỀ XUẤT, KIẾN NGHỊ" "PHÓ GIÁM ĐỐC" "Lưu: VT, VP."; do
  line="  "
  for pdf in baocao typst; do
    if pdftotext "$work/$pdf.pdf" - 2>/dev/null | tr -s ' \n' '  ' | grep -qF "$phrase"; then
      line="$line $pdf yes,"
    else
      line="$line $pdf NO,"
    fi
  done
  echo "$line \"$phrase\""
done
echo "files: $work/{baocao.pdf,typst.pdf,report.typ}"
