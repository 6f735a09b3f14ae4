#!/usr/bin/env bash
# bench/typesetting.sh: layout quality of the sample reports in three modes
# on the same text: total fit with font expansion and tracking (the
# default), total fit without them (--no-expansion), first fit
# (--first-fit). For each: render --stats (pages, lines, overfull, loose =
# spaces > 1.5x, tight < 0.8x, widows, orphans, p95 of the spaces, lines
# over 1.6x, largest expansion), then the spacing read back from the PDF
# with PyMuPDF (bench/spacing.py). Figures only. Run ./build.sh samples
# first.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  for mode in expansion no-expansion first-fit; do
    flag=(); [ "$mode" != expansion ] && flag=(--"$mode")
    line=$(build/baocao render --db samples/baocao.db --agency "$agency" \
      --period "$period" -o "$tmp/$mode.pdf" --stats "${flag[@]}")
    printf '%-12s %-24s %s\n' "$mode" "$agency $period" "${line#*: }"
    pdf=$(/usr/bin/python3 bench/spacing.py "$tmp/$mode.pdf")
    printf '%-12s %-24s PDF: %s\n' '' '' "${pdf#*: }"
  done
done < samples/reports.tsv
