#!/usr/bin/env bash
# tests/e2e/loaded_libraries.sh: what a process loads. A render of a PDF
# loads neither OpenSSL (libcrypto, libp11) nor libzip nor the signing
# module; a draft loads libzip; a verification loads baocao-sign.so, which
# brings OpenSSL. A baocao without its module, or with a file of another
# kind in its place, refuses to sign or verify with one message naming it
# and still renders. (docs/architecture.md, "The signing module".)
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000
ARGS=(render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3)

# loaded LOG: the libraries the dynamic linker loaded, one a line.
loaded() { sed -n 's/.*calling init: //p' "$1" | xargs -rn1 basename | sort -u; }

check "the binary links neither OpenSSL, libp11 nor libzip" bash -c "
  ! readelf -d '$BAOCAO' | grep -E '\[(libcrypto|libssl|libp11|libzip)'"

LD_DEBUG=libs LD_DEBUG_OUTPUT=$WORK/pdf "$BAOCAO" "${ARGS[@]}" -o "$WORK/r.pdf" > /dev/null
loaded "$WORK"/pdf.* > "$WORK/pdf.libs"
check "a PDF render loaded some libraries (the log is read)" grep -q '^libharfbuzz' "$WORK/pdf.libs"
check "a PDF render loads no libcrypto, libp11, libzip or baocao-sign.so" bash -c "
  ! grep -E '^(libcrypto|libssl|libp11|libzip|baocao-sign)' '$WORK/pdf.libs'"

LD_DEBUG=libs LD_DEBUG_OUTPUT=$WORK/docx "$BAOCAO" "${ARGS[@]}" -o "$WORK/r.docx" > /dev/null
loaded "$WORK"/docx.* > "$WORK/docx.libs"
check "a Word draft loads libzip, not the signing module" bash -c "
  grep -q '^libzip' '$WORK/docx.libs' && ! grep -q '^baocao-sign' '$WORK/docx.libs'"
check "the draft is a zip" bash -c "[ \"\$(head -c 2 '$WORK/r.docx')\" = PK ]"

LD_DEBUG=libs LD_DEBUG_OUTPUT=$WORK/verify "$BAOCAO" verify "$WORK/r.pdf" > "$WORK/verify.out" || true
loaded "$WORK"/verify.* > "$WORK/verify.libs"
check "verify loads baocao-sign.so and libcrypto" bash -c "
  grep -q '^baocao-sign.so' '$WORK/verify.libs' && grep -q '^libcrypto' '$WORK/verify.libs'"
check "verify reads the unsigned report" grep -q 'not signed' "$WORK/verify.out"

# A copy of baocao in a directory of its own: no module beside it.
mkdir -p "$WORK/alone"
cp "$BAOCAO" "$WORK/alone/baocao"
set +e
"$WORK/alone/baocao" verify "$WORK/r.pdf" > "$WORK/alone.out" 2> "$WORK/alone.err"
code=$?
set -e
check "without its module: verify fails (exit $code, not 0)" test "$code" -ne 0
check "without its module: one line naming baocao-sign.so and where it looked" bash -c "
  [ \$(wc -l < '$WORK/alone.err') -eq 1 ] &&
  grep -q 'signing module baocao-sign.so is not installed (looked in $WORK/alone' '$WORK/alone.err'"
check "without its module: --version says so" bash -c "
  '$WORK/alone/baocao' --version | grep -q 'OpenSSL.*signing module not found'"
"$WORK/alone/baocao" "${ARGS[@]}" -o "$WORK/alone.pdf" > /dev/null
check "without its module: renders the same bytes" cmp "$WORK/r.pdf" "$WORK/alone.pdf"

# Another shared library where the module should be.
cp "$(dirname "$BAOCAO")/libbaocao.so.0" "$WORK/alone/baocao-sign.so"
set +e
"$WORK/alone/baocao" verify "$WORK/r.pdf" > /dev/null 2> "$WORK/wrong.err"
code=$?
set -e
check "another library as the module: verify fails (exit $code)" test "$code" -ne 0
check "another library as the module: the message names it" \
  grep -q "$WORK/alone/baocao-sign.so is not the signing module of this baocao" "$WORK/wrong.err"

finish
