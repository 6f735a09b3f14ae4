/* sign/cms.c: the detached CMS signature a PDF signature holds: SHA-256,
 * PAdES B-B signed attributes (content-type, message-digest,
 * signing-certificate-v2), the signer's chain, and, with a time-stamping
 * authority, an RFC 3161 signature timestamp (PAdES B-T) fetched over HTTP.
 *
 * Design notes:
 *  1. For ETSI.CAdES.detached the signing-time attribute is left out, as
 *     PAdES requires (the claimed time is the signature dictionary's /M).
 *     OpenSSL always adds it, so it is deleted and the signed attributes
 *     are signed again here (DER SET OF, sorted).
 *  2. The timestamp covers the SignerInfo's signature value and is added
 *     as the unsigned attribute id-aa-signatureTimeStampToken. The reply
 *     must be granted, answer our nonce and carry our imprint; whether
 *     the TSA is trusted is for the verifier to judge.
 */
#include "sign/sign_int.h"
#include "common/i18n.h"
#include "common/version.h"

#include "common/error.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <stdlib.h>
#include <string.h>

/* OpenSSL's reason for its last error (a static string). */
static const char *openssl_reason(void) {
  unsigned long e = ERR_peek_last_error();
  const char *why = e ? ERR_reason_error_string(e) : NULL;
  return why ? why : bc_tr("no reason given");
}

static int cmp_der(const void *a, const void *b) {
  const unsigned char *const *x = a, *const *y = b;
  /* Each entry starts with its length (4 bytes, big-endian). */
  size_t lx = ((size_t)(*x)[0] << 24) | ((size_t)(*x)[1] << 16) |
              ((size_t)(*x)[2] << 8) | (*x)[3];
  size_t ly = ((size_t)(*y)[0] << 24) | ((size_t)(*y)[1] << 16) |
              ((size_t)(*y)[2] << 8) | (*y)[3];
  int c = memcmp(*x + 4, *y + 4, lx < ly ? lx : ly);
  return c ? c : (lx > ly) - (lx < ly);
}

/* Design note 1: signingTime out, the attributes signed again. */
static int drop_signing_time(CMS_SignerInfo *si,
                             EVP_PKEY *key,
                             bc_error *err) {
  int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  unsigned char **items = NULL, *set = NULL, *sig = NULL;
  int n = 0, rc = 0;
  size_t total = 0, siglen = 0;
  EVP_MD_CTX *md = NULL;

  if (idx < 0)
    return 0;
  X509_ATTRIBUTE_free(CMS_signed_delete_attr(si, idx));
  n = CMS_signed_get_attr_count(si);
  items = calloc((size_t)(n > 0 ? n : 1), sizeof *items);
  if (!items) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  for (int i = 0; i < n; i++) {
    unsigned char *der = NULL;
    int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
    if (len <= 0 || !(items[i] = malloc((size_t)len + 4))) {
      OPENSSL_free(der);
      rc = bc_error_oom(err);
      goto cleanup;
    }
    items[i][0] = (unsigned char)(len >> 24);
    items[i][1] = (unsigned char)(len >> 16);
    items[i][2] = (unsigned char)(len >> 8);
    items[i][3] = (unsigned char)len;
    memcpy(items[i] + 4, der, (size_t)len);
    OPENSSL_free(der);
    total += (size_t)len;
  }
  qsort(items, (size_t)n, sizeof *items, cmp_der);
  /* SET OF: tag 0x31, DER length, the sorted encodings. */
  set = malloc(total + 6);
  if (!set) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  size_t at = 0;
  set[at++] = 0x31;
  if (total < 0x80)
    set[at++] = (unsigned char)total;
  else if (total < 0x100) {
    set[at++] = 0x81;
    set[at++] = (unsigned char)total;
  } else if (total < 0x10000) {
    set[at++] = 0x82;
    set[at++] = (unsigned char)(total >> 8);
    set[at++] = (unsigned char)total;
  } else {
    rc = bc_error_set(err, BC_ECERT, "signed attributes too large");
    goto cleanup;
  }
  for (int i = 0; i < n; i++) {
    size_t len = ((size_t)items[i][0] << 24) | ((size_t)items[i][1] << 16) |
                 ((size_t)items[i][2] << 8) | items[i][3];
    memcpy(set + at, items[i] + 4, len);
    at += len;
  }
  md = EVP_MD_CTX_new();
  if (!md || EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) != 1 ||
      EVP_DigestSign(md, NULL, &siglen, set, at) != 1 ||
      !(sig = OPENSSL_malloc(siglen)) ||
      EVP_DigestSign(md, sig, &siglen, set, at) != 1 ||
      !ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig, (int)siglen)) {
    rc = bc_error_set(err, BC_ECERT, "cannot sign the signed attributes: %s",
                      openssl_reason());
    goto cleanup;
  }
