/* sign/sign_int.h: what sign.c, appearance.c and verify.c share. */
#ifndef BC_SIGN_INT_H
#define BC_SIGN_INT_H

#include "common/buf.h"
#include "sign/sign.h"

#include <openssl/cms.h>
#include <openssl/x509.h>

/* The signer's key and certificate (signer.c). A token's key stays on the
 * token, which stays open (token) until bc_sign__signer_free. */
typedef struct bc_sign_key {
  EVP_PKEY *key;
  X509 *cert;
  STACK_OF(X509) * chain; /* certificates sent with the signature */
  char cn[256];           /* subject commonName, UTF-8 */
  char org[256];          /* subject organizationName, UTF-8 */
  struct bc_sign_token *token; /* NULL for a PKCS#12 file */
} bc_sign_key;

/*
 * Loads req's signer: req->pkcs11_uri names a key on a token (module from
 * req->pkcs11_module or the URI's module-path, PIN from req->pin or the
 * URI's pin-value), else req->p12_path and req->password; req->chain_path
 * adds certificates. Checks validity at req->now and the usage. Errors:
 * BC_EINPUT (files, URI, module), BC_ENOTFOUND (token, key, certificate),
 * BC_ECERT, BC_ENOMEM. Free with bc_sign__signer_free, also after failure.
 */
int bc_sign__signer_load(bc_sign_key *s,
                         const bc_sign_request *req,
                         bc_error *err);
void bc_sign__signer_free(bc_sign_key *s);

/* Why cert may not sign documents (key usage, extended key usage), or
 * NULL when it may. */
const char *bc_sign__usage_problem(X509 *cert);

/* Judges leaf, the signer's certificate of cms (trust.c): fills rep's
 * chain, chain_problem, checked_at, trusted_time, timestamp_at,
 * timestamp_problem, revocation, subject, issuer and spki_sha256. claimed:
 * the time the file claims (/M), used when the CMS has neither a
 * timestamp that checks out nor a signingTime. Errors: BC_ENOMEM. */
int bc_sign__judge_chain(bc_signature_report *rep,
                         CMS_ContentInfo *cms,
                         X509 *leaf,
                         time_t claimed,
                         bc_trust *t,
                         bc_arena *arena,
                         bc_error *err);

/* How the CMS is made (cms.c). */
typedef struct bc_cms_options {
  bool cades;          /* ETSI.CAdES.detached: no signing-time attribute */
  const char *tsa_url; /* RFC 3161 time-stamping authority, or NULL */
  int tsa_timeout_s;   /* 0: 10 seconds */
} bc_cms_options;

/*
 * A detached CMS signature (SHA-256) of data by s, with PAdES B-B signed
 * attributes and, with opts->tsa_url, a signature timestamp. DER in *out
 * (OPENSSL_free). Errors: BC_ECERT, BC_ENET (the TSA), BC_EINPUT (its
 * URL), BC_ENOMEM.
 */
int bc_sign__cms(unsigned char **out,
                 int *out_len,
                 const bc_sign_key *s,
                 const unsigned char *data,
                 size_t len,
                 const bc_cms_options *opts,
                 bc_error *err);

/*
 * Objects of an appearance, written by sign.c as new objects numbered
 * from a base: in dictionary text, "@N" stands for "base+N 0 R".
 */
typedef struct bc_ap_object {
  const char *dict; /* the dictionary; for streams, the extra entries */
  const unsigned char *stream; /* NULL: not a stream */
  size_t stream_len;
} bc_ap_object;

typedef struct bc_appearance {
  const unsigned char *content; /* the form XObject's content stream */
  size_t content_len;
  const char *resources; /* its /Resources dictionary, with @N */
  bc_ap_object objects[8];
  size_t object_count;
} bc_appearance;

/*
 * The appearance of a signature in a box w x h points: req's image, or
 * text ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …") shaped with the
 * report's fonts, set as large as fits (5-11 pt), in the way of style.
 */
typedef enum bc_ap_style {
  BC_AP_SIGNER, /* baocao's signer field: blue, in the right two thirds
                   (its left third is under the seal's field) */
  BC_AP_SEAL,   /* baocao's seal field: red, the whole box */
  BC_AP_PLAIN   /* another producer's field: blue, the whole box */
} bc_ap_style;

/* What an appearance shows, and where. */
typedef struct bc_ap_request {
  const bc_sign_request *req; /* its image, when it has one */
  const char *cn;             /* the signer's commonName */
  const char *org;            /* organizationName, or "" */
  const char *when;           /* the signing time, ISO 8601 */
  bc_ap_style style;
  double w, h; /* the box, points */
} bc_ap_request;

int bc_sign__appearance(bc_appearance *out,
                        const bc_ap_request *what,
                        const bc_fontset *fonts,
                        bc_shaper *shaper,
                        bc_arena *arena,
                        bc_error *err);

/* Copies text, writing "@N" as "base+N 0 R". */
void bc_sign__refs(bc_buf *out, const char *text, long long base);

/* A certificate name entry (NID_commonName, ...) as UTF-8, or "". */
void bc_sign__name_entry(char *buf,
                         size_t size,
                         const X509_NAME *name,
                         int nid);

/* After signing: field is signed, intact and covers all of data. */
int bc_sign__check_bytes(const unsigned char *data,
                         size_t len,
                         const char *field,
                         bc_arena *arena,
                         bc_error *err);

#endif
