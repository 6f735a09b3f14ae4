# tests/e2e/common.bash: shared helpers for the end-to-end tests (sourced).
# Each test gets: $1 the baocao binary, $2 the source tree, $3 a work dir.
set -euo pipefail
BAOCAO=$1
SRC=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK"
export BAOCAO_FONT_DIR="$SRC/fonts" BAOCAO_TEMPLATE_DIR="$SRC/templates"
failures=0

fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
pass() { printf 'ok: %s\n' "$*"; }

# check NAME COMMAND...: runs COMMAND, records pass/fail.
check() {
  local name=$1; shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}

# A fresh copy of the sample database in $WORK/baocao.db.
sample_db() {
  local db=${1:-$WORK/baocao.db}
  rm -f "$db"
  "$BAOCAO" db init "$db" >/dev/null
  for f in "$SRC"/samples/*.sql; do "$BAOCAO" db load "$db" "$f" >/dev/null; done
}

# The Decree 30 checker from ../shared/tools, if this machine has it.
d30check_path() {
  local p
  for p in "${BAOCAO_SHARED_DIR:-}/tools/d30check.py" "$SRC/../shared/tools/d30check.py" \
           /work/shared/tools/d30check.py; do
    [ -f "$p" ] && { echo "$p"; return 0; }
  done
  return 1
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
