#!/usr/bin/env bash
# tests/e2e/json.sh: every --json output (check, render, bulk, db, verify,
# db import-pdf) and its failures follow their schema in docs/json/
# (python3-jsonschema), are one JSON object on stdout with the human lines
# on stderr, keep the exit codes, and say what the text output and the
# files say: pages and bytes as pdfinfo and stat give them, check's
# problems as its text lines, bulk's counts as its manifest's lines.
source "$(dirname "$0")/common.bash"
sample_db
DB=$WORK/baocao.db
PY=/usr/bin/python3
"$PY" -c 'import jsonschema' 2> /dev/null || {
  echo "python3-jsonschema is missing (build.sh installs it)"; exit 1; }

# run NAME ARGS...: baocao ARGS from the source tree; stdout, stderr, code.
run() {
  set +e
  (cd "$SRC" && "$BAOCAO" "$@") > "$WORK/stdout" 2> "$WORK/stderr"
  code=$?
  set -e
}

# valid NAME SCHEMA EXIT [PYTHON]: the last run exited EXIT, printed one
# line on stdout that is one JSON object following docs/json/SCHEMA, and
# PYTHON (with `doc` the object, `err` stderr) asserts hold.
valid() {
  local name=$1 schema=$2 want=$3 extra=${4:-}
  if [ "$code" -ne "$want" ]; then
    fail "$name: exit $code, expected $want ($(head -c 300 "$WORK/stderr"))"
    return
  fi
  check "$name (exit $code)" "$PY" - "$SRC" "$schema" "$WORK/stdout" "$WORK/stderr" "$extra" <<'PY'
import json, sys
src, schema, out, errf, extra = sys.argv[1:6]
sys.path.insert(0, src + "/tests/e2e")
import json_schema
text = open(out, encoding="utf-8").read()
assert text.endswith("\n") and text.count("\n") == 1, "not one line: %r" % text[:300]
doc = json.loads(text)
json_schema.validate(json_schema.load(src), schema, doc)
err = open(errf, encoding="utf-8").read()
if "error" in doc:
    e = doc["error"]
    # the human line is on stderr, the message in it (a bad command
    # line's reason is on stderr only)
    assert e["code"] == "usage" or e["message"] in err, (e, err)
exec(extra)
PY
}

# --- the schemas themselves ---
check "every docs/json schema is a valid Draft 2020-12 schema with its own \$id" \
  "$PY" -c "import sys; sys.path.insert(0, '$SRC/tests/e2e'); import json_schema; \
s = json_schema.load('$SRC'); assert len(s) == 8, sorted(s)"

# --- check ---
run check --db "$DB" --period 2023-Q3 --json
valid "check: the sample is complete" baocao-check.schema.json 0 '
assert (doc["total"], doc["complete"], doc["incomplete"]) == (3, 3, 0), doc
assert [r["agency"] for r in doc["reports"]] == ["STP-TV", "STTTT-TV", "UBND-TV"], doc
assert all(r["complete"] and r["problems"] == [] for r in doc["reports"]), doc'

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
run check --db "$BROKEN" --period 2023-Q3 --template-dir templates
cp "$WORK/stdout" "$WORK/check.txt"
run check --db "$BROKEN" --period 2023-Q3 --template-dir templates --json
valid "check: the broken copy's problems are the text output's" baocao-check.schema.json 14 '
text = open(sys.argv[3].replace("stdout", "check.txt"), encoding="utf-8").read().splitlines()
problems = [l[2:] for l in text if l.startswith("  ")]
assert [p["text"] for r in doc["reports"] for p in r["problems"]] == problems, problems
assert (doc["total"], doc["complete"], doc["incomplete"]) == (3, 2, 1), doc
rep = next(r for r in doc["reports"] if r["agency"] == "STTTT-TV")
assert rep["template"] == "cchc_quy" and not rep["complete"], rep
kinds = [(p["kind"], p["name"], p["code"]) for p in rep["problems"]]
assert kinds == [("empty_narrative", "chi_dao_danh_gia", None),
                 ("missing_value", "chi_dao.tin_cchc_dang_tai", "data"),
                 ("missing_value", "tthc.so_hoa", "data"),
                 ("no_signer", None, "data")], kinds
