#!/usr/bin/env bash
# tests/e2e/safe_files.sh: files baocao must not harm or hang on (issue 16,
# item 7; docs/files.md): one function per rule. Output goes only to a
# regular file or a new path; every input opens without blocking and must
# be a regular file; SIGINT and SIGTERM remove the temporary file; a
# 255-byte file name works; bulk locks its manifest; a read-only WAL
# database opens. Slow writes are made with strace's fault injection (an
# fsync delayed by seconds), so a signal lands while the temporary file
# exists.
source "$(dirname "$0")/common.bash"
BAOCAO=$(realpath "$BAOCAO") # the name tests run from other directories
# LeakSanitizer cannot run under ptrace (strace): off for the traced runs.
NO_LSAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
sample_db
export SOURCE_DATE_EPOCH=1700000000 # the same bytes run after run
DB=$WORK/baocao.db
R=(--db "$DB" --agency STTTT-TV --period 2023-Q3)
"$BAOCAO" render "${R[@]}" -o "$WORK/ref.pdf" > /dev/null

# run_status VAR CMD...: runs CMD (stdout and stderr to $WORK/out, $WORK/err)
# with `timeout 10`, so that a hang fails instead of blocking; its exit
# status in VAR.
run_status() {
  local -n st=$1
  shift
  st=0
  timeout 10 "$@" > "$WORK/out" 2> "$WORK/err" || st=$?
}

# no_temporaries DIR: no "*.tmp-*" file in DIR.
no_temporaries() { ! ls -a "$1" | grep -q 'tmp-'; }

# refused NAME CODE PATH CMD...: CMD exits CODE and its one line names PATH
# (and says $SAYS, when set).
SAYS=
refused() {
  local name=$1 code=$2 path=$3 s
  shift 3
  run_status s "$@"
  check "$name: exit $code ($(head -c 200 "$WORK/err"))" \
    bash -c "[ $s -eq $code ] && grep -qF -- \"'$path'\" '$WORK/err' &&
      grep -qF -- '$SAYS' '$WORK/err'"
}

