/* baocao/sign.h: signing a field of a baocao PDF, and reading back the
 * signatures of a PDF. */
#ifndef BAOCAO_SIGN_H
#define BAOCAO_SIGN_H

#include "baocao/export.h"

#include "baocao/alloc.h"
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
  long long signing_time; /* Unix time; 0 (or any negative value, -1 of
                             version 1's callers): now */
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
/* Zero defaults (docs/architecture.md, "Public API conventions"): the
 * version and nothing else. */
#define BC_SIGN_OPTIONS_INIT { .version = BC_SIGN_OPTIONS_VERSION }
BC_EXPORT void bc_sign_options_init(bc_sign_options *opts);

/*
 * Fills opts->field with a detached CMS signature (SHA-256) as an
 * incremental update: the input's bytes are the start of the output, so
 * earlier signatures stay valid. Uses ctx's fonts for a text appearance.
 * The input is verified first: one changed after an earlier signature is
 * refused with BC_EVERIFY. The CMS has PAdES B-B signed attributes and
 * the signer's chain; with tsa_url, an RFC 3161 signature timestamp
 * (PAdES B-T). Errors: BC_EINPUT, BC_EPDF, BC_EVERIFY, BC_ENOTFOUND,
 * BC_ECERT, BC_ENET (the TSA), BC_EIO, BC_ENOMEM.
 */
BC_EXPORT int bc_sign(bc_context *ctx, const bc_sign_options *opts, bc_error *err);

/* What a file's signatures say about it, worst last. */
typedef enum bc_verdict {
  BC_VERDICT_UNSIGNED = 0, /* no signature in any revision */
  BC_VERDICT_SIGNED,       /* every signature valid, nothing after any of
                              them but other signatures and what they may
                              add (appearances, /DSS) */
  BC_VERDICT_MODIFIED,     /* valid signatures, but something was changed
                              after one of them (or a signature removed) */
  BC_VERDICT_INVALID       /* a signature does not check out */
} bc_verdict;

/* What the signer's certificate is worth, best first (docs/signing.md). */
typedef enum bc_chain_status {
  BC_CHAIN_NOT_CHECKED = 0,    /* no signature, or one that does not check
                                  out: there is nothing to judge */
  BC_CHAIN_TRUSTED,            /* a chain to a trust anchor, valid at the
                                  signing time, usable for signing, and not
                                  revoked as far as was asked */
  BC_CHAIN_REVOCATION_UNKNOWN, /* trusted, but revocation was asked
                                  (--crl, --ocsp) and could not be learnt */
  BC_CHAIN_NOT_FOR_SIGNING,    /* key usage or extended key usage */
  BC_CHAIN_UNTRUSTED,          /* no chain to a trust anchor (self-signed,
                                  an unknown CA, no anchors at all) */
  BC_CHAIN_NOT_YET_VALID,      /* at the signing time */
  BC_CHAIN_EXPIRED,            /* at the signing time */
  BC_CHAIN_REVOKED             /* by a CRL or the OCSP responder */
} bc_chain_status;

/* "trusted", "revocation unknown", "not for signing", "untrusted", "not
 * yet valid", "expired", "revoked", "not checked". */
BC_EXPORT const char *bc_chain_status_name(bc_chain_status s);

/* Where trust comes from, for bc_verify and bc_database_import_pdfs. Each path is a
 * file of PEM or DER certificates (or CRLs), or for anchors also a
 * directory of them (*.pem, *.crt, *.cer, *.der). */
typedef struct bc_trust_options {
  unsigned version;
  const char *const *anchors; /* trust anchors: root CAs (--trust) */
  size_t anchor_count;        /* 0: no chain is trusted */
  const char *const *untrusted; /* intermediate CAs (--untrusted) */
  size_t untrusted_count;
  const char *const *crls; /* CRL files (--crl): the signer's issuer's */
  size_t crl_count;
  int ocsp;           /* ask the OCSP responder each certificate names */
  int ocsp_timeout_s; /* 0: 10 seconds */
} bc_trust_options;

#define BC_TRUST_OPTIONS_VERSION 1
/* Zero defaults: the version and nothing else. */
#define BC_TRUST_OPTIONS_INIT { .version = BC_TRUST_OPTIONS_VERSION }
BC_EXPORT void bc_trust_options_init(bc_trust_options *opts);

/* One change after a signature. */
typedef struct bc_signature_change {
  int allowed;      /* a later signature, its appearance, /DSS */
  const char *what; /* "page 1 content changed", "signature ky_co_quan
                       removed", "attached baocao-data.json changed" */
} bc_signature_change;

/* One signature field of a PDF, or one signature that an earlier
 * revision holds and the document no longer names (removed). */
