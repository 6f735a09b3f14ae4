#!/usr/bin/env bash
# tests/e2e/bulk.sh: `baocao bulk` over a generated database of 500
# agencies, 3 of them broken: 497 PDFs, 3 manifest errors naming the
# problem, exit 15; a run killed with SIGKILL leaves no partial PDF and
# --resume finishes it with the bytes of an uninterrupted run; shards 1/3,
# 2/3 and 3/3 together are the full run; hostile codes stay in the output
# directory; a run that cannot start says why and writes nothing.
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000 # identical bytes run after run
DB=$WORK/gen.db
python3 "$SRC/bench/generate.py" "$DB" --provinces 5 --agencies 100 --broken 3 \
  --seed 7 --baocao "$BAOCAO" --sample "$WORK/baocao.db" 2> "$WORK/generate.log"
grep '^broken: ' "$WORK/generate.log" | sed 's/^broken: //' | sort > "$WORK/broken"
check "the generator broke 3 agencies" test "$(wc -l < "$WORK/broken")" -eq 3

# bulk NAME ARGS...: runs baocao bulk, keeping stdout, stderr and the code.
bulk() {
  local name=$1; shift
  set +e
  "$BAOCAO" bulk --db "$DB" --period 2023-Q3 "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
  code=$?
  set -e
}

# digests DIR: "sha256  file" for every PDF in DIR, sorted.
digests() { (cd "$1" && sha256sum -- *.pdf | sort -k2); }

# --- the full run ---
bulk full -j 2 --out-dir "$WORK/full"
check "full run exits 15 (some reports failed)" test "$code" -eq 15
check "497 PDFs" test "$(ls "$WORK/full"/*.pdf | wc -l)" -eq 497
check "no temporary file left" bash -c "! ls -a '$WORK/full' | grep -q tmp-"
check "one 'rendered' line per PDF on stdout" \
  test "$(grep -c '^rendered ' "$WORK/full.out")" -eq 497
check "the summary counts" grep -q \
  '^baocao bulk: 500 reports: 497 rendered, 0 current, 3 failed in ' "$WORK/full.err"
check "each failure is one line on stderr naming the agency" \
  test "$(grep -c '^baocao: P0[0-9]-A[0-9]*: failed: ' "$WORK/full.err")" -eq 3
digests "$WORK/full" > "$WORK/full.sha"

check "manifest: 500 valid JSON lines, 3 failures naming the problem, digests true" \
  python3 - "$WORK/full/manifest.jsonl" "$WORK/broken" "$WORK/full" <<'PY'
import hashlib, json, os, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 500, len(lines)
rows = [json.loads(l) for l in lines]
assert [r["agency"] for r in rows] == sorted(r["agency"] for r in rows), "not in agency order"
broken = dict(l.split(": ", 1) for l in open(sys.argv[2]).read().splitlines())
failed = {r["agency"]: r for r in rows if r["status"] == "failed"}
assert set(failed) == set(broken), (sorted(failed), sorted(broken))
wording = {"missing indicator": "missing indicator '",
           "invalid UTF-8": "invalid UTF-8 at byte",
           "no signer": "the report has no signer"}
for code, r in failed.items():
    assert wording[broken[code]] in r["error"], r
    assert code in r["error"] and r["error_code"] == "data", r
    assert r["sha256"] is None and r["bytes"] == 0 and not os.path.exists(r["output"]), r
for r in rows:
    assert r["period"] == "2023-Q3" and r["template"] == "cchc_quy", r
    if r["status"] == "failed":
        continue
    assert r["status"] == "rendered", r
    data = open(r["output"], "rb").read()
    assert len(data) == r["bytes"] and 6 <= r["pages"] <= 16, r
    assert hashlib.sha256(data).hexdigest() == r["sha256"], r
    assert len(r["input_sha256"]) == 64 and r["error"] is None, r
print(len(rows) - len(failed), "rendered,", len(failed), "failed:",
      "; ".join(f"{c}: {failed[c]['error'][:60]}" for c in sorted(failed)))