cleanup:
  for (int i = 0; items && i < n; i++)
    free(items[i]);
  free(items);
  free(set);
  OPENSSL_free(sig);
  EVP_MD_CTX_free(md);
  return rc;
}

/* ---- RFC 3161 ---- */

/* POSTs req to url and returns the DER reply, or an error naming url. */
static int tsa_post(TS_RESP **out,
                    const char *url,
                    const TS_REQ *req,
                    int timeout_s,
                    bc_error *err) {
  char *host = NULL, *port = NULL, *path = NULL;
  int ssl = 0, rc = 0;
  BIO *body = NULL, *reply = NULL;

  *out = NULL;
  if (!OSSL_HTTP_parse_url(url, &ssl, NULL, &host, &port, NULL, &path, NULL,
                           NULL)) {
    rc = bc_error_set(err, BC_EINPUT, "'%s' is not an http:// URL", url);
    goto cleanup;
  }
  if (ssl) {
    rc = bc_error_set(err, BC_EINPUT,
                      "time-stamping authority '%s': https is not supported; "
                      "RFC 3161 replies are signed, so http:// is safe",
                      url);
    goto cleanup;
  }
  body = BIO_new(BIO_s_mem());
  if (!body || i2d_TS_REQ_bio(body, (TS_REQ *)req) != 1) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  reply = OSSL_HTTP_transfer(NULL, host, port, path, 0, NULL, NULL, NULL,
                             NULL, NULL, NULL, 0, NULL,
                             "application/timestamp-query", body,
                             "application/timestamp-reply", 1, 1 << 20,
                             timeout_s, 0);
  if (!reply) {
    rc = bc_error_set(err, BC_ENET,
                      "the time-stamping authority '%s' did not answer within "
                      "%d s (%s)",
                      url, timeout_s, openssl_reason());
    goto cleanup;
  }
  *out = d2i_TS_RESP_bio(reply, NULL);
  if (!*out)
    rc = bc_error_set(err, BC_ENET,
                      "the time-stamping authority '%s' sent no RFC 3161 "
                      "reply",
                      url);
cleanup:
  ERR_clear_error();
  BIO_free(body);
  BIO_free(reply);
  OPENSSL_free(host);
  OPENSSL_free(port);
  OPENSSL_free(path);
  return rc;
}

