#!/usr/bin/env bash
# tests/e2e/symbols.sh: libbaocao.so (built beside the binary) exports
# exactly the public API: every exported symbol has the bc_ prefix and is
# declared BC_EXPORT in include/baocao/*.h, and every such declaration is
# exported.
source "$(dirname "$0")/common.bash"
lib=$(dirname "$BAOCAO")/libbaocao.so

if [ ! -f "$lib" ]; then
  fail "no $lib: the shared library was not built"
  finish
fi

# What the library defines and exports (functions and data; nm -D prints
# "ADDRESS TYPE NAME", and versioned names as NAME@@VERSION).
nm -D --defined-only "$lib" | awk 'NF == 3 { sub(/@.*/, "", $3); print $3 }' |
  LC_ALL=C sort -u > "$WORK/exported"
# What the headers declare BC_EXPORT, comments and export.h (which
# defines it) aside; a declaration may span lines ("BC_EXPORT const char
# *\nbc_check_problem_format(").
for h in "$SRC"/include/baocao/*.h; do
  [ "$(basename "$h")" = export.h ] || cat "$h"
done | perl -0777 -pe 's{/\*.*?\*/}{ }gs; s{\n}{ }g' |
  grep -o 'BC_EXPORT [^;(]*(' | grep -o '[A-Za-z_][A-Za-z0-9_]* *($' |
  sed 's/ *($//' | LC_ALL=C sort -u > "$WORK/declared"

check "libbaocao.so exports symbols" test -s "$WORK/exported"
check "the headers declare BC_EXPORT functions" test -s "$WORK/declared"

unprefixed=$(grep -v '^bc_' "$WORK/exported" || true)
check "every exported symbol has the bc_ prefix${unprefixed:+ (not: $(echo $unprefixed))}" \
  test -z "$unprefixed"

undeclared=$(LC_ALL=C comm -23 "$WORK/exported" "$WORK/declared")
check "every exported symbol is declared BC_EXPORT in include/baocao${undeclared:+ (not: $(echo $undeclared))}" \
  test -z "$undeclared"

missing=$(LC_ALL=C comm -13 "$WORK/exported" "$WORK/declared")
check "every BC_EXPORT declaration is exported${missing:+ (not: $(echo $missing))}" \
  test -z "$missing"

# The schema version is one of them, and a program linked against the
# shared library alone (no baocao_core) can call it.
check "bc_database_schema_version is exported" \
  grep -qx bc_database_schema_version "$WORK/exported"
cat > "$WORK/schema.c" <<'EOF'
#include "baocao/baocao.h"
#include <stdio.h>
int main(void) {
  printf("%d %d\n", bc_database_schema_version(), BC_DATABASE_SCHEMA_VERSION);
  return 0;
}
EOF
# A sanitized build's library needs its compiler's sanitizer runtime.
cc=(cc)
# (Read whole before grep: with pipefail, grep -q's early exit is a
# failure of the pipe.)
undefined=$(nm -D --undefined-only "$lib")
comment=$(readelf -p .comment "$lib")
if grep -q __asan_ <<< "$undefined"; then
  if grep -qi clang <<< "$comment"; then cc=(clang); fi
  cc+=(-fsanitize=address,undefined)
fi
if "${cc[@]}" -std=c11 -Wall -Wextra -Werror -I"$SRC/include" -o "$WORK/schema" \
    "$WORK/schema.c" -L"$(dirname "$lib")" -lbaocao 2> "$WORK/cc.log"; then
  want=$(sed -n 's/^#define BC_DATABASE_SCHEMA_VERSION \([0-9]*\)$/\1/p' \
    "$SRC/include/baocao/db.h")
  got=$(LD_LIBRARY_PATH=$(dirname "$lib") "$WORK/schema")
  check "a program linked with -lbaocao reads the schema version ($got)" \
    test "$got" = "$want $want"
else
  cat "$WORK/cc.log"
  fail "a program linked with -lbaocao alone"
fi

finish