PY

first=$WORK/full/P01-A001.pdf
check "a bulk PDF has its agency's text" bash -c \
  "pdftotext '$first' - | grep -q 'UBND TỈNH AN GIANG'"
check_pdf_structure "$first"
check "pdfinfo: the page count is the manifest's" python3 - "$first" "$WORK/full/manifest.jsonl" <<'PY'
import json, subprocess, sys
info = subprocess.run(["pdfinfo", sys.argv[1]], capture_output=True, text=True).stdout
pages = int(next(l.split()[1] for l in info.splitlines() if l.startswith("Pages:")))
row = next(json.loads(l) for l in open(sys.argv[2]) if json.loads(l)["output"] == sys.argv[1])
assert pages == row["pages"], (pages, row["pages"])
PY

# --- killed mid-way, then --resume ---
set +e
"$BAOCAO" bulk --db "$DB" --period 2023-Q3 -j 2 --out-dir "$WORK/killed" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 600); do # until about a fifth of the run is done (60 s at most)
  [ "$(cat "$WORK/killed/manifest.jsonl" 2> /dev/null | wc -l)" -ge 100 ] && break
  sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2> /dev/null
set -e
ls "$WORK/killed"/*.pdf > "$WORK/killed.list" 2> /dev/null || true
done_before=$(wc -l < "$WORK/killed.list")
check "the kill came mid-way ($done_before PDFs of 497)" \
  test "$done_before" -ge 50 -a "$done_before" -lt 497
check "no partial PDF: every PDF left is byte for byte the full run's" \
  bash -c "cd '$WORK/killed' && for f in *.pdf; do
    cmp -s \"\$f\" '$WORK/full/'\"\$f\" || { echo \"differs: \$f\"; exit 1; }; done"
touch "$WORK/killed/P01-A001.pdf.tmp-AbC123" # what a kill during a write leaves
touch "$WORK/killed/manifest.jsonl.tmp-XyZ789" # ... during the manifest's rewrite
bulk resume -j 2 --out-dir "$WORK/killed" --resume
check "resume exits 15 (the broken three still fail)" test "$code" -eq 15
check "resume keeps what was done and renders the rest" python3 - "$WORK/resume.err" "$done_before" <<'PY'
import re, sys
m = re.search(r"500 reports: (\d+) rendered, (\d+) current, 3 failed", open(sys.argv[1]).read())
rendered, current = int(m[1]), int(m[2])
assert rendered + current == 497 and current > 0, (rendered, current)
# A PDF renamed into place just before the kill has no manifest line yet:
# it is rendered again, so current can be a few short of what was there.
assert int(sys.argv[2]) - 4 <= current <= int(sys.argv[2]), (current, sys.argv[2])
print(f"{current} current, {rendered} rendered")
PY
digests "$WORK/killed" > "$WORK/killed.sha"
check "after --resume: the same 497 files, the same bytes as the uninterrupted run" \
  cmp -s "$WORK/full.sha" "$WORK/killed.sha"
check "the stale temporary file is gone" bash -c "! ls -a '$WORK/killed' | grep -q tmp-"
check "the resumed manifest: 500 lines, one per report" \
  test "$(wc -l < "$WORK/killed/manifest.jsonl")" -eq 500

# --resume notices a changed file and changed data.
printf 'x' >> "$WORK/killed/P01-A002.pdf"
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE narrative SET markdown = markdown || ' Thêm một câu.' "
           "WHERE agency_code = 'P01-A003' AND key = 'chi_dao_van_ban'")
db.commit()
PY
bulk again -j 2 --out-dir "$WORK/killed" --resume
check "a changed PDF and changed data are rendered again, the rest kept" \
  grep -q '500 reports: 2 rendered, 495 current, 3 failed' "$WORK/again.err"
check "the damaged PDF is whole again" cmp -s "$WORK/killed/P01-A002.pdf" "$WORK/full/P01-A002.pdf"
check "the changed report has the new sentence" bash -c \
  "pdftotext '$WORK/killed/P01-A003.pdf' - | tr '\n' ' ' | grep -q 'Thêm một câu.'"

# --- shards ---
python3 - "$DB" <<'PY' # undo the narrative change, to compare with the full run
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE narrative SET markdown = substr(markdown, 1, length(markdown) - 14) "
           "WHERE agency_code = 'P01-A003' AND key = 'chi_dao_van_ban'")
db.commit()
PY
for k in 1 2 3; do
  bulk "shard$k" -j 1 --out-dir "$WORK/shards" --shard "$k/3"
  echo "shard $k/3: exit $code, $(wc -l < "$WORK/shards/manifest-$k-of-3.jsonl") reports"
done
check "shards 1/3, 2/3, 3/3 together: the full run's files, the same bytes" \
  bash -c "diff <(cd '$WORK/shards' && sha256sum -- *.pdf | sort -k2) '$WORK/full.sha'"
check "shard manifests are disjoint and cover the 500 reports" python3 - "$WORK/shards" <<'PY'
import json, sys
seen = []
for k in (1, 2, 3):
    rows = [json.loads(l) for l in open(f"{sys.argv[1]}/manifest-{k}-of-3.jsonl")]
    assert 100 <= len(rows) <= 240, (k, len(rows))  # a fair share each
    seen += [r["agency"] for r in rows]
assert len(seen) == len(set(seen)) == 500, len(seen)
PY

# --- a run of some agencies keeps the other reports' manifest lines ---
cp -r "$WORK/full" "$WORK/partial"
bulk partial -j 1 --out-dir "$WORK/partial" --agencies P01-A001,P01-A002
check "--agencies: exit 0, 2 rendered" bash -c \
  "[ $code -eq 0 ] && grep -q '2 reports: 2 rendered, 0 current, 0 failed' '$WORK/partial.err'"
check "--agencies: the manifest still has all 500 reports, the others' lines untouched" \
  python3 - "$WORK/partial/manifest.jsonl" "$WORK/full/manifest.jsonl" <<'PY'
import json, sys
new = open(sys.argv[1]).read().splitlines()
old = open(sys.argv[2]).read().splitlines()
assert len(new) == 500, len(new)
changed = [(a, b) for a, b in zip(new, old) if a != b]
assert [json.loads(a)["agency"] for a, _ in changed] == ["P01-A001", "P01-A002"], changed
for a, b in changed:
    assert "/partial/" in json.loads(a)["output"] and json.loads(a)["sha256"] == json.loads(b)["sha256"]
PY

# --- hostile codes stay inside the output directory ---
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
src, evil = "P01-A001", "../../evil/../x y"
def copy(table, key):
    cols = [c[1] for c in db.execute(f"PRAGMA table_info({table})")]
    sel = ", ".join("?" if c == key else c for c in cols)
    db.execute(f"INSERT INTO {table} SELECT {sel} FROM {table} WHERE {key} = ?", (evil, src))
copy("agency", "code")
for t in ("report", "recipient", "indicator_value", "narrative"):
    copy(t, "agency_code")
db.commit()
PY
bulk hostile -j 1 --out-dir "$WORK/hostile/out" --agencies "../../evil/../x y,P01-A001"
check "a hostile agency code renders (exit 0)" test "$code" -eq 0
check "its PDF is inside the output directory, under a safe name" bash -c \
  "ls '$WORK/hostile/out' | grep -qxE '_[._]*evil[._]*x_y-[0-9a-f]{8}\.pdf' &&
   [ \"\$(find '$WORK' -name '*evil*' -o -name 'x y*' | grep -v '^$WORK/hostile/out/' | wc -l)\" -eq 0 ]"

# A code written to look like another's file name cannot overwrite it.
twin=$(ls "$WORK/hostile/out" | grep evil | sed 's/\.pdf$//')
python3 - "$DB" "$twin" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO agency (code, name, full_name, parent_name, symbol, place) SELECT ?, name, full_name, parent_name, symbol, place "
           "FROM agency WHERE code = 'P01-A001'", (sys.argv[2],))
db.execute("INSERT INTO report SELECT ?, period_code, template, number, issued_on, "
           "signer_id, archive_unit FROM report WHERE agency_code = 'P01-A001'", (sys.argv[2],))
db.commit()
PY
bulk twin -j 1 --out-dir "$WORK/twin" --agencies P01-A001
check "two codes with one file name: exit 5 naming both, nothing written" bash -c \
  "[ $code -eq 5 ] && grep -q \"would both be written to '$WORK/twin/$twin.pdf'\" '$WORK/twin.err' &&
   [ ! -e '$WORK/twin' ]"
python3 - "$DB" "$twin" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DELETE FROM report WHERE agency_code = ?", (sys.argv[2],))
db.execute("DELETE FROM agency WHERE code = ?", (sys.argv[2],))
db.commit()
PY

# An agency with two reports in the period: AGENCY+TEMPLATE.pdf for each.
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO report SELECT agency_code, period_code, 'cchc_dcs', number, "
           "issued_on, signer_id, archive_unit FROM report WHERE agency_code = 'P01-A001'")
db.commit()
PY
bulk multi -j 1 --out-dir "$WORK/multi" --agencies P01-A001
check "two reports of one agency: two names with the template" bash -c \
  "grep -o '\"output\":\"[^\"]*\"' '$WORK/multi/manifest.jsonl' | sed 's|.*/||' | tr -d '\"' | paste -sd' ' |
   grep -qx 'P01-A001+cchc_dcs.pdf P01-A001+cchc_quy.pdf' &&
   cmp -s '$WORK/multi/P01-A001+cchc_quy.pdf' '$WORK/full/P01-A001.pdf'"

