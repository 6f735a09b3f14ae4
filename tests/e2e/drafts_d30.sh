#!/usr/bin/env bash
# tests/e2e/drafts_d30.sh: the Decree 30 checker (../shared/tools/d30check.py)
# on LibreOffice's PDFs of the Trà Vinh and Tây Ninh drafts, .docx and .odt,
# made by drafts.sh (a ctest fixture): every rule must pass. Exits 77
# (skipped) when the checker or python3-fitz is not on this machine.
source "$(dirname "$0")/common.bash"
LO=${WORK%_d30}/lo
if ! D30=$(d30check_path); then
  echo "skipped: the Decree 30 checker cannot run here"
  exit 77
fi
for name in tra-vinh-stttt-cchc-2023-q3 tay-ninh-stttt-cchc-dcs-2024; do
  for fmt in docx odt; do
    pdf=$LO/$name-$fmt.pdf
    if [ ! -s "$pdf" ]; then
      fail "$name.$fmt: no LibreOffice PDF in $LO (run e2e_drafts first)"
      continue
    fi
    check "d30check: $name.$fmt through LibreOffice" bash -c \
      "/usr/bin/python3 '$D30' '$pdf' > '$WORK/$name-$fmt.d30'; s=\$?; tail -1 '$WORK/$name-$fmt.d30'; grep '^FAIL' '$WORK/$name-$fmt.d30' || true; exit \$s"
  done
done
finish
