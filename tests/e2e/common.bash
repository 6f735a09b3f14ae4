# tests/e2e/common.bash: shared helpers for the end-to-end tests (sourced).
# Each test gets: $1 the baocao binary, $2 the source tree, $3 a work dir.
set -euo pipefail
BAOCAO=$1
SRC=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK"
export BAOCAO_FONT_DIR="$SRC/fonts" BAOCAO_TEMPLATE_DIR="$SRC/templates"
# The tests read messages in English whatever the caller's language
# (tests/e2e/i18n.sh sets its own); the other categories stay as they are.
unset LANGUAGE LC_ALL
export LC_MESSAGES=C
failures=0
skips=0

fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
pass() { printf 'ok: %s\n' "$*"; }
# skip WHY: a check that could not run; finish then exits 77 (ctest's
# SKIP_RETURN_CODE) unless another check failed, so the test never passes
# without it.
skip() { printf 'SKIP: %s\n' "$*"; skips=$((skips + 1)); }

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

# The Decree 30 checker from ../shared/tools, if this machine has it and
# the system python has PyMuPDF (python3-fitz) to run it; else fails,
# saying on stderr what is missing. BAOCAO_SHARED_DIR, when set, is the
# only place looked in.
d30check_path() {
  local p places
  if [ -n "${BAOCAO_SHARED_DIR:-}" ]; then
    places=("$BAOCAO_SHARED_DIR/tools/d30check.py")
  else
    places=("$SRC/../shared/tools/d30check.py" /work/shared/tools/d30check.py)
  fi
  for p in "${places[@]}"; do
    if [ -f "$p" ]; then
      if ! /usr/bin/python3 -c 'import fitz' 2> /dev/null; then
        echo "d30check.py needs python3-fitz (PyMuPDF), not installed" >&2
        return 1
      fi
      echo "$p"
      return 0
    fi
  done
  echo "d30check.py not found (../shared/tools; set BAOCAO_SHARED_DIR)" >&2
  return 1
}

# Apache PDFBox Preflight from ../shared/tools, if this machine has it.
preflight_path() {
  local p
  for p in "${BAOCAO_SHARED_DIR:-}/tools/preflight" "$SRC/../shared/tools/preflight" \
           /work/shared/tools/preflight; do
    [ -x "$p" ] && { echo "$p"; return 0; }
  done
  return 1
}

# qpdf finds no error and every font is an embedded subset with ToUnicode.
check_pdf_structure() {
  local pdf=$1
  check "qpdf --check is clean" bash -c "qpdf --check '$pdf' > '$pdf.qpdf' 2>&1 &&
    grep -q 'No syntax or stream encoding errors found' '$pdf.qpdf' &&
    ! grep -qi warning '$pdf.qpdf'"
  pdffonts "$pdf" > "$pdf.fonts"
  check "pdffonts: only embedded subset fonts with ToUnicode" python3 - "$pdf.fonts" <<'PY'
import sys
rows = open(sys.argv[1]).read().splitlines()[2:]
assert rows, "no fonts"
for r in rows:
    f = r.split()
    name, emb, sub, uni = f[0], f[-5], f[-4], f[-3]
    assert (emb, sub, uni) == ("yes", "yes", "yes"), r
    assert "+LiberationSerif" in name and "CID TrueType" in r, r
print(len(rows), "fonts:", ", ".join(r.split()[0] for r in rows))
PY
}

# The Decree 30 checker from ../shared/tools, run with the system python
# (it needs python3-fitz).
check_d30() {
  local pdf=$1 d30
  if d30=$(d30check_path); then
    check "d30check: every Decree 30 rule passes" bash -c "/usr/bin/python3 '$d30' '$pdf' > '$pdf.d30'; s=\$?; tail -1 '$pdf.d30'; grep '^FAIL' '$pdf.d30' || true; exit \$s"
  else
    skip "d30check: the Decree 30 checker cannot run here"
  fi
}