p = rep["problems"][2]
assert (p["file"], p["line"], p["column"]) == ("narrative '"'"'tthc_so_hoa'"'"'", 1, 34), p
assert p["via"] == {"file": "templates/cchc/tthc.md", "line": 12, "column": 69}, p
assert p["message"] == "missing indicator '"'"'tthc.so_hoa'"'"'", p
assert rep["problems"][3]["file"] is None and rep["problems"][3]["via"] is None'

run check --db "$WORK/missing.db" --period 2023-Q3 --json
valid "check: a missing database is an error object, exit 3" baocao-check.schema.json 3 '
assert doc["error"]["code"] == "database" and doc["error"]["exit"] == 3, doc
assert "missing.db" in doc["error"]["message"], doc'
run check --db "$DB" --period 2099-Q3 --json
valid "check: an unknown period, exit 4" baocao-check.schema.json 4 '
assert doc["error"]["code"] == "not_found" and doc["error"]["exit"] == 4, doc'
run check --db "$DB" --period 2023-Q3 --agencies NOPE --json
valid "check: an unknown agency is its report's problem, exit 14" baocao-check.schema.json 14 '
[r] = doc["reports"]
assert r["agency"] == "NOPE" and r["template"] is None, r
assert [p["kind"] for p in r["problems"]] == ["failed"] and r["problems"][0]["code"] == "not_found", r'
run check --db "$DB" --period 2023-Q3 --template-dir "$WORK/no-templates" --json
valid "check: a bad template directory fails every report (input), exit 14" baocao-check.schema.json 14 '
assert doc["incomplete"] == 3 and all(r["problems"][0]["code"] == "input" for r in doc["reports"]), doc'

# --- render ---
# One date for the two renders whose sizes are compared: the date is
# deflated with the objects around it, so a second ticking over between
# them could change the size by a byte or two.
export SOURCE_DATE_EPOCH=1700000000
run render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/tv.pdf" --stats
cp "$WORK/stdout" "$WORK/stats.txt"
run render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/tv.pdf" --stats --json
unset SOURCE_DATE_EPOCH
pages=$(pdfinfo "$WORK/tv.pdf" | sed -n 's/^Pages: *//p')
bytes=$(stat -c %s "$WORK/tv.pdf")
sha=$(sha256sum "$WORK/tv.pdf" | cut -d' ' -f1)
valid "render --stats --json: pages as pdfinfo, bytes as stat, sha256, the --stats figures" \
  baocao-render.schema.json 0 "
import re
assert doc['pages'] == $pages and doc['bytes'] == $bytes and doc['sha256'] == '$sha', doc
assert doc['output'].endswith('/tv.pdf') and doc['format'] == 'pdf', doc
assert (doc['agency'], doc['period'], doc['template']) == ('STTTT-TV', '2023-Q3', None), doc
s = doc['stats']
line = open('$WORK/stats.txt').read().strip()
want = ('$WORK/tv.pdf: %d pages, %d bytes, %d lines, %d overfull, %d loose, %d tight, '
        '%d widows, %d orphans; spaces p95 %.2fx, %d over 1.6x; expansion up to %.1f%%'
        % (doc['pages'], doc['bytes'], s['lines'], s['overfull'], s['loose'], s['tight'],
           s['widows'], s['orphans'], s['space_p95'], s['very_loose'],
           s['expansion_max'] * 100))