# ---- 1. output only to a regular file or a new path ----
test_output_targets() {
  local d=$WORK/out1 s before
  mkdir -p "$d"
  # A character device of our own (as root; /dev/null otherwise).
  local dev=$d/null
  mknod "$dev" c 1 3 2> /dev/null || dev=/dev/null
  before=$(stat -c '%F %t:%T' "$dev")
  SAYS="it is a character device"
  refused "render -o a character device is refused" 8 "$dev" \
    "$BAOCAO" render "${R[@]}" -o "$dev"
  SAYS=
  check "... the device node is still the device" \
    test "$(stat -c '%F %t:%T' "$dev")" = "$before"
  check "... and no temporary file was made" no_temporaries "$d"
  # Before any work: an unknown agency would exit 4 after reading the data.
  refused "... before any work (an unknown agency too exits 8)" 8 "$dev" \
    "$BAOCAO" render --db "$DB" --agency NO-SUCH --period 2023-Q3 -o "$dev"
  s=0
  timeout 10 "$BAOCAO" render "${R[@]}" -o /dev/stdout > "$WORK/stdout.bin" \
    2> "$WORK/err" || s=$?
  check "render -o /dev/stdout is refused (exit 8), nothing on stdout" \
    bash -c "[ $s -eq 8 ] && [ ! -s '$WORK/stdout.bin' ] &&
      grep -qF \"'/dev/stdout'\" '$WORK/err'"
  mkfifo "$d/fifo.pdf"
  refused "render -o a FIFO is refused (no hang)" 8 "$d/fifo.pdf" \
    "$BAOCAO" render "${R[@]}" -o "$d/fifo.pdf"
  check "... the FIFO is still a FIFO" test -p "$d/fifo.pdf"
  python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
    "$d/sock.pdf"
  refused "render -o a socket is refused" 8 "$d/sock.pdf" \
    "$BAOCAO" render "${R[@]}" -o "$d/sock.pdf"
  check "... the socket is still a socket" test -S "$d/sock.pdf"
  refused "preview -o a device is refused" 8 "$dev" \
    "$BAOCAO" preview "${R[@]}" --page 1 -o "$dev"
  refused "sign -o a FIFO is refused" 8 "$d/fifo.pdf" \
    "$BAOCAO" sign --p12 "$WORK/none.p12" --field ky_co_quan "$WORK/ref.pdf" \
    -o "$d/fifo.pdf"
  mkdir -p "$d/export" && mkfifo "$d/export/agencies.csv"
  refused "db export over a FIFO is refused" 8 "$d/export/agencies.csv" \
    "$BAOCAO" db export "$DB" "$d/export"
  # Symbolic links: refused, whatever they point to; nothing changes.
  echo "keep me" > "$d/target.pdf"
  ln -s target.pdf "$d/link.pdf"
  refused "render -o a symbolic link to a regular file is refused" 8 \
    "$d/link.pdf" "$BAOCAO" render "${R[@]}" -o "$d/link.pdf"
  check "... the link and its target are unchanged" \
    bash -c "[ -L '$d/link.pdf' ] && [ \"\$(cat '$d/target.pdf')\" = 'keep me' ]"
  ln -s missing.pdf "$d/dangling.pdf"
  refused "render -o a dangling symbolic link is refused" 8 \
    "$d/dangling.pdf" "$BAOCAO" render "${R[@]}" -o "$d/dangling.pdf"
  check "... and creates nothing" \
    bash -c "[ -L '$d/dangling.pdf' ] && [ ! -e '$d/missing.pdf' ]"
  # A regular file is replaced; a new path is created.
  echo old > "$d/old.pdf"
  check "render over a regular file replaces it" bash -c \
    "'$BAOCAO' render ${R[*]} -o '$d/old.pdf' > /dev/null &&
     cmp -s '$d/old.pdf' '$WORK/ref.pdf'"
  check "render to a new path creates it" bash -c \
    "'$BAOCAO' render ${R[*]} -o '$d/new.pdf' > /dev/null &&
     cmp -s '$d/new.pdf' '$WORK/ref.pdf'"
  check "no temporary file is left in the directory" no_temporaries "$d"
  # bulk: that report fails, the others are written.
  mkdir -p "$d/bulk" && mkfifo "$d/bulk/UBND-TV.pdf"
  s=0
  timeout 20 "$BAOCAO" bulk --db "$DB" --period 2023-Q3 --out-dir "$d/bulk" \
    > /dev/null 2> "$WORK/err" || s=$?
  check "bulk: a FIFO in place of a report fails that report (exit 15)" bash -c \
    "[ $s -eq 15 ] && [ -p '$d/bulk/UBND-TV.pdf' ] && [ -s '$d/bulk/STTTT-TV.pdf' ] &&
      grep -qF \"UBND-TV: failed: will not write '$d/bulk/UBND-TV.pdf': it is a FIFO\" '$WORK/err'"
}