# table_templates DIR: a cchc_quy template in DIR whose body is one table
# of every indicator (each row's name between markers Q<n>A and Q<n>Z, to
# find rows split across pages) and a landscape phụ lục pl/ngang with a
# wider table of them; for the table tests and their previews.
table_templates() {
  mkdir -p "$1/pl"
  cat > "$1/cchc_quy.md" <<'MD'
---
trich_yeu: Thử bảng và phụ lục
phu_luc: pl/ngang
---
## I. BẢNG CHỈ TIÊU

| STT | Chỉ tiêu | Đơn vị tính | Kết quả |
|---|---|---|---|
{{#each chi_so}}
| {{stt}} | Q{{stt}}A {{ten}} (mã {{ma}}) Q{{stt}}Z | {{don_vi}} | {{gia_tri}} |
{{/each}}

Trên đây là báo cáo./.
MD
  cat > "$1/pl/ngang.md" <<'MD'
---
tieu_de: Các chỉ tiêu theo chiều ngang
huong: ngang
---
| STT | Mã | Chỉ tiêu | Đơn vị | Giá trị |
|:-:|---|---|---|--:|
{{#each chi_so}}
| {{stt}} | {{ma}} | {{ten}} | {{don_vi}} | {{gia_tri}} |
{{/each}}
MD
}

# signing_key FILE.p12: a self-signed key and certificate for signing
# (password x), made with openssl.
signing_key() {
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.crt" \
    -days 730 -subj "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" \
    -utf8 -addext "keyUsage=digitalSignature,nonRepudiation" 2>/dev/null
  openssl pkcs12 -export -inkey "$1.key" -in "$1.crt" -out "$1" -passout pass:x
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_pki: the test PKI (tests/pki/make_pki.sh) in $PKI, its OCSP
# responder (openssl ocsp) on 127.0.0.1:$OCSP_PORT and a TSA
# (tests/pki/tsa_server.py) at $TSA, both stopped when the test ends and
# both answering before this returns (under load that takes a second or
# more; verdicts depend on the responder).
start_pki() {
  PKI=$WORK/pki
  pki_pids=()
  trap 'for p in "${pki_pids[@]+"${pki_pids[@]}"}"; do kill "$p" 2>/dev/null || true; done' EXIT
  OCSP_PORT=$(free_port)
  "$SRC/tests/pki/make_pki.sh" "$PKI" "http://127.0.0.1:$OCSP_PORT" >/dev/null
  (cd "$PKI" && exec openssl ocsp -index inter-index.txt -port "$OCSP_PORT" -rsigner ocsp.crt \
    -rkey ocsp.key -CA inter.crt >/dev/null 2>&1) &
  pki_pids+=($!)
  python3 "$SRC/tests/pki/tsa_server.py" "$PKI" "$WORK/tsa.port" &
  pki_pids+=($!)
  for _ in $(seq 300); do [ -f "$WORK/tsa.port" ] && break; sleep 0.1; done
  TSA="http://127.0.0.1:$(cat "$WORK/tsa.port")/"
  # A real query: openssl ocsp waits forever on a connection that sends
  # no request, so a bare connect would hang the responder.
  for _ in $(seq 100); do
    OPENSSL_CONF=/dev/null openssl ocsp -issuer "$PKI/inter.crt" -cert "$PKI/seal.crt" -noverify \
      -url "http://127.0.0.1:$OCSP_PORT" -timeout 2 >/dev/null 2>&1 && break
    sleep 0.2
  done
}

# render_setup: the sample database as $DB, an empty output directory $OUT
# and the render arguments of the Trà Vinh report in RENDER.
render_setup() {
  sample_db
  DB=$WORK/baocao.db
  OUT=$WORK/out
  mkdir -p "$OUT"
  RENDER=(render --agency STTTT-TV --period 2023-Q3)
}

# expect NAME EXIT_CODE MESSAGE ARGS...: runs baocao ARGS, compares the exit
# code and stderr exactly, and checks that $OUT (set by the test) holds no
# new file.
expect() {
  local name=$1 code=$2 msg=$3; shift 3
  local before after got
  before=$(ls -A "$OUT")
  set +e
  "$BAOCAO" "$@" > "$WORK/stdout" 2> "$WORK/stderr"
  got=$?
  set -e
  after=$(ls -A "$OUT")
  if [ "$got" -ne "$code" ]; then
    fail "$name: exit $got, expected $code ($(cat "$WORK/stderr"))"
  elif [ "$(cat "$WORK/stderr")" != "$msg" ]; then
    fail "$name: stderr was: $(cat "$WORK/stderr")"
    echo "     expected:    $msg"
  elif [ "$before" != "$after" ]; then
    fail "$name: files left in the output directory: $after"
  else
    pass "$name (exit $code)"
  fi
}

# db_with NAME SQL...: a fresh sample copy $WORK/NAME.db (of
# $WORK/baocao.db when there is one) changed by SQL; prints its path.
db_with() {
  local db=$WORK/$1.db; shift
  if [ -f "$WORK/baocao.db" ]; then cp "$WORK/baocao.db" "$db"; else sample_db "$db"; fi
  printf '%s\n' "$@" > "$WORK/change.sql"
  "$BAOCAO" db load "$db" "$WORK/change.sql" >/dev/null
  echo "$db"
}

# db_raw NAME SQL...: like db_with, but the SQL is run by another program
# (Python's sqlite3), not `db load`: for data baocao's own entry points
# refuse, to see the render refuse it too.
db_raw() {
  local db=$WORK/$1.db; shift
  if [ -f "$WORK/baocao.db" ]; then cp "$WORK/baocao.db" "$db"; else sample_db "$db"; fi
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
    "$db" "$(printf '%s\n' "$@")"
  echo "$db"
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  if [ "$skips" -gt 0 ]; then
    echo "$skips check(s) skipped, the others passed"
    exit 77
  fi
  echo "all checks passed"
}
