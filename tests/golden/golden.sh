#!/bin/bash
# tests/golden/golden.sh: the page-model goldens of the two reference
# reports: each is laid out (tests/golden/dump_pages, bc_pages_dump) with
# the bundled fonts and compared with tests/golden/<name>.pages; a
# difference fails with its unified diff (the first lines). --update
# writes the goldens instead (tests/golden/regen.sh).
# Usage: golden.sh DUMP_PAGES BAOCAO SRC WORK [--update]
set -euo pipefail
DUMP=$1
BAOCAO=$2
SRC=$3
WORK=$4
UPDATE=${5:-}
DIFF_LINES=${GOLDEN_DIFF_LINES:-60}
rm -rf "$WORK"
mkdir -p "$WORK"
unset LANGUAGE LC_ALL
export LC_MESSAGES=C

# The two reference reports only (what the province sample adds does not
# change them): agency, period, golden.
reports=(
  "STTTT-TV 2023-Q3 tra-vinh-stttt-cchc-2023-q3"
  "STTTT-TN 2024-01-01..2024-07-31 tay-ninh-stttt-cchc-dcs-2024"
)
db=$WORK/reference.db
"$BAOCAO" db init "$db" >/dev/null
for f in tra_vinh_2023_q3.sql tay_ninh_2024.sql; do
  "$BAOCAO" db load "$db" "$SRC/samples/$f" >/dev/null
done

failures=0
for r in "${reports[@]}"; do
  read -r agency period name <<<"$r"
  golden=$SRC/tests/golden/$name.pages
  got=$WORK/$name.pages
  "$DUMP" "$SRC/fonts" "$SRC/templates" "$db" "$agency" "$period" >"$got"
  if [ "$UPDATE" = --update ]; then
    cp "$got" "$golden"
    printf 'wrote %s: %s lines, %s bytes\n' "$golden" "$(wc -l <"$golden")" \
      "$(wc -c <"$golden")"
  elif [ ! -f "$golden" ]; then
    printf 'FAIL: %s is missing (tests/golden/regen.sh writes it)\n' "$golden"
    failures=$((failures + 1))
  elif diff -u --label "golden/$name.pages" --label "now/$name.pages" \
      "$golden" "$got" >"$WORK/$name.diff"; then
    printf 'ok: %s: %s lines as the golden\n' "$name" "$(wc -l <"$got")"
  else
    printf 'FAIL: %s: the page model differs from the golden (%s lines of '\
'diff; the first %s):\n' "$name" "$(wc -l <"$WORK/$name.diff")" "$DIFF_LINES"
    head -n "$DIFF_LINES" "$WORK/$name.diff"
    printf '(whole diff: %s; when the change is meant, run '\
'tests/golden/regen.sh and commit the goldens)\n' "$WORK/$name.diff"
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ]
