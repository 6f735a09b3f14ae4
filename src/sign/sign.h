/* sign/sign.h: filling an empty signature field of a PDF (detached CMS,
 * SHA-256, OpenSSL) as an incremental update, and verifying the
 * signatures of a PDF. */
#ifndef BC_SIGN_H
#define BC_SIGN_H

#include "baocao/error.h"
#include "baocao/sign.h"
#include "common/arena.h"
#include "common/file.h"
#include "text/text.h"
#include "common/version.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef struct bc_sign_request {
  const char *input;               /* a PDF with an empty signature field */
  const char *output;              /* the signed copy, written atomically */
  const bc_sink *sink;             /* what it is written through; NULL:
                                      the default */
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
 * The module's entry for signing, which render's public bc_sign calls
 * with its context's fonts and shaper (hence `__`: no second public name).
 * Signs req->field (its own name or its fully qualified one) in a PDF of
 * any producer. The bytes of the input are kept as they are and the
 * signature dictionary, its appearance and the updated field are appended
 * with a cross-reference section of their own, so that earlier signatures
 * stay valid. Errors: BC_EINPUT (files), BC_EPDF (encrypted, damaged,
 * field already signed or not a signature field), BC_EVERIFY (the input
 * was changed after an earlier signature, or one does not check out),
 * BC_ENOTFOUND (no such field, with the names there are), BC_ECERT
 * (password, expiry, key usage), BC_EIO, BC_ENOMEM. The output appears
 * whole or not at all.
 */
int bc_sign__pdf(const bc_sign_request *req,
                 const bc_fontset *fonts,
                 bc_shaper *shaper,
                 bc_arena *arena,
                 bc_error *err);

/* Everything verification finds in one file (memory from the arena). */
typedef struct bc_verification {
  bc_signature_report *sigs; /* the document's signature fields, then
                                signatures only earlier revisions hold */
  size_t count;
  size_t file_size, revisions;
  bc_verdict verdict;
  const char *reason; /* why not BC_VERDICT_SIGNED, or "" */
} bc_verification;

/* Loaded trust anchors, intermediates and CRLs (trust.c), shared by the
 * files one run verifies, in one thread: it also remembers the OCSP
 * responders that did not answer. */
typedef struct bc_trust bc_trust;

/* Loads opts's files. Errors: BC_EINPUT (a path that cannot be opened),
 * BC_ECERT (a file with no certificate or CRL), BC_ENOMEM. */
int bc_trust_load(bc_trust **out, const bc_trust_options *opts, bc_error *err);
void bc_trust_free(bc_trust *t);

/*
 * Verifies data[0..len) (see bc_verify): every revision opened as a
 * document of its own (pdf/pdfread.h), every signature found in any of
 * them checked, and the final document compared with each signed
 * revision (bc_pdf_compare); with trust, each signer's certificate judged
 * (trust.c; NULL: BC_CHAIN_NOT_CHECKED). data must outlive out. Errors: BC_EPDF
 * naming `name`, BC_ENOMEM.
 */
int bc_verify_bytes(bc_verification *out,
                    const unsigned char *data,
                    size_t len,
                    const char *name,
                    bc_trust *trust,
                    bc_arena *arena,
                    bc_error *err);

/* The largest PDF signing reads, and bc_verify. */
#define BC_SIGN_MAX_PDF ((size_t)512 << 20)

/* The run-time version of OpenSSL (bc_library_versions). */
bc_versions_fn bc_sign_versions;

#endif
