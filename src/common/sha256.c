/* common/sha256.c: SHA-256 through OpenSSL's libcrypto (common's one use of
 * OpenSSL; sign owns the rest), whole or in pieces. */
#include "common/sha256.h"

#include <openssl/evp.h>
#include <string.h>

void bc_sha256(unsigned char out[BC_SHA256_SIZE], const void *data, size_t len) {
  unsigned int n = BC_SHA256_SIZE;
  if (EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) != 1)
    memset(out, 0, BC_SHA256_SIZE); /* OpenSSL could not allocate */
}

void bc_sha256_hex(char out[BC_SHA256_HEX_SIZE],
                   const unsigned char digest[BC_SHA256_SIZE]) {
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < BC_SHA256_SIZE; i++) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  out[2 * BC_SHA256_SIZE] = '\0';
}

int bc_sha256_init(bc_sha256_ctx *h, bc_error *err) {
  h->failed = false;
  h->md = EVP_MD_fetch(NULL, "SHA2-256", NULL);
  h->ctx = EVP_MD_CTX_new();
  if (!h->md || !h->ctx || EVP_DigestInit_ex2(h->ctx, h->md, NULL) != 1) {
    bc_sha256_free(h);
    return bc_error_oom(err); /* the default provider always has SHA-256 */
  }
  return 0;
}

void bc_sha256_update(bc_sha256_ctx *h, const void *data, size_t len) {
  if (!h->failed && len && EVP_DigestUpdate(h->ctx, data, len) != 1)
    h->failed = true;
}

int bc_sha256_final(bc_sha256_ctx *h,
                    unsigned char out[BC_SHA256_SIZE],
                    bc_error *err) {
  unsigned int n = BC_SHA256_SIZE;
  bool failed = h->failed || EVP_DigestFinal_ex(h->ctx, out, &n) != 1;
  /* ready for the next message, with the digest fetched once */
  h->failed = EVP_DigestInit_ex2(h->ctx, h->md, NULL) != 1;
  if (failed) {
    memset(out, 0, BC_SHA256_SIZE);
    return bc_error_oom(err);
  }
  return 0;
}

void bc_sha256_free(bc_sha256_ctx *h) {
  EVP_MD_CTX_free(h->ctx);
  EVP_MD_free(h->md);
  h->ctx = NULL;
  h->md = NULL;
}