# --- runs that cannot start: one message, a distinct code, nothing written ---
bulk usage1 --out-dir "$WORK/none" --shard 0/3
check "--shard 0/3: exit 2" test "$code" -eq 2
bulk usage2 --out-dir "$WORK/none" --shard 4/3
check "--shard 4/3: exit 2" test "$code" -eq 2
bulk usage3 --out-dir "$WORK/none" -j 0
check "-j 0: exit 2" test "$code" -eq 2
set +e
"$BAOCAO" bulk --db "$DB" --period 2031-Q1 --out-dir "$WORK/none" > /dev/null 2> "$WORK/period.err"
code=$?
set -e
check "unknown period: exit 4, named" bash -c \
  "[ $code -eq 4 ] && grep -q \"unknown period '2031-Q1'\" '$WORK/period.err'"
bulk agency --out-dir "$WORK/none" --agencies P01-A001,NOPE
check "unknown agency: exit 4, named" bash -c \
  "[ $code -eq 4 ] && grep -q \"agency 'NOPE' has no report for period '2023-Q3'\" '$WORK/agency.err'"
set +e
"$BAOCAO" bulk --db "$WORK/missing.db" --period 2023-Q3 --out-dir "$WORK/none" > /dev/null 2> "$WORK/missing.err"
code=$?
set -e
check "missing database: exit 3, named" bash -c \
  "[ $code -eq 3 ] && grep -q 'missing.db' '$WORK/missing.err'"
check "nothing was written by the runs that could not start" test ! -e "$WORK/none"
printf 'not a directory' > "$WORK/afile"
bulk blocked -j 1 --out-dir "$WORK/afile/out"
check "an output directory that cannot be made: exit 8, named" bash -c \
  "[ $code -eq 8 ] && grep -q 'afile' '$WORK/blocked.err'"
bulk fonts -j 1 --out-dir "$WORK/nofonts" --font-dir "$WORK/none"
check "missing fonts: exit 7 before anything is written" bash -c \
  "[ $code -eq 7 ] && ! ls '$WORK/nofonts'/*.pdf > /dev/null 2>&1 && [ ! -e '$WORK/nofonts/manifest.jsonl' ]"
finish
