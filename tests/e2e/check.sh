#!/usr/bin/env bash
# tests/e2e/check.sh: `baocao check` lists, per agency, everything that
# would stop or spoil its report for a period (exact lines, exact
# positions), exits 14 unless every report is complete, and finds exactly
# the agencies bench/generate.py broke, the ones `baocao render` refuses.
source "$(dirname "$0")/common.bash"
sample_db
DB=$WORK/baocao.db

# run NAME ARGS...: runs baocao ARGS from the source tree (so template
# paths read templates/...), keeping stdout, stderr and the exit code.
run() {
  set +e
  (cd "$SRC" && "$BAOCAO" "$@") > "$WORK/stdout" 2> "$WORK/stderr"
  code=$?
  set -e
}

# expect NAME EXIT_CODE EXPECTED_STDOUT: the last run's code and output.
expect() {
  local name=$1 want=$2 out=$3
  if [ "$code" -ne "$want" ]; then
    fail "$name: exit $code, expected $want ($(cat "$WORK/stderr"))"
  elif [ "$(cat "$WORK/stdout")" != "$out" ]; then
    fail "$name: stdout was:"
    cat "$WORK/stdout"
    echo "     expected:"
    printf '%s\n' "$out"
  elif [ -s "$WORK/stderr" ]; then
    fail "$name: stderr was: $(cat "$WORK/stderr")"
  else
    pass "$name (exit $code)"
  fi
}

# --- the sample: complete ---
run check --db "$DB" --period 2023-Q3
expect "sample database: complete" 0 "3 reports: 3 complete, 0 with problems"

# --- a copy with two values deleted, a narrative emptied, no signer ---
BROKEN=$WORK/broken.db
sample_db "$BROKEN"
cat > "$WORK/break.sql" <<'SQL'
DELETE FROM indicator_value WHERE agency_code = 'STTTT-TV'
  AND indicator_code IN ('tthc.so_hoa', 'chi_dao.tin_cchc_dang_tai');
UPDATE narrative SET markdown = '   ' WHERE agency_code = 'STTTT-TV'
  AND key = 'chi_dao_danh_gia';
UPDATE report SET signer_id = NULL WHERE agency_code = 'STTTT-TV';
SQL
"$BAOCAO" db load "$BROKEN" "$WORK/break.sql" > /dev/null
BLOCK="STTTT-TV 2023-Q3: 4 problems
  empty narrative 'chi_dao_danh_gia' (templates/cchc/chi_dao.md:6:49)
  missing indicator 'chi_dao.tin_cchc_dang_tai' (narrative 'chi_dao_tuyen_truyen':3:438 via templates/cchc/chi_dao.md:12:1)
  missing indicator 'tthc.so_hoa' (narrative 'tthc_so_hoa':1:34 via templates/cchc/tthc.md:12:69)
  no signer"
run check --db "$BROKEN" --period 2023-Q3 --template-dir templates
expect "broken copy: every problem, where it is" 14 "$BLOCK
3 reports: 2 complete, 1 with problems"
run check --db "$BROKEN" --period 2023-Q3 --template-dir templates --quiet
expect "--quiet: nothing, the exit code says" 14 ""
run check --db "$BROKEN" --period 2023-Q3 --template-dir templates \
  --agencies STTTT-TV,NOPE,STTTT-TV
expect "--agencies: those only, each once; an unknown one is a problem" 14 \
"NOPE 2023-Q3: 1 problem
  $BROKEN: unknown agency 'NOPE'
