#!/usr/bin/env bash
# tests/e2e/token_sign.sh: `baocao sign` with a key on a PKCS#11 token
# (SoftHSM2, made here) and with an RFC 3161 timestamp from a TSA on
# 127.0.0.1 (openssl ts behind tests/pki/tsa_server.py), certificates from
# the test PKI (tests/pki/make_pki.sh) with an OCSP responder (openssl ocsp)
# on 127.0.0.1. pdfsig with an NSS database that trusts only the test root
# must call both signatures valid and their certificates trusted; the CMS
# must carry PAdES B-B attributes, and the timestamp must verify with
# `openssl ts` against the signature it covers. Each refusal has its exact
# message and exit code and leaves no file.
source "$(dirname "$0")/common.bash"
sample_db
export SOURCE_DATE_EPOCH=1700000000
OUT=$WORK/out
mkdir -p "$OUT"
start_pki
eval "$("$SRC/tests/pki/softhsm_token.sh" "$WORK/hsm" "$PKI")"
echo 1234 > "$WORK/pin"
echo 9999 > "$WORK/badpin"

PDF=$WORK/report.pdf
"$BAOCAO" render --db "$WORK/baocao.db" --agency STTTT-TV --period 2023-Q3 -o "$PDF" >/dev/null

# --- signing on the token, then the seal with a timestamp ----------------
check "sign with the token's key (PIN from a file)" "$BAOCAO" sign \
  --pkcs11 "pkcs11:token=baocao;object=signer" --module "$BC_TEST_P11_MODULE" \
  --pin-file "$WORK/pin" --chain "$PKI/signer.chain.pem" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$WORK/t1.pdf"
check "the seal from a .p12, with a timestamp, ETSI.CAdES.detached" "$BAOCAO" sign \
  --p12 "$PKI/seal.p12" --password matkhau --tsa "$TSA" --subfilter ETSI.CAdES.detached \
  --field ky_co_quan "$WORK/t1.pdf" -o "$WORK/t2.pdf"
check "the seal on the token too (PIN from BAOCAO_PKCS11_PIN, id= selects)" env BAOCAO_PKCS11_PIN=1234 \
  BAOCAO_PKCS11_MODULE="$BC_TEST_P11_MODULE" "$BAOCAO" sign --pkcs11 "pkcs11:token=baocao;id=%02" \
  --tsa "$TSA" --field ky_co_quan "$WORK/t1.pdf" -o "$WORK/t3.pdf"

NSS=$WORK/nss
mkdir -p "$NSS"
certutil -N -d "sql:$NSS" --empty-password
certutil -A -d "sql:$NSS" -n testroot -t "CT,C,C" -a -i "$PKI/root.crt"
for f in t2 t3; do
  pdfsig -nssdir "sql:$NSS" "$WORK/$f.pdf" > "$WORK/$f.pdfsig" 2>&1 || true
  cat "$WORK/$f.pdfsig"
  check "pdfsig ($f): both signatures valid" bash -c "[ \$(grep -c 'Signature is Valid' '$WORK/$f.pdfsig') -eq 2 ]"
  check "pdfsig ($f): both certificates trusted (NSS trusts the test root)" \
    bash -c "[ \$(grep -c 'Certificate is Trusted' '$WORK/$f.pdfsig') -eq 2 ]"
done
check "pdfsig: the seal is ETSI.CAdES.detached, the signer adbe.pkcs7.detached" \
  bash -c "grep -q 'Signature Type: ETSI.CAdES.detached' '$WORK/t2.pdfsig' && grep -q 'Signature Type: adbe.pkcs7.detached' '$WORK/t2.pdfsig'"
if command -v mutool >/dev/null; then
  mutool sign -v "$WORK/t2.pdf" > "$WORK/t2.mutool" 2>&1 || true
  cat "$WORK/t2.mutool"
  # mutool has no trust store ("self-signed certificate in chain"); its
  # verdict on the bytes: the signer's signature is valid with the seal's
  # update after it, the seal's covers the whole file.
  check "mutool: the signer's signature valid, edits (the seal) after it" \
    bash -c "grep -c 'The signature is valid but there have been edits since signing' '$WORK/t2.mutool' | grep -qx 1"
  check "mutool: the seal's signature valid, document unchanged since" \
    bash -c "grep -c 'The document is unchanged since signing' '$WORK/t2.mutool' | grep -qx 1"
