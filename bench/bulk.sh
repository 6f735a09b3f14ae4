#!/usr/bin/env bash
# bench/bulk.sh: reports/s, pages/s and peak RSS of `baocao bulk` on 1,000 generated reports.
#
# Usage: bench/bulk.sh [BAOCAO]    (default build/baocao; run ./build.sh samples first)
#        bash bench/bulk.sh
#
# Prints, for 1 and 2 workers: reports, pages, wall time, reports/s, pages/s,
# peak RSS, RSS per worker and the scaling factor; peak RSS with 2 workers
# on 250, 500 and 1,000 reports; a --resume pass over unchanged output; and
# the targets (issue 20: >= 500 reports/s with 2 workers; earlier >= 150;
# peak RSS < 40 MB per worker, flat as the run grows) as "target met" or
# "target missed". Exits 0 either way; only a
# failing baocao or a missing input makes it exit non-zero. Each figure is
# taken from two runs with a fresh output directory: the faster wall time
# and the higher peak RSS. MB are 10^6 bytes. Takes about a minute.
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME and in printf

baocao=${1:-build/baocao}
case "${1:-}" in /* | '') ;; */*) baocao="$PWD/$1" ;; esac # relative to where it was run
cd "$(dirname "$0")/.."
[ -x "$baocao" ] || command -v "$baocao" >/dev/null ||
  { echo "bench/bulk.sh: no baocao binary at '$baocao' (build first)" >&2; exit 1; }
[ -f samples/baocao.db ] ||
  { echo "bench/bulk.sh: samples/baocao.db is missing: run ./build.sh samples" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000 # fixed creation date: the same bytes each run
period=2023-Q3
provinces=10
agencies=100
db="$tmp/bench.db"

py() { python3 -c "$@"; }

# measure CMD...: runs CMD; sets wall (seconds), cpu (user + system
# seconds) and rss (KiB, peak of the process). /usr/bin/time gives the CPU
# time and the peak RSS, bash's clock the wall time; without /usr/bin/time
# a python wrapper gives all three.
measure() {
  local rc=0 t0 t1
  if [ -x /usr/bin/time ]; then
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" || rc=$?
    t1=$EPOCHREALTIME
    read -r user sys rss < <(tail -n 1 "$tmp/time")
    wall=$(py "print(f'{$t1 - $t0:.3f}')")
    cpu=$(py "print(f'{$user + $sys:.2f}')")
  else
    read -r wall cpu rss rc < <(python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.call(sys.argv[1:], stdout=sys.stderr)
wall = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.3f} {u.ru_utime + u.ru_stime:.2f} {u.ru_maxrss} {rc}")
EOF
    ) || true
  fi
  return "$rc"
}

# bulk OUT N [options]: one `baocao bulk` run into OUT with N workers;
# stops the benchmark if baocao fails.
bulk() {
  local out=$1 n=$2 rc=0
  shift 2
  sync # earlier writes (the database, a removed output) out of this run's syncfs
  measure "$baocao" bulk --db "$db" --period "$period" --out-dir "$out" \
    -j "$n" -q "$@" 2>"$tmp/stderr" || rc=$?
  if [ "$rc" != 0 ]; then
    echo "bench/bulk.sh: baocao bulk -j $n $* exited $rc:" >&2
    cat "$tmp/stderr" >&2
    exit 1
  fi
}

# best OUT N [options]: two runs; sets best_wall and best_cpu (of the
# faster) and best_rss (the higher). A fresh OUT for each, unless the
# options have --resume.
best() {
  local out=$1 n=$2 i
  shift 2
  best_wall="" best_rss=0
  for i in 1 2; do
    case " $* " in *" --resume "*) ;; *) rm -rf "$out" ;; esac
    bulk "$out" "$n" "$@"
    if [ -z "$best_wall" ] || py "import sys; sys.exit(not $wall < $best_wall)"; then
      best_wall=$wall best_cpu=$cpu
    fi
    if [ "$rss" -gt "$best_rss" ]; then best_rss=$rss; fi
  done
}

# manifest OUT: "reports pages rendered current failed" from OUT/manifest.jsonl.
manifest() {
  python3 - "$1/manifest.jsonl" <<'EOF'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
count = lambda s: sum(1 for l in lines if l["status"] == s)
print(len(lines), sum(l["pages"] for l in lines), count("rendered"), count("current"), count("failed"))
EOF
}

mb() { py "print(f'{$1 * 1024 / 1e6:.1f}')"; }   # KiB -> MB
rate() { py "print(f'{$1 / $2:.1f}')"; }

model=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//' || true)
mem=$(awk '/^MemTotal/ {printf "%.1f GB", $2 * 1024 / 1e9}' /proc/meminfo)
echo "baocao bulk benchmark (bench/bulk.sh): figures only, never pass/fail"
echo "machine:  $(nproc) CPUs (nproc), ${model:-unknown CPU}, $mem RAM, Linux $(uname -r)"
echo "baocao:   $("$baocao" --version) ($baocao)"
echo "scratch:  $tmp ($(stat -f -c %T "$tmp") file system; the runs end with a syncfs)"
echo "targets:  >= 500 reports/s with 2 workers (issue 20); peak RSS < 40 MB per worker"

