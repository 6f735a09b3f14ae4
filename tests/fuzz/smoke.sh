#!/usr/bin/env bash
# tests/fuzz/smoke.sh: the ctest smoke run of one fuzz target: replays its
# seed corpus and every regression input (each must run clean), then fuzzes
# for a few seconds from the seeds in a scratch copy.
# Usage: smoke.sh FUZZER FUZZ_DIR TARGET WORK_DIR SECONDS
set -euo pipefail
fuzzer=$1 dir=$2 target=$3 work=$4 seconds=$5
rm -rf "$work"
mkdir -p "$work/corpus"
inputs=("$dir/corpus/$target")
[ -d "$dir/regressions/$target" ] && inputs+=("$dir/regressions/$target")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "== replaying ${inputs[*]}"
"$fuzzer" -runs=0 -rss_limit_mb=2048 "${inputs[@]}" > "$work/replay.log" 2>&1 ||
  { tail -40 "$work/replay.log"; exit 1; }
grep -E '^#[0-9]+[[:space:]]+DONE' "$work/replay.log" || true
echo "== fuzzing $seconds s"
cp -r "$dir/corpus/$target/." "$work/corpus/"
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
  -artifact_prefix="$work/" -print_final_stats=1 "$work/corpus" > "$work/fuzz.log" 2>&1 ||
  { tail -60 "$work/fuzz.log"; echo "crash input: $(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* 2>/dev/null)"; exit 1; }
grep -E 'stat::number_of_executed_units|^#[0-9]+[[:space:]]+DONE' "$work/fuzz.log" || true