fi

# The CMS of each signature: PAdES B-B attributes, chain, timestamp.
python3 - "$WORK/t2.pdf" "$WORK" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
for i, m in enumerate(re.finditer(rb"/Contents <([0-9A-Fa-f]+)>", data)):
    hexs = m.group(1).decode()
    der = bytes.fromhex(hexs)
    # DER length of the outer SEQUENCE, to drop the zero padding
    assert der[0] == 0x30 and der[1] == 0x82 or der[1] == 0x83, der[:4]
    n = int.from_bytes(der[2:4], "big") + 4 if der[1] == 0x82 else int.from_bytes(der[2:5], "big") + 5
    open(f"{sys.argv[2]}/sig{i}.der", "wb").write(der[:n])
PY
for i in 0 1; do
  openssl cms -cmsout -print -inform der -in "$WORK/sig$i.der" > "$WORK/sig$i.txt" 2>/dev/null
done
check "signer: signed attributes content-type, message-digest, signing-certificate-v2" bash -c \
  "grep -q 'object: contentType' '$WORK/sig0.txt' && grep -q 'object: messageDigest' '$WORK/sig0.txt' && grep -q 'id-smime-aa-signingCertificateV2' '$WORK/sig0.txt'"
check "signer: the chain travels with the signature (3 certificates)" bash -c \
  "openssl pkcs7 -inform der -in '$WORK/sig0.der' -print_certs 2>/dev/null | grep -c '^subject=' | grep -qx 3"
check "seal (CAdES): no signing-time attribute, a signature timestamp" bash -c \
  "! grep -q 'object: signingTime' '$WORK/sig1.txt' && grep -q 'id-smime-aa-timeStampToken' '$WORK/sig1.txt'"
check "signer (adbe.pkcs7.detached): signing-time kept, no timestamp" bash -c \
  "grep -q 'object: signingTime' '$WORK/sig0.txt' && ! grep -q 'id-smime-aa-timeStampToken' '$WORK/sig0.txt'"
