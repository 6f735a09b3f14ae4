#!/usr/bin/env bash
# bench/typesetting.sh: layout quality of the sample reports, total fit
# (Knuth-Plass, the default) next to first fit on the same text: pages,
# lines, overfull, loose (spaces > 1.5x), tight (< 0.8x), widows, orphans.
# Figures only. Run ./build.sh samples first.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  for mode in total-fit first-fit; do
    flag=(); [ "$mode" = first-fit ] && flag=(--first-fit)
    line=$(build/baocao render --db samples/baocao.db --agency "$agency" \
      --period "$period" -o "$tmp/x.pdf" --stats "${flag[@]}")
    printf '%-9s %-24s %s\n' "$mode" "$agency $period" "${line#*: }"
  done
done < samples/reports.tsv
