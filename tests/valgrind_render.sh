#!/usr/bin/env bash
# tests/valgrind_render.sh: one render of the Trà Vinh sample under
# valgrind's memcheck (builds without sanitizers), as PDF and as .docx and
# .odt drafts: any invalid read or write, use of uninitialised memory or
# definite leak fails the test.
# Usage: valgrind_render.sh VALGRIND BAOCAO SOURCE_DIR WORK_DIR
set -euo pipefail
valgrind=$1 baocao=$2 src=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
export BAOCAO_FONT_DIR="$src/fonts" BAOCAO_TEMPLATE_DIR="$src/templates"
"$baocao" db init "$work/baocao.db" > /dev/null
for f in "$src"/samples/*.sql; do "$baocao" db load "$work/baocao.db" "$f" > /dev/null; done
"$valgrind" -q --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite --track-origins=yes \
  "$baocao" render --db "$work/baocao.db" --agency STTTT-TV --period 2023-Q3 \
  -o "$work/tra-vinh.pdf"
qpdf --check "$work/tra-vinh.pdf" > /dev/null
for fmt in docx odt; do
  "$valgrind" -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --track-origins=yes \
    "$baocao" render --db "$work/baocao.db" --agency STTTT-TV --period 2023-Q3 \
    -o "$work/tra-vinh.$fmt" > /dev/null
  test -s "$work/tra-vinh.$fmt"
done
echo "valgrind: the Trà Vinh render is clean (PDF, .docx, .odt)"
