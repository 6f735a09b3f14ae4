#!/usr/bin/env bash
# tests/pki/make_pki.sh: a test PKI made with openssl, for the signing tests.
# Usage: make_pki.sh DIR OCSP_URL
# Writes into DIR (PEM unless named .der/.p12):
#   root.crt             the agency CA's root (trust anchor)
#   inter.crt            an intermediate CA under it; certificates below name
#                        OCSP_URL as their OCSP responder (AIA)
#   signer.*, seal.*     the leader and the agency (văn thư's seal): key, crt,
#                        p12 (password "matkhau"), chain.pem (inter + root)
#   expired.*            a signer certificate that expired in 2021
#   revoked.*            a signer certificate revoked in inter.crl
#   wrongeku.*           a certificate for TLS servers only (EKU serverAuth)
#   impostor.*           self-signed, with the signer's name
#   stranger.*           a valid chain to another root (stranger-root.crt)
#   tsa.*                a time-stamping authority under the root
#   ocsp.*               the OCSP responder's certificate under inter
#   inter.crl, root.crl  CRLs; inter-index.txt  the intermediate's database
# Everything is made new each run; nothing depends on the clock except the
# certificates' validity (two years from now, expired: 2019-2021).
set -euo pipefail
dir=$1 ocsp=$2
mkdir -p "$dir" && cd "$dir"
export OPENSSL_CONF=/dev/null

# One `openssl ca` database per CA (so revocation and CRLs work).
ca_conf() { # name
  mkdir -p "$1.db"; : > "$1.db/index.txt"; echo 1000 > "$1.db/serial"; echo 1000 > "$1.db/crlnumber"
  cat > "$1.cnf" <<CNF
[ ca ]
default_ca = this
[ this ]
dir = $PWD/$1.db
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
default_days = 730
default_crl_days = 30
policy = anything
unique_subject = no
copy_extensions = none
utf8 = yes
string_mask = utf8only
[ anything ]
commonName = supplied
organizationName = optional
organizationalUnitName = optional
localityName = optional
stateOrProvinceName = optional
countryName = optional
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_sign ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection,1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:$ocsp
[ v3_tls ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
authorityInfoAccess = OCSP;URI:$ocsp
[ v3_tsa ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
[ v3_ocsp ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,OCSPSigning
CNF
}
key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null; }
csr() { openssl req -new -key "$1.key" -subj "$2" -utf8 -out "$1.csr"; }
issue() { # ca name ext [extra ca args]
  local ca=$1 name=$2 ext=$3; shift 3
  openssl ca -batch -config "$ca.cnf" -cert "$ca.crt" -keyfile "$ca.key" -extensions "$ext" \
    -in "$name.csr" -out "$name.crt" -notext "$@" 2>/dev/null
}
self_ca() { # name subject
  key "$1"; ca_conf "$1"
  openssl req -x509 -new -key "$1.key" -subj "$2" -utf8 -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" -out "$1.crt"
}
p12() { # name chain...
  local name=$1; shift
  cat "$@" > "$name.chain.pem"
  openssl pkcs12 -export -inkey "$name.key" -in "$name.crt" -certfile "$name.chain.pem" \
    -out "$name.p12" -passout pass:matkhau
}

self_ca root "/CN=Test Root CA Ban Cơ yếu/O=Test PKI/C=VN"
key inter; ca_conf inter
csr inter "/CN=Test CA cấp 2/O=Test PKI/C=VN"
issue root inter v3_ca -days 1825

leaf() { # name subject ext [extra]
  local name=$1 subj=$2 ext=$3; shift 3
  key "$name"; csr "$name" "$subj"; issue inter "$name" "$ext" "$@"
  p12 "$name" inter.crt root.crt
}
leaf signer "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" v3_sign
leaf seal "/CN=Sở Thông tin và Truyền thông Trà Vinh/O=UBND tỉnh Trà Vinh/C=VN" v3_sign
leaf expired "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" v3_sign \
  -startdate 20190101000000Z -enddate 20211231000000Z
leaf revoked "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" v3_sign
leaf wrongeku "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" v3_tls
key ocsp; csr ocsp "/CN=Test OCSP responder/O=Test PKI/C=VN"; issue inter ocsp v3_ocsp
key tsa; csr tsa "/CN=Test TSA/O=Test PKI/C=VN"; issue root tsa v3_tsa
cat tsa.crt root.crt > tsa.chain.pem
openssl ca -batch -config inter.cnf -cert inter.crt -keyfile inter.key -revoke revoked.crt \
  -crl_reason keyCompromise 2>/dev/null
openssl ca -batch -config inter.cnf -cert inter.crt -keyfile inter.key -gencrl -out inter.crl 2>/dev/null
openssl ca -batch -config root.cnf -cert root.crt -keyfile root.key -gencrl -out root.crl 2>/dev/null
cp inter.db/index.txt inter-index.txt; cp inter.db/index.txt.attr inter-index.txt.attr

# The impostor: self-signed, the signer's name, for signing.
key impostor
openssl req -x509 -new -key impostor.key -subj "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN" \
  -utf8 -days 730 -addext "keyUsage=critical,digitalSignature,nonRepudiation" -out impostor.crt
p12 impostor impostor.crt

# A stranger: a proper chain to a root nobody trusts here.
self_ca stranger-root "/CN=Untrusted Root/O=Elsewhere/C=VN"
key stranger; csr stranger "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà Vinh/C=VN"
issue stranger-root stranger v3_sign
p12 stranger stranger-root.crt

# TSA configuration for `openssl ts -reply`.
echo 01 > tsa.serial
cat > tsa.cnf <<CNF
[ tsa ]
default_tsa = this
[ this ]
dir = $PWD
serial = \$dir/tsa.serial
signer_cert = \$dir/tsa.crt
certs = \$dir/tsa.chain.pem
signer_key = \$dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.4146.2.3
other_policies = 1.2.3.4.5
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
rm -f ./*.csr