t0=$EPOCHREALTIME
python3 bench/generate.py "$db" --provinces "$provinces" --agencies "$agencies" \
  --period "$period" --baocao "$baocao" --sample samples/baocao.db 2>"$tmp/stderr" ||
  { cat "$tmp/stderr" >&2; exit 1; }
t1=$EPOCHREALTIME
echo "database: $((provinces * agencies)) agencies ($provinces provinces x $agencies), period $period," \
  "generated in $(py "print(f'{$t1 - $t0:.1f}')") s"
echo "method:   each figure from two runs (fresh output directory): the faster wall time"
echo "          (and its CPU time, user + system), the higher peak RSS; MB = 10^6 bytes;"
echo "          SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
echo

echo "full run: baocao bulk -j N -q, fresh output directory"
printf '  %-7s %7s %6s %7s %6s %9s %8s %11s %13s\n' workers reports pages "wall s" "CPU s" \
  reports/s pages/s "peak RSS MB" "RSS/worker MB"
declare -A R M
for n in 1 2; do
  best "$tmp/out$n" "$n"
  read -r reports pages rendered current failed < <(manifest "$tmp/out$n")
  R[$n]=$(rate "$reports" "$best_wall") M[$n]=$best_rss
  printf '  %-7s %7s %6s %7.2f %6s %9s %8s %11s %13s\n' "$n" "$reports" "$pages" "$best_wall" \
    "$best_cpu" "${R[$n]}" "$(rate "$pages" "$best_wall")" "$(mb "$best_rss")" \
    "$(py "print(f'{$best_rss * 1024 / 1e6 / $n:.1f}')")"
  [ "$failed" = 0 ] && [ "$rendered" = "$reports" ] ||
    echo "  note: $rendered rendered, $failed failed (expected all rendered)"
done
full_reports=$reports full_pages=$pages
echo "  scaling: 2 workers / 1 worker = $(py "print(f'{${R[2]} / ${R[1]}:.2f}')")x"
echo "  RSS: peak with 1 worker $(mb "${M[1]}") MB; the second worker adds" \
  "$(py "print(f'{(${M[2]} - ${M[1]}) * 1024 / 1e6:.1f}')") MB"
echo

echo "growth: peak RSS of -j 2 as the run grows (the first K agencies by code)"
printf '  %-7s %6s %7s %6s %9s %11s\n' reports pages "wall s" "CPU s" reports/s "peak RSS MB"
declare -A G
for k in 250 500 1000; do
  if [ "$k" -lt "$full_reports" ]; then
    list=$(python3 - "$db" "$period" "$k" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT DISTINCT agency_code FROM report WHERE period_code = ? "
                  "ORDER BY agency_code LIMIT ?", (sys.argv[2], int(sys.argv[3])))
print(",".join(r[0] for r in rows))
EOF
    )
    best "$tmp/grow" 2 --agencies "$list"
  else
    best "$tmp/grow" 2
  fi
  read -r reports pages rendered current failed < <(manifest "$tmp/grow")
  G[$k]=$best_rss
  printf '  %-7s %6s %7.2f %6s %9s %11s\n' "$reports" "$pages" "$best_wall" "$best_cpu" \
    "$(rate "$reports" "$best_wall")" "$(mb "$best_rss")"
done
echo "  from 250 to 1000 reports: $(py "print(f'{(${G[1000]} - ${G[250]}) * 1024 / 1e6:+.1f}')") MB"
echo

echo "resume: -j 2 --resume on the unchanged output of a full -j 2 run"
printf '  %-7s %7s %7s %6s %9s %11s\n' reports current "wall s" "CPU s" reports/s "peak RSS MB"
best "$tmp/out2" 2 --resume
read -r reports pages rendered current failed < <(manifest "$tmp/out2")
printf '  %-7s %7s %7.2f %6s %9s %11s\n' "$reports" "$current" "$best_wall" "$best_cpu" \
  "$(rate "$reports" "$best_wall")" "$(mb "$best_rss")"
[ "$current" = "$reports" ] || echo "  note: $rendered rendered again, $failed failed (expected all current)"
echo

verdict() { if py "import sys; sys.exit(not ($1))"; then echo "target met"; else echo "target missed"; fi; }
per1=$(py "print(f'{${M[1]} * 1024 / 1e6:.1f}')")
per2=$(py "print(f'{${M[2]} * 1024 / 1e6 / 2:.1f}')")
echo "targets"
echo "  2 workers: ${R[2]} reports/s (target >= 500, issue 20): $(verdict "${R[2]} >= 500")"
echo "  peak RSS per worker: $per1 MB with 1 worker, $per2 MB with 2 (target < 40 MB):" \
  "$(verdict "max($per1, $per2) < 40")"
echo "  ($full_reports reports, $full_pages pages; nothing here fails the run: figures only)"
