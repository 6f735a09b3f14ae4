#!/bin/bash
# tests/unit_coverage.sh: line coverage of source files by the Check unit
# suites alone (check_baocao, every suite of tests/CMakeLists.txt's
# BC_SUITES), in a gcc --coverage build of its own. Prints each file's
# executed/executable lines and a total per argument.
# Usage: tests/unit_coverage.sh [-B BUILD_DIR] [PATH...]
#   BUILD_DIR default: build-cov; PATH (relative to the source tree, a file
#   or a directory) default: src/exchange src/data/received.c src/sign
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$src/build-cov
if [ "${1:-}" = -B ]; then build=$2; shift 2; fi
[ $# -gt 0 ] || set -- src/exchange src/data/received.c src/sign
mkdir -p "$build"
build=$(cd "$build" && pwd)
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_COMPILER=gcc -DCMAKE_C_FLAGS="--coverage -O0" \
  -DCMAKE_EXE_LINKER_FLAGS=--coverage >/dev/null
cmake --build "$build" --target check_baocao -j "$(nproc)" >/dev/null
find "$build" -name '*.gcda' -delete
suites=$(sed -n '/^set(BC_SUITES/,/)/p' "$src/tests/CMakeLists.txt" |
  sed 's/set(BC_SUITES//; s/)//' | tr -s ' \n' ' ')
for s in $suites; do
  (cd "$build/tests" && CK_FORK=no ./check_baocao "$s" >/dev/null 2>&1) ||
    echo "warning: suite $s failed" >&2
done
# sign/'s files are compiled into baocao_sign_objects (check_baocao links
# them; the CLI loads them as baocao-sign.so), the rest into baocao_objects.
objdirs=("$build/CMakeFiles/baocao_objects.dir" "$build/CMakeFiles/baocao_sign_objects.dir")
for arg in "$@"; do
  total=0 hit=0
  files=$(cd "$src" && find "$arg" -name '*.c' | sort)
  for f in $files; do
    gcno=
    for objdir in "${objdirs[@]}"; do
      [ -f "$objdir/$f.gcno" ] && { gcno=$objdir/$f.gcno; break; }
    done
    [ -n "$gcno" ] || { echo "$f: not compiled into the library (baocao_objects, baocao_sign_objects)" >&2; continue; }
    # "Lines executed:80.40% of 245" for the source itself (not headers).
    line=$(cd "$build" && gcov -n -o "$objdir/$(dirname "$f")" "$gcno" 2>/dev/null |
      awk -v want="$src/$f" '/^File /{cur=$2; gsub(/\x27/, "", cur)}
        /^Lines executed:/ && cur == want {print; exit}')
    pct=$(sed -E 's/Lines executed:([0-9.]+)% of ([0-9]+)/\1/' <<<"${line:-Lines executed:0.00% of 0}")
    n=$(sed -E 's/Lines executed:([0-9.]+)% of ([0-9]+)/\2/' <<<"${line:-Lines executed:0.00% of 0}")
    h=$(awk -v p="$pct" -v n="$n" 'BEGIN{printf "%d", p * n / 100 + 0.5}')
    printf '  %-36s %5d / %5d lines  %6.1f%%\n' "$f" "$h" "$n" "$pct"
    total=$((total + n)) hit=$((hit + h))
  done
  awk -v a="$arg" -v h="$hit" -v t="$total" \
    'BEGIN{printf "%-38s %5d / %5d lines  %6.1f%%\n", a, h, t, t ? 100 * h / t : 0}'
done
