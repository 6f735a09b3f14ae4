#!/usr/bin/env bash
# tests/e2e/bulk_kill.sh: crash safety of `baocao bulk`: a run killed with
# SIGKILL at random points, again and again with --resume, never leaves a
# PDF that is not complete (each is qpdf-clean and byte for byte the
# uninterrupted run's) nor a manifest line that lies about a file; the
# last --resume finishes with the uninterrupted run's files and one line
# per report. BC_KILLS sets the number of kills (default 6), BC_KILL_SEED
# the random seed (printed, to replay a failure).
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000 # identical bytes run after run
DB=$WORK/gen.db
python3 "$SRC/bench/generate.py" "$DB" --provinces 1 --agencies 60 --seed 11 \
  --baocao "$BAOCAO" --sample "$WORK/baocao.db" 2> "$WORK/generate.log"
kills=${BC_KILLS:-6}
seed=${BC_KILL_SEED:-$(date +%s)}
RANDOM=$seed
echo "kills: $kills, seed: $seed"

# The uninterrupted run, and how long it takes (in ms).
start=$(date +%s%N)
"$BAOCAO" bulk --db "$DB" --period 2023-Q3 -j 2 --out-dir "$WORK/ref" > /dev/null 2>&1
check "the uninterrupted run renders 60 reports" \
  test "$(ls "$WORK/ref"/*.pdf | wc -l)" -eq 60
span=$(( ($(date +%s%N) - start) / 1000000 ))
echo "uninterrupted run: $span ms"

# consistent DIR: every PDF is the uninterrupted run's (so complete), at
# most the kills' cut lines are not JSON, and each report's last manifest
# line that says it is done names a file of that size and digest.
consistent() {
  python3 - "$1" "$WORK/ref" "$2" <<'PY'
import hashlib, json, os, sys
out, ref, cuts = sys.argv[1], sys.argv[2], int(sys.argv[3])
for f in os.listdir(out):
    if f.endswith(".pdf"):
        a = open(os.path.join(out, f), "rb").read()
        b = open(os.path.join(ref, f), "rb").read()
        assert a == b, f"{f}: not the uninterrupted run's bytes ({len(a)} of {len(b)})"
last, bad = {}, 0
path = os.path.join(out, "manifest.jsonl")
for line in open(path, encoding="utf-8", errors="replace").read().split("\n"):
    if not line:
        continue
    try:
        r = json.loads(line)
    except ValueError:
        bad += 1
        continue
    last[r["agency"]] = r
assert bad <= cuts, f"{bad} broken manifest lines after {cuts} kills"
for a, r in last.items():
    if r["status"] in ("rendered", "current"):
        data = open(r["output"], "rb").read()
        assert len(data) == r["bytes"], (a, len(data), r["bytes"])
        assert hashlib.sha256(data).hexdigest() == r["sha256"], a
print(f"{sum(f.endswith('.pdf') for f in os.listdir(out))} PDFs, "
      f"{len(last)} reports in the manifest, {bad} cut lines")
PY
}

mid_run=0
checked=$WORK/checked
: > "$checked"
for k in $(seq "$kills"); do
  resume=()
  [ "$k" -gt 1 ] && resume=(--resume)
  "$BAOCAO" bulk --db "$DB" --period 2023-Q3 -j 2 --out-dir "$WORK/killed" \
    "${resume[@]}" > /dev/null 2>&1 &
  pid=$!
  # a random point of what is left to do
  left=$(( 60 - $(ls "$WORK/killed" 2> /dev/null | grep -c '\.pdf$' || true) ))
  delay=$(( RANDOM % (span * left / 60 + 1) ))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 "$pid" 2> /dev/null; then mid_run=$((mid_run + 1)); fi
  wait "$pid" 2> /dev/null || true
  [ -f "$WORK/killed/manifest.jsonl" ] || continue
  check "kill $k after $delay ms: every PDF complete, the manifest consistent" \
    consistent "$WORK/killed" "$k"
  for f in "$WORK/killed"/*.pdf; do # qpdf once per file
    [ -e "$f" ] || continue
    grep -qxF "$f" "$checked" && continue
    qpdf --check "$f" > /dev/null 2>&1 || fail "qpdf --check: $f"
    echo "$f" >> "$checked"
  done
done
echo "$mid_run of $kills kills came mid-run; $(wc -l < "$checked") PDFs checked with qpdf"
check "most kills came mid-run" test "$mid_run" -ge $(( kills / 2 ))

set +e
"$BAOCAO" bulk --db "$DB" --period 2023-Q3 -j 2 --out-dir "$WORK/killed" --resume \
  > /dev/null 2> "$WORK/final.err"
code=$?
set -e
check "the last --resume finishes (exit 0)" test "$code" -eq 0
check "... with the uninterrupted run's 60 files, byte for byte" \
  diff <(cd "$WORK/ref" && sha256sum -- *.pdf) <(cd "$WORK/killed" && sha256sum -- *.pdf)
check "... one manifest line per report" \
  test "$(wc -l < "$WORK/killed/manifest.jsonl")" -eq 60
check "... each true, none cut" consistent "$WORK/killed" 0
check "no temporary file left" bash -c "! ls -a '$WORK/killed' | grep -q tmp-"
finish
