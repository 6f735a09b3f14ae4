/* baocao/sign.h: signing a field of a baocao PDF, and reading back the
 * signatures of a PDF. */
#ifndef BAOCAO_SIGN_H
#define BAOCAO_SIGN_H

#include "baocao/error.h"
#include "baocao/render.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bc_sign_options {
  unsigned version;
  const char *input;      /* a PDF rendered by baocao (signed or not) */
  const char *output;     /* the signed copy; written whole or not at all */
  const char *field;      /* ky_nguoi_co_tham_quyen or ky_co_quan */
  const char *p12_path;   /* PKCS#12 file: key, certificate, chain */
  const char *password;   /* its password; NULL or "" for none */
  const char *image_path; /* PNG shown in the field, or NULL for text */
  const char *reason;     /* /Reason, may be NULL */
  long long signing_time; /* Unix time; -1: now */
  /* A key on a token (USB token, smart card) instead of p12_path: */
  const char *pkcs11_uri;    /* RFC 7512, e.g. "pkcs11:token=T;object=K" */
  const char *pkcs11_module; /* its PKCS#11 library; NULL: module-path */
  const char *pin;           /* its user PIN; NULL: pin-value or none */
  const char *chain_path;    /* more certificates to send (PEM), or NULL */
  const char *tsa_url;       /* http:// RFC 3161 time-stamping authority */
  int tsa_timeout_s;         /* 0: 10 seconds */
  int cades;                 /* nonzero: /SubFilter /ETSI.CAdES.detached */
} bc_sign_options;

#define BC_SIGN_OPTIONS_VERSION 1
#define BC_SIGN_OPTIONS_INIT                                                   \
  { BC_SIGN_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, -1,    \
    NULL, NULL, NULL, NULL, NULL, 0, 0 }

/*
 * Fills opts->field with a detached CMS signature (SHA-256) as an
 * incremental update: the input's bytes are the start of the output, so
 * earlier signatures stay valid. Uses ctx's fonts for a text appearance.
 * The CMS has PAdES B-B signed attributes and the signer's chain; with
 * tsa_url, an RFC 3161 signature timestamp (PAdES B-T).
 * Errors: BC_EINPUT, BC_EPDF, BC_ENOTFOUND, BC_ECERT, BC_ENET (the TSA),
 * BC_EIO, BC_ENOMEM.
 */
int bc_sign(bc_context *ctx, const bc_sign_options *opts, bc_error *err);

/* One signature field of a PDF. */
typedef struct bc_signature_report {
  const char *field;
  int is_signed;
  const char *signer;    /* certificate common name */
  const char *signed_at; /* ISO 8601 */
  size_t covered;        /* bytes from the start that the signature covers */
  int whole_file;        /* covered is the whole file */
  int intact;            /* the signature checks out over those bytes */
  const char *problem;   /* why not, or "" */
} bc_signature_report;

typedef struct bc_verify_result bc_verify_result;

/* Reads the signature fields of path. Free with bc_verify_result_free. */
int bc_verify(bc_verify_result **out, const char *path, bc_error *err);
size_t bc_verify_count(const bc_verify_result *r);
const bc_signature_report *bc_verify_field(const bc_verify_result *r, size_t i);
size_t bc_verify_file_size(const bc_verify_result *r);
void bc_verify_result_free(bc_verify_result *r);

#ifdef __cplusplus
}
#endif

#endif