# ---- 2. inputs open without blocking and must be regular files ----
test_input_fifos() {
  local d=$WORK/in2
  mkdir -p "$d"
  for f in in.pdf in.sql agencies.csv in.p12 in.pem in.png pin db.db; do
    mkfifo "$d/$f"
  done
  cp -r "$SRC/templates" "$d/templates"
  rm "$d/templates/cchc_quy.md" && mkfifo "$d/templates/cchc_quy.md"
  mkdir -p "$d/fonts" && cp "$SRC"/fonts/*.ttf "$d/fonts/"
  rm "$d/fonts/LiberationSerif-Bold.ttf" && mkfifo "$d/fonts/LiberationSerif-Bold.ttf"
  cp "$DB" "$d/copy.db"
  SAYS="is a FIFO (named pipe), not a regular file"
  refused "a FIFO as the template: exit 6" 6 "$d/templates/cchc_quy.md" \
    "$BAOCAO" render "${R[@]}" --template-dir "$d/templates" -o "$d/x.pdf"
  refused "a FIFO as a font (render): exit 7" 7 "$d/fonts/LiberationSerif-Bold.ttf" \
    "$BAOCAO" render "${R[@]}" --font-dir "$d/fonts" -o "$d/x.pdf"
  refused "a FIFO as a font (preview): exit 7" 7 "$d/fonts/LiberationSerif-Bold.ttf" \
    "$BAOCAO" preview "${R[@]}" --page 1 --font-dir "$d/fonts" -o "$d/x.png"
  SAYS="is not a regular file"
  refused "a FIFO as the database: exit 3" 3 "$d/db.db" \
    "$BAOCAO" render --db "$d/db.db" --agency STTTT-TV --period 2023-Q3 -o "$d/x.pdf"
  refused "a FIFO as the database of db upgrade: exit 3" 3 "$d/db.db" \
    "$BAOCAO" db upgrade "$d/db.db"
  refused "a FIFO as the database of db export: exit 3" 3 "$d/db.db" \
    "$BAOCAO" db export "$d/db.db" "$d/export"
  SAYS="is a FIFO (named pipe), not a regular file"
  refused "a FIFO as an SQL file (db load): exit 6" 6 "$d/in.sql" \
    "$BAOCAO" db load "$d/copy.db" "$d/in.sql"
  refused "a FIFO as a CSV file (db import): exit 6" 6 "$d/agencies.csv" \
    "$BAOCAO" db import "$d/copy.db" "$d/agencies.csv"
  refused "a FIFO as the PDF to verify: exit 6" 6 "$d/in.pdf" \
    "$BAOCAO" verify "$d/in.pdf"
  refused "a FIFO as a received PDF (db import-pdf): exit 6" 6 "$d/in.pdf" \
    "$BAOCAO" db import-pdf --db "$d/copy.db" --period 2023-Q3 --parent UBND-TV \
    "$d/in.pdf"
  refused "a FIFO as the PDF to sign: exit 6" 6 "$d/in.pdf" \
    "$BAOCAO" sign --p12 "$d/in.p12" --field ky_co_quan "$d/in.pdf" -o "$d/s.pdf"
  refused "a FIFO as the .p12: exit 6" 6 "$d/in.p12" \
    "$BAOCAO" sign --p12 "$d/in.p12" --field ky_co_quan "$WORK/ref.pdf" -o "$d/s.pdf"
  refused "a FIFO as the signature image: exit 6" 6 "$d/in.png" \
    "$BAOCAO" sign --p12 "$d/in.p12" --image "$d/in.png" --field ky_co_quan \
    "$WORK/ref.pdf" -o "$d/s.pdf"
  refused "a FIFO as trust anchors (verify --trust): exit 6" 6 "$d/in.pem" \
    "$BAOCAO" verify --trust "$d/in.pem" "$WORK/ref.pdf"
  refused "a FIFO as the CRL (verify --crl): exit 6" 6 "$d/in.pem" \
    "$BAOCAO" verify --crl "$d/in.pem" "$WORK/ref.pdf"
  SAYS="is not a regular file"
  refused "a FIFO as the PIN file: exit 6" 6 "$d/pin" \
    "$BAOCAO" sign --pkcs11 'pkcs11:token=t;object=k' --pin-file "$d/pin" \
    --field ky_co_quan "$WORK/ref.pdf" -o "$d/s.pdf"
  SAYS="is a character device, not a regular file"
  refused "a character device as an SQL file: exit 6" 6 /dev/zero \
    "$BAOCAO" db load "$d/copy.db" /dev/zero
  SAYS=
}

# ---- 3. SIGINT and SIGTERM remove the temporary file ----

# killed_mid_write SIGNAL DIR OUTPUT CMD...: runs CMD with every fsync
# delayed by 3 s (strace), waits for a temporary file in DIR, sends
# SIGNAL to baocao, and checks that it died of the signal leaving no
# temporary file and no OUTPUT (when OUTPUT is not "-").
killed_mid_write() {
  local sig=$1 dir=$2 output=$3 s=0 spid bpid i seen=0 num
  shift 3
  num=$(kill -l "$sig")
  set -m # a background job of a script would otherwise ignore SIGINT
  ASAN_OPTIONS=$NO_LSAN strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=3000000 \
    "$@" > /dev/null 2> "$WORK/err" &
  spid=$!
  set +m
  for i in $(seq 400); do
    if ls -a "$dir" 2> /dev/null | grep -q 'tmp-'; then seen=1; break; fi
    sleep 0.05
  done
  bpid=$(pgrep -P "$spid" | head -1 || true)
  [ -n "$bpid" ] && kill "-$sig" "$bpid"
  wait "$spid" || s=$?
  local what="$(basename "$1") $2"
  [ "$2" = db ] && what+=" $3"
  check "$what: SIG$sig while its temporary file exists" \
    test "$seen" -eq 1
  check "... it dies of the signal (status $s)" test "$s" -eq $((128 + num))
  check "... no temporary file is left" no_temporaries "$dir"
  if [ "$output" != - ]; then
    check "... and no output" test ! -e "$output"
  fi
}

test_signals() {
  local d=$WORK/sig3
  command -v strace > /dev/null || { fail "strace is missing (build.sh installs it)"; return; }
  mkdir -p "$d"
  killed_mid_write INT "$d" "$d/r.pdf" "$BAOCAO" render "${R[@]}" -o "$d/r.pdf"
  killed_mid_write TERM "$d" "$d/r.pdf" "$BAOCAO" render "${R[@]}" -o "$d/r.pdf"
  killed_mid_write TERM "$d" "$d/r.docx" "$BAOCAO" render "${R[@]}" -o "$d/r.docx"
  killed_mid_write INT "$d" "$d/p.png" "$BAOCAO" preview "${R[@]}" --page 2 -o "$d/p.png"
  signing_key "$WORK/key.p12" > /dev/null 2>&1
  killed_mid_write TERM "$d" "$d/s.pdf" "$BAOCAO" sign --p12 "$WORK/key.p12" \
    --password x --field ky_co_quan "$WORK/ref.pdf" -o "$d/s.pdf"
  killed_mid_write TERM "$d/export" "$d/export/agencies.csv" \
    "$BAOCAO" db export "$DB" "$d/export"
  # bulk: the reports skip fsync; the manifest's rewrite at the end is
  # what is caught (the appended manifest stays, for --resume).
  killed_mid_write INT "$d/bulk" - "$BAOCAO" bulk --db "$DB" --period 2023-Q3 \
    --out-dir "$d/bulk"
  check "... bulk's PDFs are whole" bash -c \
    "for f in '$d/bulk'/*.pdf; do qpdf --check \"\$f\" > /dev/null || exit 1; done"
}

# ---- 4. temporary names fit NAME_MAX ----
test_name_max() {
  local d=$WORK/name4 n255 n256 s
  mkdir -p "$d"
  n255=$(printf 'a%.0s' $(seq 251)).pdf
  n256=$(printf 'a%.0s' $(seq 252)).pdf
  check "a 255-byte name (${#n255} bytes) renders" bash -c \
    "cd '$d' && '$BAOCAO' render ${R[*]} -o '$n255' > /dev/null"
  check "... with the same bytes as a short name" cmp -s "$d/$n255" "$WORK/ref.pdf"
  # 83 three-byte Vietnamese letters and "xx.pdf": 255 bytes, cut inside a
  # letter for the temporary name.
  local viet
  viet=$(python3 -c 'print("ệ" * 83 + "xx.pdf", end="")')
  check "a 255-byte Vietnamese name ($(printf %s "$viet" | wc -c) bytes) renders" \
    bash -c "cd '$d' && '$BAOCAO' render ${R[*]} -o '$viet' > /dev/null &&
      cmp -s '$viet' '$WORK/ref.pdf'"
  check "a 255-byte name for a preview" bash -c \
    "cd '$d' && '$BAOCAO' preview ${R[*]} --page 1 -o '${n255%.pdf}.png' > /dev/null &&
      [ -s '${n255%.pdf}.png' ]"
  # A database's name leaves room for SQLite's "-journal": 247 bytes.
  local n247
  n247=$(printf 'd%.0s' $(seq 244)).db
  check "db init with a 247-byte name, then db load into it" bash -c \
    "cd '$d' && '$BAOCAO' db init '$n247' > /dev/null &&
      '$BAOCAO' db load '$n247' '$SRC/samples/tra_vinh_2023_q3.sql' > /dev/null"
  s=0
  (cd "$d" && "$BAOCAO" db init "d$n247") > /dev/null 2> "$WORK/err" || s=$?
  check "db init with a 248-byte name: exit 8, saying why" bash -c \
    "[ $s -eq 8 ] && grep -q 'a database file name may be at most 247 bytes' '$WORK/err'"
  check "db export into a directory with a 200-byte name" bash -c \
    "cd '$d' && '$BAOCAO' db export '$DB' '$(printf 'e%.0s' $(seq 200))' > /dev/null"
  s=0
  (cd "$d" && "$BAOCAO" render "${R[@]}" -o "$n256") > /dev/null 2> "$WORK/err" || s=$?
  check "a 256-byte name is refused with exit 8 and says why" bash -c \
    "[ $s -eq 8 ] && grep -q 'longer than 255 bytes' '$WORK/err'"
  check "no temporary file is left" no_temporaries "$d"
}

# ---- 5. bulk locks its manifest ----
test_bulk_lock() {
  local d=$WORK/bulk5 s=0 first=0 spid bpid i t0 ms
  command -v strace > /dev/null || { fail "strace is missing (build.sh installs it)"; return; }
  "$BAOCAO" bulk --db "$DB" --period 2023-Q3 --out-dir "$WORK/bulk5-ref" > /dev/null 2>&1
  # The first run holds on for 6 s in syncfs, after its reports.
  ASAN_OPTIONS=$NO_LSAN strace -f -qq -o /dev/null -e trace=syncfs -e inject=syncfs:delay_enter=6000000 \
    "$BAOCAO" bulk --db "$DB" --period 2023-Q3 --out-dir "$d" > "$WORK/first.out" 2>&1 &
  spid=$!
  for i in $(seq 200); do [ -e "$d/manifest.jsonl.lock" ] && break; sleep 0.05; done
  bpid=$(pgrep -P "$spid" | head -1 || true)
  t0=$(date +%s%N)
  "$BAOCAO" bulk --db "$DB" --period 2023-Q3 --out-dir "$d" > /dev/null 2> "$WORK/second.err" || s=$?
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "second run: $(cat "$WORK/second.err") (${ms} ms)"
  check "a second bulk run into the same directory exits 8" test "$s" -eq 8
  check "... naming the directory and the first run's process" \
    grep -qF "another bulk run (process $bpid) is writing into '$d'" "$WORK/second.err"
  check "... at once (${ms} ms, the first still running)" \
    bash -c "[ $ms -lt 4000 ] && kill -0 $spid"
  wait "$spid" || first=$?
  check "the first run finishes (exit 0)" test "$first" -eq 0
  check "... with the files an undisturbed run writes" \
    diff <(cd "$WORK/bulk5-ref" && sha256sum -- *.pdf) <(cd "$d" && sha256sum -- *.pdf)
  check "... and a manifest whose every line is true" python3 - "$d" <<'PY'
import hashlib, json, os, sys
d = sys.argv[1]
lines = [json.loads(l) for l in open(os.path.join(d, "manifest.jsonl"))]
pdfs = sorted(f for f in os.listdir(d) if f.endswith(".pdf"))
assert len(lines) == len(pdfs) > 0, (len(lines), pdfs)
for r in lines:
    data = open(r["output"], "rb").read()
    assert r["status"] == "rendered", r
    assert hashlib.sha256(data).hexdigest() == r["sha256"], r["output"]
    assert len(data) == r["bytes"], r["output"]
print(len(lines), "lines, every SHA-256 matches")
PY
  check "... and the lock file is gone" test ! -e "$d/manifest.jsonl.lock"
  # A run killed with SIGKILL leaves its lock file, but not its lock.
  ASAN_OPTIONS=$NO_LSAN strace -f -qq -o /dev/null -e trace=syncfs -e inject=syncfs:delay_enter=3000000 \
    "$BAOCAO" bulk --db "$DB" --period 2023-Q3 --out-dir "$d" > /dev/null 2>&1 &
  spid=$!
  for i in $(seq 200); do
    grep -q . "$d/manifest.jsonl.lock" 2> /dev/null && break
    sleep 0.05
  done
  bpid=$(pgrep -P "$spid" | head -1 || true)
  kill -9 "$bpid"
  wait "$spid" 2> /dev/null || true
  check "after a SIGKILLed run, the next run takes the lock (exit 0)" \
    bash -c "[ -e '$d/manifest.jsonl.lock' ] &&
      '$BAOCAO' bulk --db '$DB' --period 2023-Q3 --out-dir '$d' --resume > /dev/null 2>&1"
}

# ---- 6. a WAL database in a read-only directory ----
test_wal_read_only() {
  local t s=0 as=()
  t=$(mktemp -d /tmp/baocao-wal.XXXXXX)
  chmod 755 "$t"
  mkdir -p "$t/ro" "$t/ro2" "$t/out"
  chmod 777 "$t/out"
  cp "$DB" "$t/ro/w.db"
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA journal_mode=WAL"); c.close()' "$t/ro/w.db"
  check "the database is in WAL mode (header bytes 18-19 are 2)" \
    test "$(od -An -tu1 -j18 -N2 "$t/ro/w.db" | tr -s ' ')" = " 2 2"
  # A WAL whose changes are not in the database yet (a writer killed).
  cp "$DB" "$t/ro2/w.db"
  python3 -c 'import os,sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA wal_autocheckpoint=0"); c.execute("CREATE TABLE scratch(a)"); os._exit(0)' "$t/ro2/w.db"
  rm -f "$t/ro2/w.db-shm"
  chmod 444 "$t/ro/w.db" "$t/ro2/w.db" "$t/ro2/w.db-wal"
  chmod 555 "$t/ro" "$t/ro2"
  # Root ignores the directory's mode: run as nobody then.
  [ "$(id -u)" -eq 0 ] && as=(runuser -u nobody --)
  "${as[@]}" timeout 20 "$BAOCAO" render --db "$t/ro/w.db" --agency STTTT-TV \
    --period 2023-Q3 -o "$t/out/wal.pdf" > /dev/null 2> "$WORK/err" || s=$?
  check "a WAL database in a read-only directory opens (exit $s: $(head -c 200 "$WORK/err"))" \
    test "$s" -eq 0
  check "... and renders the same bytes" cmp -s "$t/out/wal.pdf" "$WORK/ref.pdf"
  check "... leaving the directory as it was" \
    test "$(ls -A "$t/ro")" = "w.db"
  s=0
  "${as[@]}" timeout 20 "$BAOCAO" render --db "$t/ro2/w.db" --agency STTTT-TV \
    --period 2023-Q3 -o "$t/out/wal2.pdf" > /dev/null 2> "$WORK/err" || s=$?
  echo "with a -wal: $(cat "$WORK/err")"
  check "with uncheckpointed changes in -wal: exit 3, saying what to do" bash -c \
    "[ $s -eq 3 ] && grep -qF \"'$t/ro2/w.db-wal' holds changes\" '$WORK/err' &&
      grep -qF 'PRAGMA journal_mode=DELETE' '$WORK/err'"
  chmod -R u+w "$t"
  rm -rf "$t"
}

test_output_targets
test_input_fifos
test_signals
test_name_max
test_bulk_lock
test_wal_read_only
finish
