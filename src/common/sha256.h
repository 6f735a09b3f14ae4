/* common/sha256.h: SHA-256, of one buffer or of many fed in turn (input
 * digests, the bulk manifest and --resume, certificate fingerprints). */
#ifndef BC_COMMON_SHA256_H
#define BC_COMMON_SHA256_H

#include "common/error.h"

#include <stdbool.h>
#include <stddef.h>

#define BC_SHA256_SIZE 32     /* bytes of a digest */
#define BC_SHA256_HEX_SIZE 65 /* its hex, with the NUL */

/* SHA-256 of len bytes of data; all zero in the one case OpenSSL fails,
 * when it cannot allocate its context. */
void bc_sha256(unsigned char out[BC_SHA256_SIZE], const void *data, size_t len);

/* Lower-case hex of a digest, NUL-terminated. */
void bc_sha256_hex(char out[BC_SHA256_HEX_SIZE],
                   const unsigned char digest[BC_SHA256_SIZE]);

/*
 * A digest in pieces: bc_sha256_init, bc_sha256_update over each buffer,
 * bc_sha256_final; then the same context hashes the next message, with the
 * SHA-256 implementation it fetched from OpenSSL once, until
 * bc_sha256_free. OpenSSL's memory is its own (not a bc_allocator). One
 * context per thread.
 */
typedef struct bc_sha256_ctx {
  struct evp_md_ctx_st *ctx; /* OpenSSL's EVP_MD_CTX */
  struct evp_md_st *md;      /* its EVP_MD, fetched by bc_sha256_init */
  bool failed;               /* an update failed: final says so */
} bc_sha256_ctx;

/* 0, or BC_ENOMEM when OpenSSL cannot allocate (nothing to free then). */
int bc_sha256_init(bc_sha256_ctx *h, bc_error *err);
void bc_sha256_update(bc_sha256_ctx *h, const void *data, size_t len);
/* The digest of everything fed since init or the last final: 0, or
 * BC_ENOMEM (out all zero) when OpenSSL failed on the way. */
int bc_sha256_final(bc_sha256_ctx *h,
                    unsigned char out[BC_SHA256_SIZE],
                    bc_error *err);
/* Frees what init made; a freed or zeroed context may be freed again. */
void bc_sha256_free(bc_sha256_ctx *h);

#endif
