#!/usr/bin/env bash
# tests/e2e/templates_doc.sh: the worked example of docs/templates.md
# ("A new report type from an empty directory"), run as written: every
# fenced block marked `file=PATH` is written to an empty directory, every
# `sh example` block is run there in order with `baocao` on the PATH (its
# exit code as `exit=N` says, 0 when it says nothing), an `example-stdout`
# block must equal what the command before it printed, and every line of
# the `example-output` block must be in the PDF's text. Then the PDF is
# judged as every report is: qpdf, fonts, the Decree 30 checker.
source "$(dirname "$0")/common.bash"
unset BAOCAO_TEMPLATE_DIR # the example names its own --template-dir
EX=$WORK/example
mkdir -p "$EX" "$WORK/bin"
ln -s "$BAOCAO" "$WORK/bin/baocao"

python3 - "$SRC/docs/templates.md" "$EX" "$WORK/steps" <<'PY'
import os, re, sys
doc, ex, steps = sys.argv[1:4]
text = open(doc, encoding="utf-8").read()
start = text.index("## 7. A new report type from an empty directory")
text = text[start:text.index("\n## 8. Errors", start)]
blocks = re.findall(r"^```([^\n]*)\n(.*?)^```$", text, re.M | re.S)
os.makedirs(steps)
n = files = 0
for info, body in blocks:
    words = info.split()
    opts = dict(w.split("=", 1) for w in words[1:] if "=" in w)
    if "file" in opts:
        path = os.path.join(ex, opts["file"])
        assert not os.path.isabs(opts["file"]) and ".." not in opts["file"], info
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w", encoding="utf-8").write(body)
        files += 1
    elif words[1:2] == ["example"] and words[0] == "sh":
        n += 1
        open(f"{steps}/{n:02d}.sh", "w").write(body)
        open(f"{steps}/{n:02d}.exit", "w").write(opts.get("exit", "0"))
    elif "example-stdout" in words:
        open(f"{steps}/{n:02d}.stdout", "w", encoding="utf-8").write(body)
    elif "example-output" in words:
        open(f"{steps}/output", "w", encoding="utf-8").write(body)
print(f"{files} files, {n} command blocks from {doc}")
assert files >= 10 and n >= 4
PY

export PATH="$WORK/bin:$PATH"
for step in "$WORK"/steps/*.sh; do
  base=${step%.sh}
  want=$(cat "$base.exit")
  set +e
  (cd "$EX" && bash -e "$step") > "$base.out" 2> "$base.err"
  got=$?
  set -e
  check "$(head -1 "$step" | cut -c1-70): exit $want" bash -c "[ $got -eq $want ] || { cat '$base.err'; false; }"
  if [ -f "$base.stdout" ]; then
    check "$(head -1 "$step" | cut -c1-70): prints what the document shows" \
      diff -u "$base.stdout" "$base.out"
  fi
done

PDF=$EX/nong_thon_moi.pdf
check "the PDF was written" test -s "$PDF"
pdftotext -layout "$PDF" "$WORK/pdf.txt"
check "the PDF says what the document says it says" python3 - "$WORK/steps/output" "$WORK/pdf.txt" <<'PY'
import sys, unicodedata
norm = lambda s: " ".join(unicodedata.normalize("NFC", s).split())
text = norm(open(sys.argv[2], encoding="utf-8").read())
missing = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines()
           if l.strip() and norm(l) not in text]
assert not missing, f"not in the PDF: {missing}\n--- PDF:\n{text}"
print("every line of the example's output is in the PDF")
PY
check "one page" bash -c "pdfinfo '$PDF' | grep -q '^Pages: *1$'"
check "no-break spaces keep 'số 45/KH-UBND' and 'ngày 15/01/2016' whole" python3 - "$PDF" <<'PY'
import subprocess, sys
raw = subprocess.run(["pdftotext", "-raw", sys.argv[1], "-"], capture_output=True, text=True).stdout
for line in raw.splitlines():
    assert not line.rstrip().endswith((" số", " ngày")), f"a line ends with a joined word: {line!r}"
assert "số 45/KH-UBND" in raw and "ngày 15/01/2016" in raw
PY
check_pdf_structure "$PDF"
# The Decree 30 checker measures justification and the first-line indent
# on pages 2 and later only: a one-page report has none to measure.
if d30=$(d30check_path); then
  check "d30check: every rule a one-page report can be measured by" bash -c "
    /usr/bin/python3 '$d30' '$PDF' > '$WORK/d30'; tail -1 '$WORK/d30'
    ! grep '^FAIL' '$WORK/d30' | grep -v 'body justified\|first-line indent'"
else
  skip "d30check: the Decree 30 checker cannot run here"
fi
finish
