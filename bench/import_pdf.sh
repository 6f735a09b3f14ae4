#!/usr/bin/env bash
# bench/import_pdf.sh: `baocao db import-pdf` over 1,000 received report PDFs.
#
# Usage: bash bench/import_pdf.sh [BAOCAO]   (default build/baocao; run ./build.sh samples first)
#
# Generates 1,000 reports (bench/generate.py: 10 provinces x 100 agencies,
# the Trà Vinh sample's indicators), renders them with `bulk -j 2`, then
# times importing the folder into a fresh database: files/s, values/s, wall
# and CPU time, peak RSS; then the same folder again (every value already
# there: nothing written). Prints figures only; exits non-zero only when
# baocao fails. Takes about half a minute.
set -euo pipefail
export LC_ALL=C
baocao=${1:-build/baocao}
case "${1:-}" in /* | '') ;; */*) baocao="$PWD/$1" ;; esac
cd "$(dirname "$0")/.."
[ -f samples/baocao.db ] ||
  { echo "bench/import_pdf.sh: samples/baocao.db is missing: run ./build.sh samples" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 bench/generate.py "$tmp/gen.db" --provinces 10 --agencies 100 \
  --baocao "$baocao" --sample samples/baocao.db 2> /dev/null
"$baocao" bulk --db "$tmp/gen.db" --period 2023-Q3 -j 2 --out-dir "$tmp/received" -q > /dev/null
rm -f "$tmp/received/manifest.jsonl"
files=$(ls "$tmp/received" | wc -l)
bytes=$(du -sb "$tmp/received" | cut -f1)

run() { # label
  local t0 t1
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" \
    "$baocao" db import-pdf --db "$tmp/up.db" --period 2023-Q3 "$tmp/received" > "$tmp/out"
  t1=$EPOCHREALTIME
  read -r user sys rss < "$tmp/time"
  python3 - "$1" "$t0" "$t1" "$user" "$sys" "$rss" "$files" "$tmp/out" <<'PY'
import re, sys
label, t0, t1, user, sys_, rss, files, out = sys.argv[1:]
wall = float(t1) - float(t0)
lines = open(out).read().splitlines()
ins = sum(int(m.group(1)) for m in (re.search(r": (\d+) values imported", l) for l in lines) if m)
had = sum(int(m.group(1)) for m in (re.search(r", (\d+) already there", l) for l in lines) if m)
print(f"{label}: {files} files in {wall:.2f} s ({int(files) / wall:.0f} files/s), "
      f"{ins} values written, {had} already there, CPU {float(user) + float(sys_):.2f} s, "
      f"peak RSS {int(rss) / 1000:.1f} MB")
PY
}
"$baocao" db init "$tmp/up.db" > /dev/null
echo "received: $files PDFs, $((bytes / 1000000)) MB"
run "import into a fresh database"
run "the same folder again"
echo "database: $(du -b "$tmp/up.db" | cut -f1) bytes"
