/* sign/sign.h: filling a signature field of a baocao PDF (detached CMS,
 * SHA-256, OpenSSL) as an incremental update, and verifying the
 * signatures of a PDF. */
#ifndef BC_SIGN_H
#define BC_SIGN_H

#include "baocao/error.h"
#include "common/arena.h"
#include "text/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef struct bc_sign_request {
  const char *input;               /* a PDF made by baocao */
  const char *output;              /* the signed copy, written atomically */
  const char *field;               /* ky_nguoi_co_tham_quyen, ky_co_quan, ... */
  const char *p12_path;            /* PKCS#12: key, certificate, chain */
  const char *password;            /* of the PKCS#12 file; may be "" */
  const char *pkcs11_uri;    /* RFC 7512 key on a token, instead of p12 */
  const char *pkcs11_module; /* the token's PKCS#11 library, or NULL */
  const char *pin;           /* the token's user PIN, or NULL */
  const char *chain_path;    /* extra certificates to send, or NULL */
  const char *tsa_url;       /* RFC 3161 timestamp from here, or NULL */
  int tsa_timeout_s;         /* 0: 10 s */
  bool cades;                /* /SubFilter /ETSI.CAdES.detached */
  const unsigned char *image_rgba; /* visible image (RGBA), or NULL: text */
  unsigned image_width, image_height;
  const char *reason; /* may be NULL */
  time_t now;         /* signing time */
} bc_sign_request;

/*
 * Signs req->field. The bytes of the input are kept as they are and the
 * signature dictionary, its appearance and the updated field are appended
 * with a cross-reference section of their own, so that earlier signatures
 * stay valid. Errors: BC_EINPUT (files), BC_EPDF (not a baocao PDF,
 * damaged, field already signed), BC_ENOTFOUND (no such field, with the
 * names there are), BC_ECERT (password, expiry, key usage), BC_EIO,
 * BC_ENOMEM. The output appears whole or not at all.
 */
int bc_sign_pdf(const bc_sign_request *req,
                const bc_fontset *fonts,
                bc_shaper *shaper,
                bc_arena *arena,
                bc_error *err);

/* One signature field as read back from a PDF. */
typedef struct bc_field_report {
  const char *name;
  bool is_signed;
  const char *signer;    /* certificate CN, "" if unknown */
  const char *signed_at; /* /M as ISO 8601, "" if none */
  size_t covered;        /* bytes from 0 the signature covers */
  bool whole_file;       /* covered == the file's size */
  bool intact;           /* the digest and the signature check out */
  const char *problem;   /* why not intact, or "" */
} bc_field_report;

/*
 * Lists the signature fields of path with what each signature covers and
 * whether it checks out (the CMS signature over its byte ranges; the
 * certificate chain is not judged). Memory from arena.
 */
int bc_verify_pdf(bc_field_report **out,
                  size_t *count,
                  size_t *file_size,
                  const char *path,
                  bc_arena *arena,
                  bc_error *err);

/* SHA-256 of data (digest.c). */
void bc_sha256(unsigned char out[32], const void *data, size_t len);
/* Lower-case hex of a digest, NUL-terminated. */
void bc_sha256_hex(char out[65], const unsigned char digest[32]);

#endif