/* Design note 2. */
static int add_timestamp(CMS_SignerInfo *si,
                         const char *url,
                         int timeout_s,
                         bc_error *err) {
  TS_REQ *req = NULL;
  TS_MSG_IMPRINT *imprint = NULL;
  X509_ALGOR *alg = NULL;
  ASN1_INTEGER *nonce = NULL;
  BIGNUM *bn = NULL;
  TS_RESP *resp = NULL;
  TS_VERIFY_CTX *vctx = NULL;
  unsigned char digest[32], *der = NULL;
  int rc = 0, len;

  ASN1_OCTET_STRING *sig = CMS_SignerInfo_get0_signature(si);
  if (!EVP_Digest(ASN1_STRING_get0_data(sig), (size_t)ASN1_STRING_length(sig),
                  digest, NULL, EVP_sha256(), NULL)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  req = TS_REQ_new();
  imprint = TS_MSG_IMPRINT_new();
  alg = X509_ALGOR_new();
  bn = BN_new();
  if (!req || !imprint || !alg || !bn ||
      !X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL) ||
      !TS_MSG_IMPRINT_set_algo(imprint, alg) ||
      !TS_MSG_IMPRINT_set_msg(imprint, digest, sizeof digest) ||
      !TS_REQ_set_version(req, 1) || !TS_REQ_set_msg_imprint(req, imprint) ||
      !BN_rand(bn, 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) ||
      !(nonce = BN_to_ASN1_INTEGER(bn, NULL)) || !TS_REQ_set_nonce(req, nonce) ||
      !TS_REQ_set_cert_req(req, 1)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  if ((rc = tsa_post(&resp, url, req, timeout_s, err)))
    goto cleanup;
  long status = ASN1_INTEGER_get(
      TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp)));
  if (status != 0 && status != 1) {
    rc = bc_error_set(err, BC_ENET,
                      "the time-stamping authority '%s' refused the request "
                      "(status %ld)",
                      url, status);
    goto cleanup;
  }
  /* Version, imprint and nonce; not the TSA's signature (the verifier's
   * trust decides that). */
  vctx = TS_REQ_to_TS_VERIFY_CTX(req, NULL);
  if (vctx)
    TS_VERIFY_CTX_set_flags(vctx, TS_VFY_VERSION | TS_VFY_IMPRINT |
                                      TS_VFY_NONCE);
  if (!vctx || TS_RESP_verify_response(vctx, resp) != 1) {
    rc = bc_error_set(err, BC_ENET,
                      "the reply of the time-stamping authority '%s' does not "
                      "answer the request (%s)",
                      url, openssl_reason());
    goto cleanup;
  }
  len = i2d_PKCS7(TS_RESP_get_token(resp), &der);
  if (len <= 0 ||
      !CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken,
                                     V_ASN1_SEQUENCE, der, len)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
cleanup:
  ERR_clear_error();
  OPENSSL_free(der);
  TS_VERIFY_CTX_free(vctx);
  TS_RESP_free(resp);
  ASN1_INTEGER_free(nonce);
  BN_free(bn);
  X509_ALGOR_free(alg);
  TS_MSG_IMPRINT_free(imprint);
  TS_REQ_free(req);
  return rc;
}

int bc_sign__cms(unsigned char **out,
                 int *out_len,
                 const bc_sign_key *s,
                 const unsigned char *data,
                 size_t len,
                 const bc_cms_options *opts,
                 bc_error *err) {
  BIO *in = NULL;
  CMS_ContentInfo *cms = NULL;
  CMS_SignerInfo *si;
  int rc = 0;
  unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;

  *out = NULL;
  if (len > INT32_MAX || !(in = BIO_new_mem_buf(data, (int)len))) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  cms = CMS_sign(NULL, NULL, s->chain, NULL, flags);
  if (!cms || !(si = CMS_add1_signer(cms, s->cert, s->key, EVP_sha256(),
                                     CMS_BINARY | CMS_CADES)) ||
      !CMS_final(cms, in, NULL, CMS_DETACHED | CMS_BINARY)) {
    rc = bc_error_set(err, BC_ECERT, "OpenSSL cannot sign with this key: %s",
                      openssl_reason());
    goto cleanup;
  }
  if (opts->cades && (rc = drop_signing_time(si, s->key, err)))
    goto cleanup;
  if (opts->tsa_url && opts->tsa_url[0] &&
      (rc = add_timestamp(si, opts->tsa_url,
                          opts->tsa_timeout_s > 0 ? opts->tsa_timeout_s : 10,
                          err)))
    goto cleanup;
  *out_len = i2d_CMS_ContentInfo(cms, out);
  if (*out_len <= 0)
    rc = bc_error_oom(err);
cleanup:
  ERR_clear_error();
  CMS_ContentInfo_free(cms);
  BIO_free(in);
  return rc;
}

/* libp11 has no function that says its version: it is left out. */
void bc_sign_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING));
}