$BLOCK
2 reports: 0 complete, 2 with problems"
# The render stops at the first of them, as it always did.
run render --db "$BROKEN" --agency STTTT-TV --period 2023-Q3 -o "$WORK/r.pdf"
check "render refuses it: no signer, exit 5" bash -c "[ $code -eq 5 ] &&
  [ \"\$(cat '$WORK/stderr')\" = \"baocao: $BROKEN: the report has no signer (agency STTTT-TV, period 2023-Q3)\" ]"

# --- a province report whose member lacks a value: the totals that need
# it, the member's own row and its ranking are listed, each where it is ---
PROV=$WORK/province.db
sample_db "$PROV"
cat > "$WORK/province.sql" <<'SQL'
DELETE FROM indicator_value WHERE agency_code = 'SYT-TV'
  AND period_code = '2023-Q3'
  AND indicator_code IN ('cchc.tthc_qua_han', 'cchc.diem_tu_danh_gia');
SQL
"$BAOCAO" db load "$PROV" "$WORK/province.sql" > /dev/null
run check --db "$PROV" --period 2023-Q3 --agencies UBND-TV --template-dir templates
# (the ranking's key at 7:18, then each row's own use of the value)
expect "province: a member's missing values, by total, row and ranking" 14 \
"UBND-TV 2023-Q3: 8 problems
  missing value 'tong.cchc.tthc_qua_han': agency 'SYT-TV' has no number for it (templates/cchc_tinh.md:22:159)
  missing indicator 'cchc.tthc_qua_han' of agency 'SYT-TV' (templates/cchc_tinh.md:29:116)
  missing value 'tong.cchc.tthc_qua_han': agency 'SYT-TV' has no number for it (templates/cchc_tinh.md:31:143)
  missing value 'trung_binh.cchc.diem_tu_danh_gia': agency 'SYT-TV' has no number for it (templates/cchc_tinh.md:51:52)
  missing indicator 'cchc.diem_tu_danh_gia' of agency 'SYT-TV' (templates/cchc_tinh/phu_luc_xep_hang.md:7:18)
  missing value 'trung_binh.cchc.diem_tu_danh_gia': agency 'SYT-TV' has no number for it (templates/cchc_tinh/phu_luc_xep_hang.md:8:85)
  missing indicator 'cchc.diem_tu_danh_gia' of agency 'SYT-TV' (templates/cchc_tinh/phu_luc_xep_hang.md:8:24)
  missing indicator 'cchc.diem_tu_danh_gia' of agency 'SYT-TV' (templates/cchc_tinh/phu_luc_xep_hang.md:8:59)
1 report: 0 complete, 1 with problems"

# --- errors ---
run check --db "$DB" --period 2099-Q1
check "unknown period: exit 4 and render's message" bash -c "[ $code -eq 4 ] &&
  [ \"\$(cat '$WORK/stderr')\" = \"baocao: $DB: unknown period '2099-Q1'\" ] &&
  [ ! -s '$WORK/stdout' ]"
run check --db "$DB"
check "--period missing: exit 2" bash -c "[ $code -eq 2 ] &&
  [ \"\$(cat '$WORK/stderr')\" = 'baocao check: --db and --period are required (see baocao help check)' ]"
run --help
check "baocao --help lists check and exit code 14" bash -c "[ $code -eq 0 ] &&
  grep -q '^  check ' '$WORK/stdout' && grep -q '14 some report has problems' '$WORK/stdout'"
run help check
check "baocao help check" bash -c "[ $code -eq 0 ] && head -1 '$WORK/stdout' | grep -q 'Usage: baocao check'"

# --- a generated database with three agencies broken ---
GEN=$WORK/generated.db
python3 "$SRC/bench/generate.py" "$GEN" --provinces 1 --agencies 30 --broken 3 \
  --baocao "$BAOCAO" --sample "$DB" 2> "$WORK/generate.err"
grep '^broken: ' "$WORK/generate.err" | sed 's/^broken: //' | sort > "$WORK/broken.txt"
check "generate.py broke 3 agencies" bash -c "[ \$(wc -l < '$WORK/broken.txt') -eq 3 ]"
run check --db "$GEN" --period 2023-Q3
cp "$WORK/stdout" "$WORK/check.txt"
check "generated: exit 14, 27 complete" bash -c "[ $code -eq 14 ] &&
  tail -1 '$WORK/check.txt' | grep -qx '30 reports: 27 complete, 3 with problems'"
# Each broken agency has one block of one problem, of the kind it was
# broken in; no other agency has a block.
python3 - "$WORK/broken.txt" "$WORK/check.txt" "$GEN" <<'PY' && pass "generated: check finds exactly the broken agencies" || fail "generated: check finds exactly the broken agencies"
import re, sys
broken = dict(line.rstrip("\n").split(": ", 1) for line in open(sys.argv[1]))
lines = open(sys.argv[2]).read().splitlines()[:-1]
blocks, agency = {}, None
for line in lines:
    m = re.fullmatch(r"(\S+) 2023-Q3: (\d+) problems?", line)
    if m:
        agency = m.group(1)
        blocks[agency] = []
    else:
        assert line.startswith("  "), line
        blocks[agency].append(line[2:])
assert set(blocks) == set(broken), (sorted(blocks), sorted(broken))
db = sys.argv[3]
want = {"missing indicator": r"missing indicator '[a-z_.]+' \(narrative '[a-z_]+':\d+:\d+ via .+/cchc/[a-z_]+\.md:\d+:\d+\)",
        "invalid UTF-8": re.escape(db) + r": agency name: invalid UTF-8 at byte 4 \(agency %s, period 2023-Q3\)",
        "no signer": r"no signer"}
for agency, how in broken.items():
    assert len(blocks[agency]) == 1, blocks[agency]
    pattern = want[how] % agency if "%s" in want[how] else want[how]
    assert re.fullmatch(pattern, blocks[agency][0]), (how, blocks[agency][0])
    print(f"{agency}: {how}: {blocks[agency][0]}")
PY
# What check calls complete renders; what it does not, render refuses.
refused=$(for a in $(python3 -c "import sqlite3,sys; print(' '.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT agency_code FROM report ORDER BY 1')))" "$GEN"); do
  "$BAOCAO" render --db "$GEN" --agency "$a" --period 2023-Q3 -o "$WORK/g.pdf" > /dev/null 2>&1 || echo "$a"
done)
check "render refuses exactly the agencies check lists" bash -c "[ \"$(echo $refused)\" = \"$(cut -d: -f1 "$WORK/broken.txt" | tr '\n' ' ' | sed 's/ $//')\" ]"

finish
