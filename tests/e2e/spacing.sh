#!/usr/bin/env bash
# tests/e2e/spacing.sh: justified spacing with font expansion and tracking
# on the two reference reports (Trà Vinh quý III/2023, Tây Ninh 2024) and
# the other samples, read back from the PDFs with PyMuPDF
# (bench/spacing.py): p95 of the spaces at most 1,25x the natural space, no
# line over 1,5x, none overfull; render --stats says the same; the words
# pdftotext reads are those of the same report without expansion; the
# content draws the expanded glyphs with Tz and restores it.
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000
/usr/bin/python3 -c 'import fitz' 2>/dev/null || { echo "SKIP: python3-fitz (PyMuPDF) is not installed"; exit 77; }

render() { # render AGENCY PERIOD NAME [options]
  local agency=$1 period=$2 name=$3; shift 3
  "$BAOCAO" render --db "$WORK/baocao.db" --agency "$agency" --period "$period" \
    -o "$WORK/$name.pdf" --stats "$@" > "$WORK/$name.stats"
}

while IFS=$'\t' read -r agency period file; do
  case "$agency" in ''|'#'*) continue ;; esac
  name=${file%.pdf}
  render "$agency" "$period" "$name"
  /usr/bin/python3 "$SRC/bench/spacing.py" --json "$WORK/$name.pdf" > "$WORK/$name.json"
  check "$name: p95 <= 1.25, no line over 1.5x, 0 overfull (PDF and --stats)" \
    python3 - "$WORK/$name.json" "$WORK/$name.stats" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))[0]
stats = open(sys.argv[2]).read()
print(stats.strip())
print(f'PDF: {r["justified"]} justified lines, p95 {r["p95"]}, max {r["max"]}, '
      f'{r["over_1_5"]} over 1.5x, {r["overfull"]} overfull')
assert r["justified"] > 0 and r["p95"] <= 1.25 and r["over_1_5"] == 0 and r["overfull"] == 0, r
m = re.search(r"(\d+) overfull, (\d+) loose, .*spaces p95 ([\d.]+)x, (\d+) over 1.6x", stats)
assert m, stats
overfull, loose, p95, over16 = int(m[1]), int(m[2]), float(m[3]), int(m[4])
assert overfull == 0 and loose == 0 and over16 == 0 and p95 <= 1.25, stats
assert abs(p95 - r["p95"]) <= 0.03, f"--stats p95 {p95} vs PDF {r['p95']}"
PY
done < "$SRC/samples/reports.tsv"

# Before, on the same text: total fit with the spaces alone.
render STTTT-TV 2023-Q3 tv-plain --no-expansion
render STTTT-TN 2024-01-01..2024-07-31 tn-plain --no-expansion
/usr/bin/python3 "$SRC/bench/spacing.py" "$WORK"/tv-plain.pdf "$WORK"/tra-vinh-stttt-cchc-2023-q3.pdf \
  "$WORK"/tn-plain.pdf "$WORK"/tay-ninh-stttt-cchc-dcs-2024.pdf
check "--no-expansion: no Tz, and looser spaces than with expansion" python3 - \
  "$WORK/tv-plain.stats" "$WORK/tra-vinh-stttt-cchc-2023-q3.stats" <<'PY'
import re, sys
p95 = [float(re.search(r"spaces p95 ([\d.]+)x", open(f).read())[1]) for f in sys.argv[1:]]
assert "expansion up to 0.0%" in open(sys.argv[1]).read()
assert p95[0] > p95[1], p95
PY

# The text layer: the same words in the same order (a web address may
# break at another delimiter; page numbers move with the lines).
words() {
  pdftotext "$1" - | python3 -c '
import re, sys
t = re.sub(r"((?:https?://|www\.)(?:\S*[/.\-?&=_#])?)\n\s*(?=[0-9A-Za-z%])", r"\1", sys.stdin.read())
print("\n".join(w for w in t.split() if not w.isdigit()))'
}
for pair in "tv-plain tra-vinh-stttt-cchc-2023-q3" "tn-plain tay-ninh-stttt-cchc-dcs-2024"; do
  set -- $pair
  words "$WORK/$1.pdf" > "$WORK/$1.words"
  words "$WORK/$2.pdf" > "$WORK/$2.words"
  check "$2: pdftotext gives the same words as without expansion" \
    bash -c "cmp '$WORK/$1.words' '$WORK/$2.words' && echo \$(wc -l < '$WORK/$2.words') words"
done

qpdf --qdf --object-streams=disable "$WORK/tra-vinh-stttt-cchc-2023-q3.pdf" "$WORK/tv-qdf.pdf"
# Tz, Tc and Tw belong to the text state, which outlives BT/ET: a run sets
# only what differs from the page's run before, and sets nothing back.
check "expanded runs: wider and narrower with Tz, tracking with Tc, word spacing with Tw, none set back before ET" \
  python3 - "$WORK/tv-qdf.pdf" <<'PY'
import re, sys
runs = [l for l in open(sys.argv[1], "rb").read().decode("latin-1").splitlines() if l.startswith("BT ")]
tz = [float(m[1]) for l in runs for m in [re.match(r"BT (?:/F\d [\d.]+ Tf )?([\d.]+) Tz ", l)] if m]
tc = [l for l in runs if re.match(r"BT (?:/F\d [\d.]+ Tf )?(?:[\d.]+ Tz )?-?[\d.]+ Tc ", l)]
tw = [l for l in runs if re.search(r" -?[\d.]+ Tw -?[\d.]+ -?[\d.]+ Td \[", l)]
assert max(tz) > 100 and min(tz) < 100 and all(98 <= z <= 102 for z in tz), (min(tz), max(tz))
assert 100 in tz, "no Tz set back to 100 for a later run"
assert tc, "no Tc"
assert tw, "no Tw"
for l in runs:
    assert not re.search(r" (Tz|Tc|Tw) ET$", l), l[-60:]
print(f"{len(runs)} runs, {len(tz)} set Tz ({min(tz)} to {max(tz)}), {len(tc)} Tc, {len(tw)} Tw")
PY
check "qpdf --check is clean" bash -c "qpdf --check '$WORK/tra-vinh-stttt-cchc-2023-q3.pdf' | grep -q 'No syntax or stream encoding errors'"

finish
