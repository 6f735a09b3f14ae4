/* sign/digest.c: SHA-256 through OpenSSL, for bulk manifests and resume. */
#include "sign/sign.h"

#include <openssl/evp.h>

void bc_sha256(unsigned char out[32], const void *data, size_t len) {
  unsigned int n = 32;
  if (EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) != 1)
    for (int i = 0; i < 32; i++)
      out[i] = 0; /* cannot happen with the default provider */
}

void bc_sha256_hex(char out[65], const unsigned char digest[32]) {
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 32; i++) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  out[64] = '\0';
}
