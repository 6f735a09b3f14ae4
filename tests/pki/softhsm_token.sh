#!/usr/bin/env bash
# tests/pki/softhsm_token.sh: a SoftHSM2 token holding the test PKI's signer
# and seal keys and certificates, as a USB token would (PKCS#11).
# Usage: softhsm_token.sh DIR PKI_DIR  -- prints the lines to eval:
#   SOFTHSM2_CONF=DIR/softhsm2.conf and BC_TEST_P11_MODULE=path
# Token "baocao", user PIN 1234, SO PIN 5678; objects "signer" (id 01) and
# "seal" (id 02): private key, certificate, and the CA chain as certificates.
set -euo pipefail
dir=$1 pki=$2
module=""
for m in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
         /usr/lib/*/softhsm/libsofthsm2.so; do
  [ -f "$m" ] && { module=$m; break; }
done
[ -n "$module" ] || { echo "softhsm_token.sh: libsofthsm2.so not found (apt-get install softhsm2)" >&2; exit 2; }
mkdir -p "$dir/tokens"
cat > "$dir/softhsm2.conf" <<CNF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CNF
export SOFTHSM2_CONF=$dir/softhsm2.conf
softhsm2-util --init-token --free --label baocao --pin 1234 --so-pin 5678 >/dev/null
id=1
for name in signer seal; do
  hex=$(printf '%02x' $id)
  openssl pkcs8 -topk8 -nocrypt -in "$pki/$name.key" -out "$dir/$name.p8"
  softhsm2-util --import "$dir/$name.p8" --token baocao --label "$name" --id "$hex" --pin 1234 >/dev/null
  rm -f "$dir/$name.p8"
  openssl x509 -in "$pki/$name.crt" -outform der -out "$dir/$name.der"
  pkcs11-tool --module "$module" --token-label baocao --login --pin 1234 \
    --write-object "$dir/$name.der" --type cert --id "$hex" --label "$name" >/dev/null 2>&1
  id=$((id + 1))
done
# The CA's certificates, as tokens from a CA carry them (ids 10 and 11).
for ca in inter:10 root:11; do
  openssl x509 -in "$pki/${ca%%:*}.crt" -outform der -out "$dir/${ca%%:*}.der"
  pkcs11-tool --module "$module" --token-label baocao --login --pin 1234 \
    --write-object "$dir/${ca%%:*}.der" --type cert --id "${ca#*:}" --label "${ca%%:*}" >/dev/null 2>&1
done
echo "export SOFTHSM2_CONF=$dir/softhsm2.conf"
echo "export BC_TEST_P11_MODULE=$module"
