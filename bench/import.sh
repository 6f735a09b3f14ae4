#!/usr/bin/env bash
# bench/import.sh: rows/s of `baocao db import` on a generated values.csv of
# 100,000 rows (100 agencies x 1,000 indicators, one period), then the same
# file again (every row an update), a file with a bad row (checked in full,
# then rolled back), and `db export` of the result.
#
# Usage: bench/import.sh [BAOCAO] [ROWS]   (default build/baocao, 100000)
#
# Prints the wall time and rows/s of each step (the faster of two runs) and
# the size of the CSV. Exits 0 unless baocao fails where it should not.
set -euo pipefail
export LC_ALL=C

baocao=${1:-build/baocao}
case "$baocao" in /*) ;; */*) baocao="$PWD/$baocao" ;; esac
rows=${2:-100000}
cd "$(dirname "$0")/.."
[ -x "$baocao" ] || { echo "bench/import.sh: no baocao binary at '$baocao' (build first)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
agencies=100
indicators=$(( (rows + agencies - 1) / agencies ))

python3 - "$tmp" "$agencies" "$indicators" "$rows" <<'PY'
import sys
d, na, ni, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(f"{d}/agencies.csv", "w") as f:
    f.write("code,name,full_name,symbol,place\n")
    for a in range(na):
        f.write(f"A{a:03d},SỞ THỬ {a},Sở Thử {a},ST,Nơi {a}\n")
with open(f"{d}/periods.csv", "w") as f:
    f.write("code,kind,year,number,starts,ends\n2023-Q3,quarter,2023,3,2023-07-01,2023-09-30\n")
with open(f"{d}/indicators.csv", "w") as f:
    f.write("code,section,position,name,unit,kind\n")
    for i in range(ni):
        kind = "percent" if i % 10 == 0 else "number"
        f.write(f"s.chi_so_{i:04d},s,{i},\"Chỉ số {i}, thử\",đơn vị,{kind}\n")
n = 0
with open(f"{d}/values.csv", "w") as f:
    f.write("agency_code,period_code,indicator_code,value\n")
    for a in range(na):
        for i in range(ni):
            if n == rows:
                break
            v = f"{(a * 7919 + i * 104729) % 100000},{i % 100}" + ("%" if i % 10 == 0 else "")
            f.write(f"A{a:03d},2023-Q3,s.chi_so_{i:04d},\"{v}\"\n")
            n += 1
PY
mkdir "$tmp/bad" && { cat "$tmp/values.csv"; echo "A000,2023-Q3,s.chi_so_0001,abc"; } > "$tmp/bad/values.csv"

# best SECONDS_VAR CMD...: the faster wall time of two runs of CMD.
best() {
  local var=$1 t0 t1 best=""; shift
  for _ in 1 2; do
    "${prepare[@]}"
    t0=$EPOCHREALTIME
    "$@" > /dev/null 2>&1 || [ "${allow_fail:-0}" = 1 ]
    t1=$EPOCHREALTIME
    best=$(python3 -c "import sys; a=float(sys.argv[1])-float(sys.argv[2]); b=sys.argv[3]; print(a if not b else min(a, float(b)))" "$t1" "$t0" "$best")
  done
  printf -v "$var" '%s' "$best"
}

fresh() {
  rm -f "$tmp/b.db"
  "$baocao" db init "$tmp/b.db" > /dev/null
  "$baocao" db import "$tmp/b.db" "$tmp/agencies.csv" "$tmp/periods.csv" "$tmp/indicators.csv" > /dev/null
}
report() { # label seconds
  python3 -c "import sys; s=float(sys.argv[2]); r=int(sys.argv[3]); print(f'{sys.argv[1]:<34} {s:7.3f} s  {r/s:>10,.0f} rows/s')" "$1" "$2" "$rows"
}

size=$(stat -c %s "$tmp/values.csv")
echo "values.csv: $rows rows, $agencies agencies x $indicators indicators, $(( size / 1000 )) kB"
prepare=(fresh); best t_insert "$baocao" db import "$tmp/b.db" "$tmp/values.csv"
report "import into a fresh database" "$t_insert"
prepare=(true); best t_update "$baocao" db import "$tmp/b.db" "$tmp/values.csv"
report "import again (every row updated)" "$t_update"
prepare=(true); allow_fail=1 best t_bad "$baocao" db import "$tmp/b.db" "$tmp/bad/values.csv"
report "one bad row (all checked, rollback)" "$t_bad"
prepare=(true); best t_export "$baocao" db export "$tmp/b.db" "$tmp/out"
report "export (all tables)" "$t_export"