# The timestamp token verifies with openssl ts against the SHA-256 of the
# seal's signature value, and chains to the test root.
python3 - "$WORK/sig1.der" "$WORK" <<'PY'
import subprocess, sys, hashlib
from pathlib import Path
w = Path(sys.argv[2])
# asn1parse: find the signature OCTET STRING of the SignerInfo and the
# timestamp token (the SEQUENCE after the timeStampToken OID).
out = subprocess.run(["openssl", "asn1parse", "-inform", "der", "-in", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout.splitlines()
der = Path(sys.argv[1]).read_bytes()
def span(line):
    off = int(line.split(":")[0])
    hl = int(line.split("hl=")[1].split()[0]); l = int(line.split("l=")[2].split()[0])
    return off, hl, l
ts_at = next(i for i, l in enumerate(out) if "id-smime-aa-timeStampToken" in l)
tok = next(l for l in out[ts_at + 1:] if "cons: SEQUENCE" in l)
off, hl, l = span(tok)
(w / "token.der").write_bytes(der[off:off + hl + l])
# the signature value: the last OCTET STRING before the unsigned attributes
sig = [l for l in out[:ts_at] if "prim:" in l and "OCTET STRING" in l][-1]
off, hl, l = span(sig)
(w / "sigvalue.sha256").write_text(hashlib.sha256(der[off + hl:off + hl + l]).hexdigest())
PY
check "the timestamp covers the seal's signature value and chains to the root" bash -c \
  "OPENSSL_CONF=/dev/null openssl ts -verify -digest \$(cat '$WORK/sigvalue.sha256') -in '$WORK/token.der' -token_in -CAfile '$PKI/root.crt' 2>&1 | grep -q 'Verification: OK'"
check "the report's bytes are the start of the token-signed file" cmp -s -n "$(stat -c %s "$PDF")" "$PDF" "$WORK/t1.pdf"

# --- refusals: one message, one exit code, no file -------------------------
URI="pkcs11:token=baocao;object=signer"
expect "wrong PIN" 11 "baocao: token 'baocao' refused the PIN: PIN incorrect" \
  sign --pkcs11 "$URI" --module "$BC_TEST_P11_MODULE" --pin-file "$WORK/badpin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "no such token" 4 "baocao: no token matches 'pkcs11:token=khong-co' (tokens present: baocao)" \
  sign --pkcs11 "pkcs11:token=khong-co" --module "$BC_TEST_P11_MODULE" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "no such key" 4 "baocao: no private key on token 'baocao' matches 'pkcs11:token=baocao;object=khong-co'" \
  sign --pkcs11 "pkcs11:token=baocao;object=khong-co" --module "$BC_TEST_P11_MODULE" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "two keys match" 11 "baocao: more than one key on token 'baocao' matches 'pkcs11:token=baocao': name it with object= or id=" \
  sign --pkcs11 "pkcs11:token=baocao" --module "$BC_TEST_P11_MODULE" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "a module that is not there" 6 "baocao: cannot load the PKCS#11 module '$WORK/none.so'" \
  sign --pkcs11 "$URI" --module "$WORK/none.so" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
# awk reads all of ldconfig's output: an early exit would kill ldconfig
# with SIGPIPE, and pipefail would end the test there, now and then.
ZLIB_SO=$(ldconfig -p | awk '/libz\.so\.1 .*x86-64|libz\.so\.1 \(libc6/ && !found {print $NF; found = 1}')
expect "a library that is not a PKCS#11 module" 6 "baocao: '$ZLIB_SO' is not a PKCS#11 module (no C_GetFunctionList)" \
  sign --pkcs11 "$URI" --module "$ZLIB_SO" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "not a PKCS#11 URI" 6 "baocao: 'token=baocao' is not a PKCS#11 URI (it starts with pkcs11:, RFC 7512)" \
  sign --pkcs11 "token=baocao" --module "$BC_TEST_P11_MODULE" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "a public-key URI" 6 "baocao: PKCS#11 URI 'pkcs11:token=baocao;object=signer;type=cert' names a cert object; signing needs the private key (type=private)" \
  sign --pkcs11 "pkcs11:token=baocao;object=signer;type=cert" --module "$BC_TEST_P11_MODULE" --pin-file "$WORK/pin" \
  --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "no module given" 6 "baocao: no PKCS#11 module for '$URI': give the token's library (--module, or module-path in the URI)" \
  sign --pkcs11 "$URI" --pin-file "$WORK/pin" --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "both --p12 and --pkcs11" 2 "baocao sign: IN.pdf, one of --p12 and --pkcs11, --field and -o are required (see baocao help sign)" \
  sign --p12 "$PKI/seal.p12" --pkcs11 "$URI" --field ky_co_quan "$PDF" -o "$OUT/x.pdf"
expect "certificate for TLS servers only" 11 "baocao: the certificate of 'Bùi Thông Nhứt' is not for signing (its extended key usage allows neither document signing nor e-mail protection)" \
  sign --p12 "$PKI/wrongeku.p12" --password matkhau --field ky_nguoi_co_tham_quyen "$PDF" -o "$OUT/x.pdf"
expect "an unknown subfilter" 2 "baocao sign: --subfilter 'adbe.x509.rsa_sha1' is neither adbe.pkcs7.detached nor ETSI.CAdES.detached" \
  sign --p12 "$PKI/seal.p12" --subfilter adbe.x509.rsa_sha1 --field ky_co_quan "$PDF" -o "$OUT/x.pdf"
DEAD=$(free_port)
expect "the TSA does not answer" 16 "baocao: the time-stamping authority 'http://127.0.0.1:$DEAD/' did not answer within 2 s (connect timeout)" \
  sign --p12 "$PKI/seal.p12" --password matkhau --tsa "http://127.0.0.1:$DEAD/" --tsa-timeout 2 \
  --field ky_co_quan "$PDF" -o "$OUT/x.pdf"
expect "an https TSA" 6 "baocao: time-stamping authority 'https://127.0.0.1:1/': https is not supported; RFC 3161 replies are signed, so http:// is safe" \
  sign --p12 "$PKI/seal.p12" --password matkhau --tsa "https://127.0.0.1:1/" \
  --field ky_co_quan "$PDF" -o "$OUT/x.pdf"
finish