typedef struct bc_signature_report {
  const char *field;
  int is_signed;
  const char *signer;    /* certificate common name */
  const char *signed_at; /* ISO 8601, from /M */
  size_t covered;        /* bytes from the start that the signature covers */
  int whole_file;        /* covered is the whole file */
  int intact;            /* valid: /ByteRange covers exactly one whole
                            revision but its /Contents, and the CMS
                            signature checks out over those bytes */
  const char *problem;   /* why not, or "" */
  /* Revision analysis: */
  size_t revision;       /* the revision it covers, from 1; 0: none */
  int removed;           /* found in revision `revision` only: the
                            document no longer names it */
  const char *subfilter; /* adbe.pkcs7.detached, ETSI.CAdES.detached */
  const bc_signature_change *changes; /* every change after it */
  size_t change_count;
  int modified; /* some change after it is not allowed */
  /* The signer's certificate (docs/signing.md, "Trust"): */
  bc_chain_status chain;     /* BC_CHAIN_NOT_CHECKED when the signature
                                does not check out */
  const char *chain_problem; /* why not BC_CHAIN_TRUSTED, or "" */
  const char *checked_at;    /* ISO 8601 (UTC): the time the chain was
                                judged at, or "" */
  int trusted_time;          /* checked_at is the signature timestamp's
                                time, which its TSA vouches for; 0: the
                                time the file claims (CMS signingTime, else
                                /M) */
  const char *timestamp_at;  /* the signature timestamp's time (UTC), or ""
                                when there is none or it does not check
                                out */
  const char *timestamp_problem; /* why a timestamp is not used, or "" */
  const char *revocation;    /* "good (OCSP)", "good (CRL)", "revoked",
                                "not checked: ...", "not asked" */
  const char *subject, *issuer; /* its names, RFC 4514 (UTF-8), or "" */
  const char *spki_sha256;   /* SHA-256 of its SubjectPublicKeyInfo, hex */
} bc_signature_report;

typedef struct bc_verify_result bc_verify_result;

/* How bc_verify runs. NULL options: no trust, the default allocator. */
typedef struct bc_verify_options {
  unsigned version;              /* BC_VERIFY_OPTIONS_VERSION */
  const bc_trust_options *trust; /* NULL: the chain is not judged
                                    (BC_CHAIN_NOT_CHECKED) */
  const bc_allocator *alloc;     /* the result's memory and every
                                    allocation of the call (NULL:
                                    bc_allocator_default()); OpenSSL's,
                                    qpdf's and zlib's own allocations do
                                    not go through it */
} bc_verify_options;

#define BC_VERIFY_OPTIONS_VERSION 1
#define BC_VERIFY_OPTIONS_INIT { .version = BC_VERIFY_OPTIONS_VERSION }
BC_EXPORT void bc_verify_options_init(bc_verify_options *opts);

/*
 * Reads every revision of path, finds every signature in any of them,
 * checks each (its byte range, its CMS signature, its timestamp) and what
 * changed after it, and judges the signer's certificate against
 * opts->trust. Errors: BC_EINPUT
 * (cannot read path or a file of trust), BC_ECERT (a file of trust that
 * holds no certificate or CRL), BC_EPDF (not a PDF, damaged, refused by
 * the reader's budget), BC_ENOMEM. An OCSP responder that does not answer
 * is not an error: the status says so. A file whose signatures do not check out is not an error:
 * see bc_verify_result_verdict. Free with bc_verify_result_free.
 */
BC_EXPORT int bc_verify(bc_verify_result **out,
                        const char *path,
                        const bc_verify_options *opts,
                        bc_error *err);
BC_EXPORT size_t bc_verify_result_count(const bc_verify_result *r);
BC_EXPORT const bc_signature_report *bc_verify_result_signature(const bc_verify_result *r, size_t i);
BC_EXPORT size_t bc_verify_result_file_size(const bc_verify_result *r);
/* Revisions of the file (incremental updates + 1). */
BC_EXPORT size_t bc_verify_result_revisions(const bc_verify_result *r);
BC_EXPORT bc_verdict bc_verify_result_verdict(const bc_verify_result *r);
/* Why the verdict is not SIGNED, in one line ("page 1 content changed
 * after ky_nguoi_co_tham_quyen"), or "". */
BC_EXPORT const char *bc_verify_result_reason(const bc_verify_result *r);
/* "signed", "not signed", "modified after signing", "invalid". */
BC_EXPORT const char *bc_verdict_name(bc_verdict v);
BC_EXPORT void bc_verify_result_free(bc_verify_result *r);

#ifdef __cplusplus
}
#endif

#endif
