#!/usr/bin/env bash
# tests/e2e/i18n.sh: the main error cases, check's listing, verify's and bulk's
# output in English (LANG=C) and in Vietnamese (LANG=vi_VN.UTF-8): the exact
# lines, the same exit codes and positions, --json output equal but for its
# message texts, the same PDF bytes; which variables choose the language.
source "$(dirname "$0")/common.bash"

if ! locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\?8'; then
  fail "the vi_VN.UTF-8 locale is not generated (./build.sh makes it; by hand:" \
    "sed -i 's/^# *vi_VN UTF-8/vi_VN UTF-8/' /etc/locale.gen && locale-gen)"
  exit 1
fi

sample_db
DB=$WORK/baocao.db
export SOURCE_DATE_EPOCH=1700000000

# run_in LANG ARGS...: baocao ARGS from the source tree under LANG=LANG
# alone; stdout, stderr and the exit code in $WORK/{out,err,code}.LANG.
run_in() {
  local lang=$1; shift
  set +e
  (cd "$SRC" && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$lang" "$BAOCAO" "$@") \
    > "$WORK/out.$lang" 2> "$WORK/err.$lang"
  echo $? > "$WORK/code.$lang"
  set -e
}

# same_text NAME FILE EXPECTED: FILE holds exactly EXPECTED.
same_text() {
  local name=$1 file=$2 want=$3
  if [ "$(cat "$file")" == "$want" ]; then
    return 0
  fi
  fail "$name: $(basename "$file") was:"
  cat "$file"
  echo "     expected:"
  printf '%s\n' "$want"
  return 1
}

# both NAME CODE STREAM ENGLISH VIETNAMESE -- ARGS...: in both languages
# baocao ARGS exits CODE and prints exactly ENGLISH / VIETNAMESE on STREAM
# (err or out; the other one empty unless it is "any").
both() {
  local name=$1 want=$2 stream=$3 en=$4 vi=$5 other ok=true
  shift 6
  run_in C "$@"
  run_in vi_VN.UTF-8 "$@"
  [ "$stream" = err ] && other=out || other=err
  for l in C vi_VN.UTF-8; do
    if [ "$(cat "$WORK/code.$l")" -ne "$want" ]; then
      fail "$name: exit $(cat "$WORK/code.$l") under LANG=$l, expected $want ($(cat "$WORK/err.$l"))"
      return
    fi
  done
  same_text "$name (English)" "$WORK/$stream.C" "$en" || ok=false
  same_text "$name (Vietnamese)" "$WORK/$stream.vi_VN.UTF-8" "$vi" || ok=false
  if [ "${OTHER:-empty}" = empty ]; then
    for l in C vi_VN.UTF-8; do
      [ -s "$WORK/$other.$l" ] && { fail "$name: std$other under LANG=$l: $(cat "$WORK/$other.$l")"; ok=false; }
    done
  fi
  if $ok; then pass "$name (exit $want in both)"; fi
}

# positions NAME: the file:line:col of each line of both languages' stderr
# are the same.
positions() {
  local re='[^ ]+:[0-9]+(:[0-9]+)?'
  if [ "$(grep -oE "$re" "$WORK/err.C")" == "$(grep -oE "$re" "$WORK/err.vi_VN.UTF-8")" ] &&
    grep -qE "$re" "$WORK/err.C"; then
    pass "$1: the same positions ($(grep -oE "$re" "$WORK/err.C" | tr '\n' ' '))"
  else
    fail "$1: positions differ or are missing"
  fi
}

R=(render --db "$DB" --agency STTTT-TV --period 2023-Q3)

# --- the error lines ----------------------------------------------------
both "unknown agency" 4 err \
  "baocao: $DB: unknown agency 'KHONG-CO'" \
  "baocao: $DB: không tìm thấy cơ quan 'KHONG-CO' trong cơ sở dữ liệu" -- \
  render --db "$DB" --agency KHONG-CO --period 2023-Q3 -o "$WORK/x.pdf"
both "unknown period" 4 err \
  "baocao: $DB: unknown period '2099-Q3'" \
  "baocao: $DB: không tìm thấy kỳ báo cáo '2099-Q3' trong cơ sở dữ liệu" -- \
  render --db "$DB" --agency STTTT-TV --period 2099-Q3 -o "$WORK/x.pdf"
both "missing database" 3 err \
  "baocao: database '$WORK/none.db' does not exist" \
  "baocao: cơ sở dữ liệu '$WORK/none.db' không tồn tại" -- \
  render --db "$WORK/none.db" --agency STTTT-TV --period 2023-Q3 -o "$WORK/x.pdf"
both "bad option" 2 err \
  "baocao render: unknown option '--khong' (see baocao help render)" \
  "baocao render: không có tùy chọn '--khong' (xem baocao help render)" -- \
  "${R[@]}" --khong
both "option without its value" 2 err \
  "baocao render: option '--db' needs a value" \
  "baocao render: tùy chọn '--db' cần một giá trị" -- \
  render --db
both "required options" 2 err \
  "baocao render: --db, --agency and --period are required (see baocao help render)" \
  "baocao render: cần có --db, --agency và --period (xem baocao help render)" -- \
  render --db "$DB"
both "no such command" 2 err \
  "baocao: no command 'xuat' (see baocao --help)" \
  "baocao: không có lệnh 'xuat' (xem baocao --help)" -- \
  xuat
both "help for no such command" 2 err \
  "baocao: no command 'xuat'" \
  "baocao: không có lệnh 'xuat'" -- \
  help xuat
both "unknown font directory" 7 err \
  "baocao: font directory '$WORK/nofonts' does not exist" \
  "baocao: thư mục phông chữ '$WORK/nofonts' không tồn tại" -- \
  "${R[@]}" --font-dir "$WORK/nofonts" -o "$WORK/x.pdf"
mkdir -p "$WORK/out"
both "output into a directory" 8 err \
  "baocao: cannot write '$WORK/out': it is a directory" \
  "baocao: không ghi được '$WORK/out': đó là một thư mục" -- \
  "${R[@]}" -o "$WORK/out"
# strerror's text comes from the C library (Debian's libc-l10n).
both "output into a missing directory" 8 err \
  "baocao: cannot write '$WORK/nodir/x.pdf': No such file or directory" \
  "baocao: không ghi được '$WORK/nodir/x.pdf': Không có tập tin hoặc thư mục như vậy" -- \
  "${R[@]}" -o "$WORK/nodir/x.pdf"
[ ! -e "$WORK/x.pdf" ] && pass "no file left by the failures" || fail "a failure left $WORK/x.pdf"

# Templates of our own, to know the exact positions.
TPL=$WORK/tpl
mkdir -p "$TPL"
cat > "$TPL/cchc_quy.md" <<'MD'
---
trich_yeu: Báo cáo thử {{ky.ten}}
---
Số hồ sơ: {{khong_co.chi_so | so}}.
MD
both "missing indicator" 5 err \
  "baocao: $TPL/cchc_quy.md:4:11: missing indicator 'khong_co.chi_so' (agency STTTT-TV, period 2023-Q3)" \
  "baocao: $TPL/cchc_quy.md:4:11: thiếu chỉ tiêu 'khong_co.chi_so' (cơ quan STTTT-TV, kỳ báo cáo 2023-Q3)" -- \
  "${R[@]}" --template-dir "$TPL" -o "$WORK/x.pdf"
positions "missing indicator"
printf -- '---\ntrich_yeu: Thử\n---\nĐoạn {{#if ky.nam}}mở mà không đóng.\n' > "$TPL/cchc_quy.md"
both "broken template" 6 err \
  "baocao: $TPL/cchc_quy.md:4:6: {{#if}} opened here is never closed" \
  "baocao: $TPL/cchc_quy.md:4:6: {{#if}} mở ở đây không được đóng" -- \
  "${R[@]}" --template-dir "$TPL" -o "$WORK/x.pdf"
positions "broken template"
printf -- '---\ntrich_yeu: Thử\n---\nTỷ lệ {{ky.nam | phantramm}}.\n' > "$TPL/cchc_quy.md"
both "unknown formatter" 6 err \
  "baocao: $TPL/cchc_quy.md:4:18: unknown formatter 'phantramm'" \
  "baocao: $TPL/cchc_quy.md:4:18: bộ định dạng không xác định 'phantramm'" -- \
  "${R[@]}" --template-dir "$TPL" -o "$WORK/x.pdf"
positions "unknown formatter"

# --- check's listing ----------------------------------------------------
BROKEN=$WORK/broken.db
sample_db "$BROKEN"
cat > "$WORK/break.sql" <<'SQL'
DELETE FROM indicator_value WHERE agency_code = 'STTTT-TV'
  AND indicator_code IN ('tthc.so_hoa', 'chi_dao.tin_cchc_dang_tai');
UPDATE narrative SET markdown = '   ' WHERE agency_code = 'STTTT-TV'
  AND key = 'chi_dao_danh_gia';
UPDATE report SET signer_id = NULL WHERE agency_code = 'STTTT-TV';
SQL
"$BAOCAO" db load "$BROKEN" "$WORK/break.sql" > /dev/null
both "check: every problem, where it is" 14 out \
  "STTTT-TV 2023-Q3: 4 problems
  empty narrative 'chi_dao_danh_gia' (templates/cchc/chi_dao.md:6:49)
  missing indicator 'chi_dao.tin_cchc_dang_tai' (narrative 'chi_dao_tuyen_truyen':3:438 via templates/cchc/chi_dao.md:12:1)
  missing indicator 'tthc.so_hoa' (narrative 'tthc_so_hoa':1:34 via templates/cchc/tthc.md:12:69)
  no signer
3 reports: 2 complete, 1 with problems" \
  "STTTT-TV 2023-Q3: 4 vấn đề
  đoạn văn 'chi_dao_danh_gia' để trống (templates/cchc/chi_dao.md:6:49)
  thiếu chỉ tiêu 'chi_dao.tin_cchc_dang_tai' (narrative 'chi_dao_tuyen_truyen':3:438 qua templates/cchc/chi_dao.md:12:1)
  thiếu chỉ tiêu 'tthc.so_hoa' (narrative 'tthc_so_hoa':1:34 qua templates/cchc/tthc.md:12:69)
  không có người ký
3 báo cáo: 2 đầy đủ, 1 có vấn đề" -- \
  check --db "$BROKEN" --period 2023-Q3 --template-dir templates
re='[^ ]+:[0-9]+:[0-9]+'
[ "$(grep -oE "$re" "$WORK/out.C")" == "$(grep -oE "$re" "$WORK/out.vi_VN.UTF-8")" ] &&
  pass "check: the same positions" || fail "check: positions differ"

# --- bulk: each report's line, the failure, the summary, the manifest ---
# The times and rates change from run to run: # stands for their digits.
both_bulk() {
  local l
  for l in C vi_VN.UTF-8; do
    # One directory, so that the manifests name the same files.
    rm -rf "$WORK/bulk" "$WORK/bulk.$l"
    run_in "$l" bulk --db "$BROKEN" --period 2023-Q3 --out-dir "$WORK/bulk" -j 1
    mv "$WORK/bulk" "$WORK/bulk.$l"
    sed -i -E 's/[0-9]+ ms$/# ms/; s/(in|trong) [0-9.]+ (s|giây) \([0-9.]+\//\1 # \2 (#\//' \
      "$WORK/out.$l" "$WORK/err.$l"
    sed -i "s|$WORK/bulk/|BULK/|g" "$WORK/out.$l" "$WORK/err.$l"
  done
}
both_bulk
for l in C vi_VN.UTF-8; do
  [ "$(cat "$WORK/code.$l")" -eq 15 ] && pass "bulk: exit 15 under LANG=$l" ||
    fail "bulk: exit $(cat "$WORK/code.$l") under LANG=$l"
done
same_text "bulk: each report (English)" "$WORK/out.C" \
  "rendered STP-TV BULK/STP-TV.pdf: 4 pages, 37625 bytes, # ms
rendered UBND-TV BULK/UBND-TV.pdf: 4 pages, 37633 bytes, # ms" && pass "bulk: each report (English)"
same_text "bulk: each report (Vietnamese)" "$WORK/out.vi_VN.UTF-8" \
  "đã tạo STP-TV BULK/STP-TV.pdf: 4 trang, 37625 byte, # ms
đã tạo UBND-TV BULK/UBND-TV.pdf: 4 trang, 37633 byte, # ms" && pass "bulk: each report (Vietnamese)"
same_text "bulk: failure and summary (English)" "$WORK/err.C" \
  "baocao: STTTT-TV: failed: $BROKEN: the report has no signer (agency STTTT-TV, period 2023-Q3)
baocao bulk: 3 reports: 2 rendered, 0 current, 1 failed in # s (#/s, 1 worker); 8 pages, 75258 bytes; manifest BULK/manifest.jsonl" &&
  pass "bulk: failure and summary (English)"
same_text "bulk: failure and summary (Vietnamese)" "$WORK/err.vi_VN.UTF-8" \
  "baocao: STTTT-TV: không tạo được: $BROKEN: báo cáo không có người ký (cơ quan STTTT-TV, kỳ báo cáo 2023-Q3)
baocao bulk: 3 báo cáo: 2 đã tạo, 0 đã có sẵn, 1 lỗi trong # giây (#/giây, 1 luồng xử lý); 8 trang, 75258 byte; tệp kê khai BULK/manifest.jsonl" &&
  pass "bulk: failure and summary (Vietnamese)"
cmp -s "$WORK/bulk.C/STP-TV.pdf" "$WORK/bulk.vi_VN.UTF-8/STP-TV.pdf" &&
  pass "bulk: the same PDF bytes in both languages" || fail "bulk: the PDFs differ between languages"

# json_same NAME FILE_EN FILE_VI MESSAGE_KEYS: the two JSON texts (one
# object per line) have the same keys everywhere and the same values but
# for the keys listed (message texts), which differ somewhere.
json_same() {
  python3 - "$@" <<'PY'
import json, sys
name, a, b, keys = sys.argv[1], sys.argv[2], sys.argv[3], set(sys.argv[4].split(","))
differs = []
def walk(x, y, path):
    assert type(x) is type(y), f"{path}: {type(x).__name__} vs {type(y).__name__}"
    if isinstance(x, dict):
        assert list(x) == list(y), f"{path}: keys {list(x)} vs {list(y)}"
        for k in x:
            if k in keys and isinstance(x[k], str):
                if x[k] != y[k]:
                    differs.append(f"{path}.{k}")
            elif k != "ms":  # a time
                walk(x[k], y[k], f"{path}.{k}")
    elif isinstance(x, list):
        assert len(x) == len(y), f"{path}: {len(x)} vs {len(y)} items"
        for i, (p, q) in enumerate(zip(x, y)):
            walk(p, q, f"{path}[{i}]")
    else:
        assert x == y, f"{path}: {x!r} vs {y!r}"
la = [json.loads(l) for l in open(a, encoding="utf-8") if l.strip()]
lb = [json.loads(l) for l in open(b, encoding="utf-8") if l.strip()]
assert la and len(la) == len(lb), f"{len(la)} vs {len(lb)} lines"
for i, (x, y) in enumerate(zip(la, lb)):
    walk(x, y, f"[{i}]")
assert differs, "no message text differs: not translated?"
print(f"ok: {name}: the same keys and values but for the messages ({', '.join(differs)})")
PY
}
if json_same "bulk manifest" "$WORK/bulk.C/manifest.jsonl" \
  "$WORK/bulk.vi_VN.UTF-8/manifest.jsonl" error; then :; else
  fail "bulk manifest: the JSON differs beyond its messages"
fi

# --- verify: a signed report changed afterwards, and a file not a PDF ---
run_in C "${R[@]}" -o "$WORK/r.C.pdf"
run_in vi_VN.UTF-8 "${R[@]}" -o "$WORK/r.vi.pdf"
cmp -s "$WORK/r.C.pdf" "$WORK/r.vi.pdf" &&
  pass "render: the same PDF bytes in both languages" || fail "render: the PDFs differ between languages"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/s.key" -out "$WORK/s.crt" \
  -subj "/CN=Nguyễn Văn A/O=Sở Thử/C=VN" -utf8 -days 30 \
  -addext keyUsage=digitalSignature,nonRepudiation 2>/dev/null
openssl pkcs12 -export -inkey "$WORK/s.key" -in "$WORK/s.crt" -out "$WORK/s.p12" -passout pass:x
"$BAOCAO" sign --p12 "$WORK/s.p12" --password x --field ky_co_quan "$WORK/r.C.pdf" \
  -o "$WORK/signed.pdf" > /dev/null
# One byte inside the signed bytes changed: the first of the header's
# binary comment (every stream is deflated, the comment is plain).
python3 - "$WORK/signed.pdf" "$WORK/tampered.pdf" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
i = d.index(b"%PDF-1.7\n%") + 10
assert d[i] > 127
d[i] ^= 1
open(sys.argv[2], "wb").write(d)
PY
SIZE=$(stat -c %s "$WORK/tampered.pdf")
T=$WORK/tampered.pdf
OTHER=any both "verify: a changed file (stderr)" 13 err \
  "baocao: '$T' has a signature that does not check out: signature ky_co_quan does not check out: the signature does not match the signed bytes" \
  "baocao: '$T' có chữ ký số không hợp lệ: chữ ký số ky_co_quan không hợp lệ: chữ ký số không khớp với các byte được ký" -- \
  verify "$T"
same_text "verify: a changed file (stdout, English)" "$WORK/out.C" \
  "$T: $SIZE bytes, 2 revisions, 2 signature field(s)
  ky_nguoi_co_tham_quyen: not signed
  ky_co_quan: signed by ? at $(grep -o 'signed by ? at [^;]*' "$WORK/out.C" | cut -d' ' -f5); covers the whole file; the signature does not match the signed bytes
invalid: signature ky_co_quan does not check out: the signature does not match the signed bytes" &&
  pass "verify: a changed file (stdout, English)"
same_text "verify: a changed file (stdout, Vietnamese)" "$WORK/out.vi_VN.UTF-8" \
  "$T: $SIZE byte, 2 bản sửa đổi, 2 ô chữ ký
  ky_nguoi_co_tham_quyen: chưa ký
  ky_co_quan: do ? ký lúc $(grep -o 'signed by ? at [^;]*' "$WORK/out.C" | cut -d' ' -f5); phủ toàn bộ tệp; chữ ký số không khớp với các byte được ký
không hợp lệ: chữ ký số ky_co_quan không hợp lệ: chữ ký số không khớp với các byte được ký" &&
  pass "verify: a changed file (stdout, Vietnamese)"
OTHER=any both "verify --json: exit 13" 13 err \
  "baocao: '$T' has a signature that does not check out: signature ky_co_quan does not check out: the signature does not match the signed bytes" \
  "baocao: '$T' có chữ ký số không hợp lệ: chữ ký số ky_co_quan không hợp lệ: chữ ký số không khớp với các byte được ký" -- \
  verify --json "$T"
if json_same "verify --json" "$WORK/out.C" "$WORK/out.vi_VN.UTF-8" \
  reason,problem,revocation,chain_problem,timestamp_problem,what; then :; else
  fail "verify --json: the JSON differs beyond its messages"
fi
both "verify: not a PDF" 12 err \
  "baocao: '$SRC/README.md' is not a PDF file" \
  "baocao: '$SRC/README.md' không phải là tệp PDF" -- \
  verify "$SRC/README.md"
run_in C verify --json "$SRC/README.md"
run_in vi_VN.UTF-8 verify --json "$SRC/README.md"
if json_same "verify --json of a file not a PDF" "$WORK/out.C" "$WORK/out.vi_VN.UTF-8" reason,message; then :; else
  fail "verify --json of a file not a PDF: the JSON differs beyond its messages"
fi

# --- help: the usage texts -----------------------------------------------
# first_lines NAME N ENGLISH VIETNAMESE -- ARGS: exit 0 in both, the first N
# lines of stdout exactly these, and as many lines in both languages.
first_lines() {
  local name=$1 n=$2 en=$3 vi=$4 ok=true
  shift 5
  run_in C "$@"
  run_in vi_VN.UTF-8 "$@"
  for l in C vi_VN.UTF-8; do
    [ "$(cat "$WORK/code.$l")" -eq 0 ] || { fail "$name: exit $(cat "$WORK/code.$l") under LANG=$l"; return; }
  done
  [ "$(head -n "$n" "$WORK/out.C")" == "$en" ] || { fail "$name (English): $(head -n "$n" "$WORK/out.C")"; ok=false; }
  [ "$(head -n "$n" "$WORK/out.vi_VN.UTF-8")" == "$vi" ] || { fail "$name (Vietnamese): $(head -n "$n" "$WORK/out.vi_VN.UTF-8")"; ok=false; }
  if $ok; then pass "$name"; fi
}
first_lines "help render" 1 \
  "Usage: baocao render --db FILE --agency CODE --period CODE [options]" \
  "Cách dùng: baocao render --db FILE --agency CODE --period CODE [options]" -- help render
first_lines "bulk --help" 1 \
  "Usage: baocao bulk --db FILE --period CODE [options]" \
  "Cách dùng: baocao bulk --db FILE --period CODE [options]" -- bulk --help
first_lines "--help" 4 \
  "Usage: baocao <command> [options]

Turns indicator data kept in SQLite into Vietnamese administrative reports
(báo cáo) as PDF, laid out as Decree 30/2020/NĐ-CP prescribes." \
  "Cách dùng: baocao <lệnh> [tùy chọn]

Chuyển dữ liệu chỉ tiêu lưu trong SQLite thành báo cáo hành chính tiếng Việt
dạng PDF, trình bày theo quy định của Nghị định 30/2020/NĐ-CP." -- --help
grep -A1 '^Biến môi trường:' "$WORK/out.vi_VN.UTF-8" | grep -q '^  BAOCAO_FONT_DIR' &&
  pass "--help: the environment, in Vietnamese" || fail "--help: no Vietnamese environment line"

# --- an installed baocao reads ../share/locale beside it ------------------
# A catalogue of its own there, with one message told apart, and the copy
# of the binary in bin/ prints that one (the build tree's would not).
mkdir -p "$WORK/usr/bin" "$WORK/usr/share/locale/vi/LC_MESSAGES"
cp "$BAOCAO" "$WORK/usr/bin/baocao"
cat > "$WORK/mark.po" <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#, c-format
msgid "baocao: no command '%s%s%s'\n"
msgstr "baocao: không có lệnh '%s%s%s' (bản cài đặt)\n"
PO
msgfmt --check-format -o "$WORK/usr/share/locale/vi/LC_MESSAGES/baocao.mo" "$WORK/mark.po"
got=$(cd / && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=vi_VN.UTF-8 "$WORK/usr/bin/baocao" help xuat 2>&1 || true)
[ "$got" = "baocao: không có lệnh 'xuat' (bản cài đặt)" ] &&
  pass "an installed copy reads bin/../share/locale" ||
  fail "an installed copy reads bin/../share/locale: got '$got'"

# --- which variables choose the language --------------------------------
# lang_is NAME en|vi VAR=VALUE...: the unknown-agency line is in that language.
lang_is() {
  local name=$1 want=$2 got
  shift 2
  got=$(cd "$SRC" && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u LANG "$@" \
    "$BAOCAO" render --db "$DB" --agency KHONG-CO --period 2023-Q3 2>&1 || true)
  case "$got" in
    *"unknown agency 'KHONG-CO'") [ "$want" = en ] ;;
    *"không tìm thấy cơ quan 'KHONG-CO' trong cơ sở dữ liệu") [ "$want" = vi ] ;;
    *) false ;;
  esac && pass "$name: $want" || fail "$name: expected $want, got: $got"
}
lang_is "LANG=vi_VN.UTF-8" vi LANG=vi_VN.UTF-8
lang_is "LC_ALL=vi_VN.UTF-8 over LANG=C" vi LANG=C LC_ALL=vi_VN.UTF-8
lang_is "LC_MESSAGES=vi_VN.UTF-8 over LANG=C" vi LANG=C LC_MESSAGES=vi_VN.UTF-8
lang_is "LC_ALL=C over LANG=vi_VN.UTF-8" en LANG=vi_VN.UTF-8 LC_ALL=C
lang_is "LC_MESSAGES=C over LANG=vi_VN.UTF-8" en LANG=vi_VN.UTF-8 LC_MESSAGES=C
lang_is "LANGUAGE=en over LANG=vi_VN.UTF-8" en LANG=vi_VN.UTF-8 LANGUAGE=en
lang_is "LANGUAGE=vi with LANG=C.UTF-8" vi LANG=C.UTF-8 LANGUAGE=vi
lang_is "LANGUAGE=vi with LANG=C (glibc ignores LANGUAGE in the C locale)" en LANG=C LANGUAGE=vi
lang_is "no variable at all" en
lang_is "LANG=C" en LANG=C

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
echo "all i18n tests passed"