assert line == want, (line, want)"
run render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/tv.pdf" --json
valid "render --json without --stats: no stats" baocao-render.schema.json 0 "
assert 'stats' not in doc and doc['pages'] == $pages, doc"
run render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/tv.docx" --json
valid "render --json of a draft: pages null, bytes as stat" baocao-render.schema.json 0 "
assert doc['format'] == 'docx' and doc['pages'] is None, doc
assert doc['bytes'] == $(stat -c %s "$WORK/tv.docx"), doc"
run render --db "$DB" --agency NOPE --period 2023-Q3 -o "$WORK/nope.pdf" --json
valid "render: an unknown agency, exit 4, the human line on stderr" baocao-render.schema.json 4 '
assert doc["error"]["code"] == "not_found" and "NOPE" in doc["error"]["message"], doc
assert err.startswith("baocao: ") and err.count("\n") == 1, err'
check "render: no file for the unknown agency" test ! -e "$WORK/nope.pdf"
run render --db "$WORK/missing.db" --agency STTTT-TV --period 2023-Q3 -o "$WORK/m.pdf" --json
valid "render: a missing database, exit 3" baocao-render.schema.json 3 '
assert doc["error"]["code"] == "database", doc'
run render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/t.pdf" \
  --template-dir "$WORK/no-templates" --json
valid "render: a bad template directory, exit 6" baocao-render.schema.json 6 '
assert doc["error"]["code"] == "input" and "no-templates" in doc["error"]["message"], doc'
run render --db "$DB" --agency STTTT-TV --period 2023-Q3 -o "$WORK/t.pdf" \
  --font-dir "$WORK/no-fonts" --json
valid "render: a bad font directory, exit 7" baocao-render.schema.json 7 '
assert doc["error"]["code"] == "font", doc'
run render --db "$DB" --bogus --json
valid "render: a bad command line, exit 2, code usage" baocao-render.schema.json 2 '
assert doc["error"]["code"] == "usage" and doc["error"]["file"] is None, doc
assert "--bogus" in err, err'

# --- bulk ---
run bulk --db "$BROKEN" --period 2023-Q3 --out-dir "$WORK/bulk" -j 2 --json
valid "bulk --json: the counts are the manifest's lines, exit 15" baocao-bulk.schema.json 15 "
rows = [json.loads(l) for l in open('$WORK/bulk/manifest.jsonl')]
assert doc['total'] == len(rows) == 3, doc
ok = [r for r in rows if r['status'] == 'rendered']
bad = [r for r in rows if r['status'] == 'failed']
assert doc['rendered'] == len(ok) == 2 and doc['failed'] == len(bad) == 1, doc
assert doc['current'] == 0 and doc['workers'] == 2 and doc['shard'] is None, doc
assert doc['pages'] == sum(r['pages'] for r in ok), doc
import os
assert doc['bytes'] == sum(r['bytes'] for r in ok) == sum(os.path.getsize(r['output']) for r in ok), doc
assert doc['manifest'] == '$WORK/bulk/manifest.jsonl' and doc['out_dir'] == '$WORK/bulk', doc
[f] = doc['failures']
assert f['agency'] == bad[0]['agency'] == 'STTTT-TV' and f['template'] == 'cchc_quy', f
assert f['error']['code'] == bad[0]['error_code'] == 'data' and f['error']['exit'] == 5, f
assert f['error']['message'] in bad[0]['error'], (f, bad[0])"
run bulk --db "$BROKEN" --period 2023-Q3 --out-dir "$WORK/bulk" --resume --json
valid "bulk --resume --json: current reports counted" baocao-bulk.schema.json 15 '
assert (doc["current"], doc["rendered"], doc["failed"], doc["pages"]) == (2, 0, 1, 0), doc'
run bulk --db "$WORK/missing.db" --period 2023-Q3 --out-dir "$WORK/bulk2" --json
valid "bulk: a missing database, exit 3" baocao-bulk.schema.json 3 '
assert doc["error"]["code"] == "database", doc'

