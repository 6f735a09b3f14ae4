#!/usr/bin/env bash
# tests/fuzz/run.sh: runs each fuzz target in turn for a given time, one
# process each at low priority, from its seed corpus (tests/fuzz/corpus/T
# plus what earlier runs found, kept in BUILD/fuzz/corpus/T), and prints
# executions, coverage and corpus size per target. Crashes, leaks and
# timeouts land in BUILD/fuzz/artifacts/T/; minimise one with
#   BUILD/tests/fuzz/fuzz_T -minimize_crash=1 -runs=10000 FILE
# and add it to tests/fuzz/regressions/T/ once fixed.
#
# Usage: tests/fuzz/run.sh [-t SECONDS] [-b BUILD_DIR] [--merge] [TARGET...]
#   -t SECONDS  per target (default 600)
#   -b DIR      the clang build with -DBC_FUZZ=ON (default build-fuzz; made
#               with cmake when missing)
#   --merge     afterwards, merge new coverage into tests/fuzz/corpus/T
#   TARGET      template, markdown, pdfread, render (default: all built)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
seconds=600 build=build-fuzz merge=0 targets=()
while [ $# -gt 0 ]; do
  case $1 in
    -t) seconds=$2; shift 2 ;;
    -b) build=$2; shift 2 ;;
    --merge) merge=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DBC_SANITIZE=ON -DBC_FUZZ=ON > /dev/null
fi
cmake --build "$build" -j "$(nproc)" > /dev/null
if [ ${#targets[@]} -eq 0 ]; then # every target the build has
  for b in "$build"/tests/fuzz/fuzz_*; do
    [ -x "$b" ] && targets+=("${b##*/fuzz_}")
  done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  bin=$(realpath "$build/tests/fuzz/fuzz_$t")
  work=$(realpath -m "$build/fuzz")
  corpus=$work/corpus/$t
  artifacts=$work/artifacts/$t
  log=$work/$t.log
  mkdir -p "$corpus" "$artifacts" "$work/run-$t"
  dict=()
  case $t in
    template) dict=(-dict="$root/tests/fuzz/template.dict") ;;
    markdown|render) dict=(-dict="$root/tests/fuzz/markdown.dict") ;;
  esac
  regressions=()
  [ -d "tests/fuzz/regressions/$t" ] && regressions=("$root/tests/fuzz/regressions/$t")
  echo "== $t: ${seconds}s, log $log" >&2
  # -jobs=1 runs the fuzzer in a child that logs to fuzz-0.log in the
  # current directory: one directory per target, so that runs never mix.
  set +e
  (cd "$work/run-$t" && nice -n 10 "$bin" "${dict[@]}" -max_total_time="$seconds" \
    -timeout=30 -rss_limit_mb=2048 -max_len=65536 -jobs=1 -workers=1 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" \
    "$root/tests/fuzz/corpus/$t" "${regressions[@]}") > "$log" 2>&1
  rc=$?
  set -e
  [ -f "$work/run-$t/fuzz-0.log" ] && cat "$work/run-$t/fuzz-0.log" >> "$log"
  rm -f "$work/run-$t/fuzz-0.log"
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<< "$last" | grep -o '[0-9]*' || true)
  ft=$(grep -o 'ft: [0-9]*' <<< "$last" | grep -o '[0-9]*' || true)
  files=$(ls "$corpus" | wc -l)
  printf '%s: %s executions, cov %s, ft %s, corpus %s files, exit %s, artifacts %s\n' \
    "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$files" "$rc" "$(ls "$artifacts" | wc -l)"
  [ "$rc" -eq 0 ] || status=1
  if [ "$merge" -eq 1 ]; then
    "$bin" -merge=1 -rss_limit_mb=2048 -timeout=30 "tests/fuzz/corpus/$t" "$corpus" \
      > "$build/fuzz/$t.merge.log" 2>&1 || status=1
  fi
done
exit $status
