/* common/sha256.c: SHA-256 through Nettle, whole or in pieces.
 *
 * Design note: Nettle, not OpenSSL's libcrypto. Only the signing module
 * (src/sign, loaded when a signature is made or checked: sign/load.c)
 * needs OpenSSL; loading libcrypto at the start of every process cost a
 * render about 1 ms and 1.6 MB of resident pages (its relocations), more
 * than all the hashing a render does (its template set and its PDF).
 * Nettle is small (one library of a few hundred KB) and runs the same
 * SHA-NI code where the CPU has it. Its digest function also resets the
 * context, as bc_sha256_final promises. */
#include "common/sha256.h"

#include <nettle/sha2.h>
#include <string.h>

_Static_assert(sizeof(struct sha256_ctx) <= sizeof(((bc_sha256_ctx *)0)->state),
               "bc_sha256_ctx holds Nettle's sha256_ctx");
_Static_assert(_Alignof(struct sha256_ctx) <= 8, "and is aligned for it");

static struct sha256_ctx *state(bc_sha256_ctx *h) {
  return (struct sha256_ctx *)(void *)h->state;
}

void bc_sha256(unsigned char out[BC_SHA256_SIZE], const void *data, size_t len) {
  struct sha256_ctx c;
  sha256_init(&c);
  sha256_update(&c, len, data);
  sha256_digest(&c, SHA256_DIGEST_SIZE, out);
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
  sha256_init(state(h));
  return 0;
}

void bc_sha256_update(bc_sha256_ctx *h, const void *data, size_t len) {
  if (len)
    sha256_update(state(h), len, data);
}

int bc_sha256_final(bc_sha256_ctx *h,
                    unsigned char out[BC_SHA256_SIZE],
                    bc_error *err) {
  (void)err;
  sha256_digest(state(h), SHA256_DIGEST_SIZE, out); /* and resets */
  return 0;
}

void bc_sha256_free(bc_sha256_ctx *h) {
  memset(h, 0, sizeof *h);
}