# --- db ---
NEW=$WORK/new.db
run db init "$NEW" --json
valid "db init --json" baocao-db.schema.json 0 "
assert doc == {'database': '$NEW', 'action': 'init', 'schema_version': 4}, doc"
run db init "$NEW" --json
valid "db init of an existing file: exit 8" baocao-db.schema.json 8 '
assert doc["error"]["code"] == "output", doc'
run db load "$NEW" samples/tra_vinh_2023_q3.sql "$WORK/nothing.sql" --json
valid "db load --json: the files loaded, then the error" baocao-db.schema.json 6 "
assert doc['loaded'] == ['samples/tra_vinh_2023_q3.sql'] and doc['action'] == 'load', doc
assert doc['error']['code'] == 'input' and doc['error']['exit'] == 6, doc"
run db upgrade "$NEW" --json
valid "db upgrade --json" baocao-db.schema.json 0 '
assert (doc["from_version"], doc["schema_version"]) == (4, 4), doc'
set +e
"$BAOCAO" db upgrade "$NEW" --json > /dev/full 2> "$WORK/stderr"
code=$?
set -e
check "--json into a full standard output: exit 8, said on stderr" \
  test "$code" -eq 8 -a "$(cat "$WORK/stderr")" = "baocao: cannot write the JSON to standard output"
run db export "$NEW" "$WORK/csv" --json
valid "db export --json: rows as the CSV files' lines" baocao-db.schema.json 0 "
import csv, glob
n = sum(len(list(csv.reader(open(f, encoding='utf-8-sig')))) - 1 for f in glob.glob('$WORK/csv/*.csv'))
assert doc['rows'] == n > 0, (doc, n)"
printf 'agency_code,period_code,indicator_code,value\nSTTTT-TV,2023-Q3,tthc.so_hoa,12\nSTTTT-TV,2023-Q3,chi_dao.tin_cchc_dang_tai,13\n' \
  > "$WORK/values.csv"
run db import "$NEW" "$WORK/values.csv" --json
valid "db import --json: tables and rows" baocao-db-import.schema.json 0 '
assert doc["committed"] and doc["tables"] == [{"table": "indicator_value", "inserted": 0, "updated": 2}], doc
assert (doc["inserted"], doc["updated"], doc["problem_count"], doc["problems"]) == (0, 2, 0, []), doc'
sum_before=$(sha256sum "$NEW")
printf 'agency_code,period_code,indicator_code,value\nSTTTT-TV,2023-Q3,tthc.so_hoa,abc\nSTTTT-TV,2023-Q3,chi_dao.tin_cchc_dang_tai,1\nNOPE,2023-Q3,tthc.so_hoa,1\n' \
  > "$WORK/values.csv"
run db import "$NEW" "$WORK/values.csv" --json
valid "db import --json: every bad row with file, line and column, exit 5" baocao-db-import.schema.json 5 "
assert not doc['committed'] and doc['tables'] == [] and doc['problem_count'] == 2, doc
p = doc['problems']
assert [(x['file'], x['line'], x['column_name']) for x in p] == [
    ('$WORK/values.csv', 2, 'value'), ('$WORK/values.csv', 4, 'agency_code')], p
assert p[1]['message'] == \"no agency 'NOPE'\", p
assert [x['text'] for x in p] == [l[len('baocao: '):] for l in err.splitlines()[:2]], (p, err)
assert doc['error']['code'] == 'data' and doc['error']['exit'] == 5, doc"
check "db import: a refused import leaves the database as it was" \
  test "$sum_before" = "$(sha256sum "$NEW")"
printf 'code,name,full_name,symbol,place\nA1,"unterminated\n' > "$WORK/agencies.csv"
run db import "$NEW" "$WORK/agencies.csv" --json
valid "db import --json: a broken CSV file, exit 6, its position" baocao-db-import.schema.json 6 "
assert doc['error']['code'] == 'input' and doc['problem_count'] == 1, doc
[p] = doc['problems']
assert (p['file'], p['line'], p['column_name']) == ('$WORK/agencies.csv', 2, None), p
assert p['message'] == 'a quoted field is never closed (its quote opens on line 2)', p"
run db import "$WORK/missing.db" "$WORK/values.csv" --json
valid "db import: a missing database, exit 3" baocao-db-import.schema.json 3 '
assert doc["error"]["code"] == "database" and not doc["committed"], doc'

