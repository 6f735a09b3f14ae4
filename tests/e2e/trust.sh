#!/usr/bin/env bash
# tests/e2e/trust.sh: verify and db import-pdf judge the signer's
# certificate (issue 14): the test PKI (tests/pki/make_pki.sh) with its OCSP
# responder and TSA on 127.0.0.1, the seal's certificate bound to its agency
# in the table agency_certificate, and the import matrix: refused, each with
# its exact message and exit 17: the impostor (self-signed, the signer's
# name), the expired certificate (signed by pdfsig, which baocao sign
# refuses to do), the revoked one (CRL and OCSP), a certificate not for
# signing, the wrong agency, an untrusted root, no seal; accepted: the
# agency's own chain with and without a timestamp, and from a SoftHSM2
# token. pdfsig, trusting the same root through NSS, agrees.
source "$(dirname "$0")/common.bash"
sample_db
start_pki
OUT=$WORK/out
mkdir -p "$OUT"
R=$WORK/r
mkdir -p "$R"
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 -o "$WORK/tttt.pdf" >/dev/null
"$BAOCAO" render --db "$WORK/baocao.db" --agency STP-TV --period 2023-Q3 -o "$WORK/stp.pdf" >/dev/null

sign() { # IN OUT FIELD P12 [more args]
  local in=$1 out=$2 field=$3 p12=$4; shift 4
  "$BAOCAO" sign --p12 "$PKI/$p12.p12" --password matkhau --field "$field" "$@" "$in" -o "$out" >/dev/null
}
# The leader signs, then the văn thư seals with the certificate named.
sealed() { # NAME SEAL_P12 [REPORT] [more args]
  local name=$1 seal=$2 report=${3:-tttt}; shift 2; [ $# -gt 0 ] && shift
  sign "$WORK/$report.pdf" "$WORK/s1-$name.pdf" ky_nguoi_co_tham_quyen signer &&
    sign "$WORK/s1-$name.pdf" "$R/$name.pdf" ky_co_quan "$seal" "$@"
}
# A signature baocao sign would not make (an expired certificate, one not
# for signing): made by pdfsig with NSS, as another tool would.
nss_sealed() { # NAME P12
  local nss=$WORK/nss-$1
  mkdir -p "$nss"
  certutil -N -d "sql:$nss" --empty-password
  pk12util -i "$PKI/$2.p12" -d "sql:$nss" -W matkhau -K '' >/dev/null 2>&1
  sign "$WORK/tttt.pdf" "$WORK/s1-$1.pdf" ky_nguoi_co_tham_quyen signer
  pdfsig -nssdir "sql:$nss" -nick "$(certutil -L -d "sql:$nss" | awk -F'  +' '/u,u,u/ {print $1}')" \
    -sign ky_co_quan "$WORK/s1-$1.pdf" "$R/$1.pdf" 2>/dev/null
}
check "sealed by the agency's own certificate" sealed own seal
check "sealed with a timestamp" sealed stamped seal tttt --tsa "$TSA"
check "sealed by the impostor (self-signed, the signer's name)" sealed impostor impostor
check "sealed by a revoked certificate" sealed revoked revoked
check "sealed under an untrusted root" sealed stranger stranger
check "sealed by the agency's certificate, on another agency's report" sealed wrong-agency seal stp
check "signed by the leader only" sign "$WORK/tttt.pdf" "$R/unsealed.pdf" ky_nguoi_co_tham_quyen signer
check "sealed by an expired certificate (pdfsig)" nss_sealed expired expired
check "sealed by a certificate for TLS servers only (pdfsig)" nss_sealed wrongeku wrongeku

# --- verify ---------------------------------------------------------------
verify_line() { # FILE FIELD: the certificate line of FIELD
  { "$BAOCAO" verify --trust "$PKI/root.crt" --crl "$PKI/inter.crl" "$R/$1.pdf" 2>/dev/null || true; } |
    awk -v f="  $2:" 'index($0, f) == 1 {on = 1; next} on && /^  [a-z]/ {on = 0}
                      on && /^    certificate:/ && !done {print; done = 1}'
}
check "verify: the own chain is trusted, exit 0" "$BAOCAO" verify --trust "$PKI/root.crt" --ocsp "$R/own.pdf"
check "verify: revocation good by OCSP and by CRL" bash -c "
  '$BAOCAO' verify --trust '$PKI/root.crt' --ocsp '$R/own.pdf' | grep -c 'revocation: good (OCSP)' | grep -qx 2 &&
  '$BAOCAO' verify --trust '$PKI/root.crt' --crl '$PKI/inter.crl' '$R/own.pdf' | grep -c 'revocation: good (CRL)' | grep -qx 2"
check "verify: the timestamp's time is the signing time" bash -c "
  '$BAOCAO' verify --trust '$PKI/root.crt' --json '$R/stamped.pdf' | python3 -c '
import json, sys
d = json.load(sys.stdin)
seal = [s for s in d[\"signatures\"] if s[\"field\"] == \"ky_co_quan\"][0]
assert seal[\"chain\"] == \"trusted\" and seal[\"trusted_time\"] and seal[\"timestamp_at\"] == seal[\"checked_at\"] != \"\", seal
assert seal[\"spki_sha256\"] and seal[\"subject\"].endswith(\"CN=Sở Thông tin và Truyền thông Trà Vinh\"), seal
'"
for c in "impostor|untrusted (the certificate of 'Bùi Thông Nhứt' is self-signed and not a trust anchor)" \
         "stranger|untrusted (its chain ends at 'Untrusted Root', which is not a trust anchor)" \
         "revoked|revoked (the certificate was revoked at " \
         "expired|expired (the certificate of 'Bùi Thông Nhứt' expired on 2021-12-31, before the signing time " \
         "wrongeku|not for signing (the certificate may not sign documents: its extended key usage allows neither document signing nor e-mail protection)"; do
  name=${c%%|*} want=${c#*|}
  got=$(verify_line "$name" ky_co_quan)
  check "verify: $name is '${want%% (*}'" bash -c "[[ \"\$1\" == \"    certificate: \$2\"* ]]" _ "$got" "$want"
done
set +e
"$BAOCAO" verify --trust "$PKI/root.crt" "$R/impostor.pdf" >/dev/null 2>"$WORK/err"; code=$?
"$BAOCAO" verify "$R/own.pdf" >/dev/null 2>"$WORK/err2"; code2=$?
set -e
check "verify: exit 17 for an untrusted certificate, naming it" bash -c "[ $code -eq 17 ] &&
  [ \"\$(cat '$WORK/err')\" = \"baocao: '$R/impostor.pdf': signature ky_co_quan: certificate untrusted: the certificate of 'Bùi Thông Nhứt' is self-signed and not a trust anchor\" ]"
check "verify without trust anchors: exit 17, saying how to give them" bash -c "[ $code2 -eq 17 ] &&
  [ \"\$(cat '$WORK/err2')\" = \"baocao: '$R/own.pdf': signature ky_nguoi_co_tham_quyen: certificate untrusted: no trust anchors: give --trust, or set BAOCAO_TRUST (docs/signing.md)\" ]"
check "verify: BAOCAO_TRUST is the default anchor" env BAOCAO_TRUST="$PKI/root.crt" "$BAOCAO" verify "$R/own.pdf"
mkdir -p "$WORK/anchors" && cp "$PKI/root.crt" "$WORK/anchors/root.pem"
check "verify: --trust takes a directory" "$BAOCAO" verify --trust "$WORK/anchors" "$R/own.pdf"

# --- pdfsig agrees (NSS trusts the test root) -------------------------------
NSS=$WORK/nss
mkdir -p "$NSS"
certutil -N -d "sql:$NSS" --empty-password
certutil -A -d "sql:$NSS" -n testroot -t "CT,C,C" -a -i "$PKI/root.crt"
for name in own stamped impostor stranger; do
  pdfsig -nssdir "sql:$NSS" "$R/$name.pdf" > "$WORK/$name.pdfsig" 2>&1 || true
done
check "pdfsig: the own chain is trusted (both signatures)" bash -c "[ \$(grep -c 'Certificate is Trusted' '$WORK/own.pdfsig') -eq 2 ] && [ \$(grep -c 'Certificate is Trusted' '$WORK/stamped.pdfsig') -eq 2 ]"
check "pdfsig: the impostor's and the stranger's seal are not trusted" bash -c "[ \$(grep -c 'Certificate is Trusted' '$WORK/impostor.pdfsig') -eq 1 ] && [ \$(grep -c 'Certificate is Trusted' '$WORK/stranger.pdfsig') -eq 1 ]"

# --- the agency bound to its seal -------------------------------------------
UP=$WORK/province.db
cp "$WORK/baocao.db" "$UP"
spki() { openssl x509 -in "$1" -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum | cut -c1-64; }
cat > "$WORK/bind.sql" <<SQL
INSERT INTO agency_certificate (agency_code, role, spki_sha256, issuer, subject, note) VALUES
  ('STTTT-TV', 'seal', '$(spki "$PKI/seal.crt")', NULL, NULL, 'USB token của văn thư'),
  ('STP-TV', 'seal', NULL, 'C=VN,O=Test PKI,CN=Test CA cấp 2', 'C=VN,O=UBND tỉnh Trà Vinh,CN=Sở Tư pháp Trà Vinh', NULL);
SQL
"$BAOCAO" db load "$UP" "$WORK/bind.sql" >/dev/null
TRUST=(--trust "$PKI/root.crt" --crl "$PKI/inter.crl")
imp() { "$BAOCAO" db import-pdf --db "$UP" "${TRUST[@]}" "$@"; }
NOTHING="baocao: nothing was imported: 1 of 1 files refused (--keep-going imports the others)"
refused() { # NAME REASON
  expect "import refuses $1" 17 "baocao: '$R/$1.pdf' is refused: $2 (--accept-untrusted imports it anyway)
$NOTHING" db import-pdf --db "$UP" "${TRUST[@]}" "$R/$1.pdf"
}
refused impostor "the signature ky_co_quan is untrusted: the certificate of 'Bùi Thông Nhứt' is self-signed and not a trust anchor"
refused stranger "the signature ky_co_quan is untrusted: its chain ends at 'Untrusted Root', which is not a trust anchor"
refused expired "the signature ky_co_quan is expired: the certificate of 'Bùi Thông Nhứt' expired on 2021-12-31, before the signing time $(
  "$BAOCAO" verify --trust "$PKI/root.crt" --json "$R/expired.pdf" 2>/dev/null | python3 -c 'import json,sys; print([s for s in json.load(sys.stdin)["signatures"] if s["field"]=="ky_co_quan"][0]["checked_at"])')"
refused wrongeku "the signature ky_co_quan is not for signing: the certificate may not sign documents: its extended key usage allows neither document signing nor e-mail protection"
revoked_at=$(openssl crl -in "$PKI/inter.crl" -noout -text |
  awk '/Revocation Date: / && !done {sub(/.*Revocation Date: /, ""); print; done = 1}')
revoked_iso=$(date -u -d "$revoked_at" +%Y-%m-%dT%H:%M:%SZ)
refused revoked "the signature ky_co_quan is revoked: the certificate was revoked at $revoked_iso"
refused wrong-agency "the seal's certificate (C=VN,O=UBND tỉnh Trà Vinh,CN=Sở Thông tin và Truyền thông Trà Vinh, SPKI SHA-256 $(spki "$PKI/seal.crt")) is not bound to agency 'STP-TV'"
refused unsealed "the agency's seal (ky_co_quan) is not signed; the signer's signature does not stand in for it"
expect "import refuses the revoked seal by OCSP too" 17 "baocao: '$R/revoked.pdf' is refused: the signature ky_co_quan is revoked: the certificate was revoked at $revoked_iso (--accept-untrusted imports it anyway)
$NOTHING" db import-pdf --db "$UP" --trust "$PKI/root.crt" --ocsp "$R/revoked.pdf"
expect "import without trust anchors refuses" 17 "baocao: '$R/own.pdf' is refused: the signature ky_nguoi_co_tham_quyen is untrusted: no trust anchors: give --trust, or set BAOCAO_TRUST (docs/signing.md) (--accept-untrusted imports it anyway)
$NOTHING" db import-pdf --db "$UP" "$R/own.pdf"
cp "$WORK/baocao.db" "$WORK/unbound.db"
expect "import: no certificate bound to the agency" 17 "baocao: '$R/own.pdf' is refused: no certificate is bound to agency 'STTTT-TV' (table agency_certificate: baocao db import DB agency_certificates.csv) (--accept-untrusted imports it anyway)
$NOTHING" db import-pdf --db "$WORK/unbound.db" "${TRUST[@]}" "$R/own.pdf"

check "import accepts the agency's own chain" bash -c "
  '$BAOCAO' db import-pdf --db '$UP' --trust '$PKI/root.crt' --ocsp '$R/own.pdf' > '$WORK/own.out' &&
  grep -Eqx '$R/own.pdf: STTTT-TV 2023-Q3: 0 values imported, [0-9]+ already there; signed by Sở Thông tin và Truyền thông Trà Vinh' '$WORK/own.out'"
check "import accepts it with a timestamp" imp "$R/stamped.pdf"
check "--accept-untrusted imports the impostor, and says so (text and JSON)" bash -c "
  '$BAOCAO' db import-pdf --db '$UP' ${TRUST[*]} --accept-untrusted '$R/impostor.pdf' |
    grep -Eqx \"$R/impostor.pdf: STTTT-TV 2023-Q3: 0 values imported, [0-9]+ already there; signed, imported because of --accept-untrusted by Bùi Thông Nhứt: the signature ky_co_quan is untrusted: the certificate of 'Bùi Thông Nhứt' is self-signed and not a trust anchor\" &&
  '$BAOCAO' db import-pdf --db '$UP' ${TRUST[*]} --accept-untrusted --json '$R/impostor.pdf' |
    python3 -c 'import json,sys; f=json.load(sys.stdin)[\"files\"][0]; assert f[\"imported\"] and f[\"accepted_untrusted\"] and \"self-signed\" in f[\"untrusted\"], f'"

# --- a SoftHSM2 token: signed, verified, imported ---------------------------
eval "$("$SRC/tests/pki/softhsm_token.sh" "$WORK/hsm" "$PKI")"
echo 1234 > "$WORK/pin"
check "the token signs and seals (with a timestamp)" bash -c "
  '$BAOCAO' sign --pkcs11 'pkcs11:token=baocao;object=signer' --module '$BC_TEST_P11_MODULE' --pin-file '$WORK/pin' \
    --field ky_nguoi_co_tham_quyen '$WORK/tttt.pdf' -o '$WORK/tok1.pdf' >/dev/null &&
  '$BAOCAO' sign --pkcs11 'pkcs11:token=baocao;object=seal' --module '$BC_TEST_P11_MODULE' --pin-file '$WORK/pin' \
    --tsa '$TSA' --field ky_co_quan '$WORK/tok1.pdf' -o '$R/token.pdf' >/dev/null"
check "the token-signed report verifies: trusted, revocation good (OCSP), time from the timestamp" bash -c "
  '$BAOCAO' verify --trust '$PKI/root.crt' --ocsp '$R/token.pdf' > '$WORK/token.txt' &&
  [ \$(grep -c '^    certificate: trusted;' '$WORK/token.txt') -eq 2 ] &&
  grep -q 'from the timestamp; revocation: good (OCSP)' '$WORK/token.txt'"
check "the token-signed report imports" imp --ocsp "$R/token.pdf"

# --- the OCSP responder down: revocation unknown, never good ------------------
for p in "${pki_pids[@]}"; do kill "$p" 2>/dev/null || true; done
wait 2>/dev/null || true
start=$(date +%s%N)
set +e
"$BAOCAO" verify --trust "$PKI/root.crt" --ocsp --ocsp-timeout 3 "$R/own.pdf" > "$WORK/down.txt" 2> "$WORK/down.err"; code=$?
set -e
echo "verify with the OCSP responder down: $(( ($(date +%s%N) - start) / 1000000 )) ms"
check "OCSP responder down: revocation unknown, exit 17" bash -c "[ $code -eq 17 ] &&
  [ \$(grep -c 'revocation: not checked: the OCSP responder did not answer' '$WORK/down.txt') -eq 2 ] &&
  [ \"\$(cat '$WORK/down.err')\" = \"baocao: '$R/own.pdf': signature ky_nguoi_co_tham_quyen: certificate revocation unknown: the OCSP responder did not answer\" ]"
finish
