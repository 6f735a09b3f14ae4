/* common/sha256.c: SHA-256 through OpenSSL's libcrypto (common's one use of
 * OpenSSL; sign owns the rest), whole or in pieces.
 *
 * Design note: OpenSSL's SHA256_Init/Update/Final, deprecated since 3.0 in
 * favour of EVP, and not EVP: EVP's first digest in a process initialises
 * the library (reads openssl.cnf) and fetches SHA-256 from the default
 * provider, which builds its table of every algorithm: 6M instructions,
 * 70 page faults and 2 MB of libcrypto's pages resident, more than all the
 * hashing a render does (its template set and its PDF). The low-level
 * functions run the same assembly (SHA-NI where the CPU has it) with no
 * set-up. Debian's OpenSSL 3 builds them; one without deprecated APIs
 * (no-deprecated) fails to build here, loudly. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "common/sha256.h"

#include <openssl/sha.h>
#include <string.h>

_Static_assert(sizeof(SHA256_CTX) <= sizeof(((bc_sha256_ctx *)0)->state),
               "bc_sha256_ctx holds OpenSSL's SHA256_CTX");
_Static_assert(_Alignof(SHA256_CTX) <= 8, "and is aligned for it");

static SHA256_CTX *state(bc_sha256_ctx *h) {
  return (SHA256_CTX *)(void *)h->state;
}

void bc_sha256(unsigned char out[BC_SHA256_SIZE], const void *data, size_t len) {
  SHA256_CTX c;
  SHA256_Init(&c);
  SHA256_Update(&c, data, len);
  SHA256_Final(out, &c);
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
  (void)err;
  SHA256_Init(state(h));
  return 0;
}

void bc_sha256_update(bc_sha256_ctx *h, const void *data, size_t len) {
  if (len)
    SHA256_Update(state(h), data, len);
}

int bc_sha256_final(bc_sha256_ctx *h,
                    unsigned char out[BC_SHA256_SIZE],
                    bc_error *err) {
  (void)err;
  SHA256_Final(out, state(h));
  SHA256_Init(state(h)); /* ready for the next message */
  return 0;
}

void bc_sha256_free(bc_sha256_ctx *h) {
  memset(h, 0, sizeof *h);
}