# --- verify and import-pdf: the same conventions ---
# Its size now: the file was rendered again since (without a fixed date, and
# the dates are deflated inside the object stream, so the size may move).
bytes=$(stat -c %s "$WORK/tv.pdf")
run verify --json "$WORK/tv.pdf"
valid "verify --json: size as stat" baocao-verify.schema.json 0 "
assert doc['size'] == $bytes and doc['verdict'] == 'unsigned' and doc['revisions'] == 1, doc
assert [s['field'] for s in doc['signatures']] == ['ky_nguoi_co_tham_quyen', 'ky_co_quan'], doc"
run verify --json "$WORK/values.csv"
valid "verify --json of a file that is not a PDF: unreadable, the error object, exit 12" \
  baocao-verify.schema.json 12 '
assert doc["verdict"] == "unreadable" and doc["error"]["code"] == "pdf", doc
assert doc["reason"] == doc["error"]["message"], doc'
run verify --json
valid "verify --json with no file: usage, exit 2" baocao-verify.schema.json 2 '
assert doc["error"]["code"] == "usage", doc'
cp "$DB" "$WORK/upper.db"
run db import-pdf --db "$WORK/upper.db" --json "$WORK/tv.pdf"
valid "db import-pdf --json of an unsigned file: refused, the error object, exit 13" \
  baocao-import-pdf.schema.json 13 "
assert not doc['committed'] and doc['refused'] == 1 and doc['imported'] == 0, doc
assert doc['error']['code'] == 'signature' and doc['error']['exit'] == 13, doc
[f] = doc['files']
assert f['path'] == '$WORK/tv.pdf' and f['verdict'] == 'unsigned' and not f['imported'], f"
run db import-pdf --db "$WORK/upper.db" --accept-unsigned --json "$WORK/tv.pdf"
valid "db import-pdf --json --accept-unsigned: imported" baocao-import-pdf.schema.json 0 '
assert doc["committed"] and doc["imported"] == 1 and "error" not in doc, doc
assert doc["files"][0]["agency"] == "STTTT-TV" and doc["files"][0]["imported"], doc'
run db import-pdf --json
valid "db import-pdf --json with no file: usage, exit 2" baocao-import-pdf.schema.json 2 '
assert doc["error"]["code"] == "usage", doc'

# --- the keys and tokens do not change with the language ---
# (the messages may: they are values; so may a "file" that names a
# narrative). Compared as the shape of each
# object with every sentence taken out.
shape() {
  "$PY" -c '
import json, sys
def strip(v, key=None):
    if isinstance(v, dict):
        return {k: strip(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return None if key in ("message", "text", "reason", "problem", "file") else v
print(json.dumps(strip(json.load(sys.stdin)), sort_keys=True))'
}
for args in "check --db $BROKEN --period 2023-Q3 --template-dir templates --json" \
            "render --db $DB --agency NOPE --period 2023-Q3 -o $WORK/n.pdf --json" \
            "db import $NEW $WORK/values.csv --json" \
            "render --db $DB --bogus --json"; do
  set +e
  # shellcheck disable=SC2086
  en=$(cd "$SRC" && LC_ALL=C.UTF-8 LANGUAGE= "$BAOCAO" $args 2> /dev/null | shape)
  # shellcheck disable=SC2086
  vi=$(cd "$SRC" && LC_ALL=vi_VN.UTF-8 LANG=vi_VN.UTF-8 LANGUAGE=vi "$BAOCAO" $args 2> /dev/null | shape)
  set -e
  check "the same keys and tokens in English and Vietnamese: baocao ${args%% *} ${args#* }" \
    test -n "$en" -a "$en" = "$vi"
done

finish
