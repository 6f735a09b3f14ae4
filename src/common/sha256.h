/* common/sha256.h: SHA-256, of one buffer or of many fed in turn (input
 * digests, the bulk manifest and --resume, certificate fingerprints). */
#ifndef BC_COMMON_SHA256_H
#define BC_COMMON_SHA256_H

#include "common/error.h"

#include <stdbool.h>
#include <stddef.h>

#define BC_SHA256_SIZE 32     /* bytes of a digest */
#define BC_SHA256_HEX_SIZE 65 /* its hex, with the NUL */

/* SHA-256 of len bytes of data. */
void bc_sha256(unsigned char out[BC_SHA256_SIZE], const void *data, size_t len);

/* Lower-case hex of a digest, NUL-terminated. */
void bc_sha256_hex(char out[BC_SHA256_HEX_SIZE],
                   const unsigned char digest[BC_SHA256_SIZE]);

/*
 * A digest in pieces: bc_sha256_init, bc_sha256_update over each buffer,
 * bc_sha256_final; then the same context hashes the next message, until
 * bc_sha256_free. The context holds its state itself (no allocation). One
 * context per thread.
 */
typedef struct bc_sha256_ctx {
  /* Nettle's sha256_ctx (sha256.c checks that it fits) */
  _Alignas(8) unsigned char state[128];
} bc_sha256_ctx;

/* Always 0 (the int and err are kept for callers that check). */
int bc_sha256_init(bc_sha256_ctx *h, bc_error *err);
void bc_sha256_update(bc_sha256_ctx *h, const void *data, size_t len);
/* The digest of everything fed since init or the last final; always 0. */
int bc_sha256_final(bc_sha256_ctx *h,
                    unsigned char out[BC_SHA256_SIZE],
                    bc_error *err);
/* Nothing to free; kept so that a context's end stays marked. */
void bc_sha256_free(bc_sha256_ctx *h);

#endif
