/* sign/trust.c: what a signer's certificate is worth: its chain to the
 * trust anchors at the signing time, its key usage, its revocation (CRLs,
 * OCSP) and the signature timestamp that fixes the signing time.
 *
 * Design notes:
 *  1. The signing time is the signature timestamp's when there is one that
 *     checks out (its imprint is the hash of this signature's value, its
 *     TSA chains to an anchor and may stamp time); else the time the file
 *     claims: the CMS signingTime (signed, but the signer's word), else
 *     the signature dictionary's /M. The report says which.
 *  2. The chain is built by OpenSSL (X509_verify_cert) from the anchors,
 *     the certificates the CMS carries and the --untrusted ones, at the
 *     signing time, with no purpose: the usage is judged here, as
 *     bc_sign__usage_problem judges it when signing.
 *  3. Revocation is asked of today's sources, not at the signing time: a
 *     CRL issued after the signature is still the one to read. Only the
 *     signer's own certificate is looked up (its issuer's CRL, the OCSP
 *     responder its AIA names). A certificate revoked after a trusted
 *     timestamp still stands (the signature was made before); with a
 *     claimed time it does not, since the time is the signer's word.
 *  4. A responder that cannot be reached, or a CRL that is missing or out
 *     of date, makes the status "revocation unknown", never "trusted". A
 *     responder that did not answer is not asked again in the same run
 *     (the bc_trust is one run's, one thread's). */
#define _DEFAULT_SOURCE /* timegm */
#include "sign/sign_int.h"
#include "common/i18n.h"

#include "common/error.h"
#include "common/file.h"
#include "common/sha256.h"

#include <dirent.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct bc_trust {
  X509_STORE *store;         /* the anchors */
  STACK_OF(X509) *untrusted; /* --untrusted */
  STACK_OF(X509_CRL) *crls;
  bool has_anchors, ocsp;
  int ocsp_timeout_s;
  /* Responders that did not answer in this run, not asked again (design
   * note 4): a folder of reports with the responder down costs one
   * timeout, not one per signature. */
  STACK_OF(OPENSSL_STRING) *silent;
};

/* ---- loading ---- */

/* path opened for OpenSSL once it is known to be a regular file (a FIFO
 * would hang BIO_new_file); NULL with err set otherwise. */
static BIO *open_bio(const char *path, bc_error *err) {
  BIO *in;
  if (bc_file_check_input(path, BC_EINPUT, err))
    return NULL;
  if (!(in = BIO_new_file(path, "rb")))
    bc_error_set(err, BC_EINPUT, "cannot open '%s'", path);
  return in;
}

/* Every certificate of a PEM or DER file pushed onto out; the count, or
 * -1 with err set when the file cannot be opened. */
static int read_certs(STACK_OF(X509) *out, const char *path, bc_error *err) {
  BIO *in = open_bio(path, err);
  X509 *c;
  int n = 0;
  if (!in)
    return -1;
  while ((c = PEM_read_bio_X509(in, NULL, NULL, NULL)))
    n += sk_X509_push(out, c) ? 1 : (X509_free(c), 0);
  if (!n && BIO_reset(in) == 0 && (c = d2i_X509_bio(in, NULL)))
    n += sk_X509_push(out, c) ? 1 : (X509_free(c), 0);
  BIO_free(in);
  ERR_clear_error();
  return n;
}

static int
read_crls(STACK_OF(X509_CRL) *out, const char *path, bc_error *err) {
  BIO *in = open_bio(path, err);
  X509_CRL *c;
  int n = 0;
  if (!in)
    return -1;
  while ((c = PEM_read_bio_X509_CRL(in, NULL, NULL, NULL)))
    n += sk_X509_CRL_push(out, c) ? 1 : (X509_CRL_free(c), 0);
  if (!n && BIO_reset(in) == 0 && (c = d2i_X509_CRL_bio(in, NULL)))
    n += sk_X509_CRL_push(out, c) ? 1 : (X509_CRL_free(c), 0);
  BIO_free(in);
  ERR_clear_error();
  return n;
}

static bool cert_file_name(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && (!strcmp(dot, ".pem") || !strcmp(dot, ".crt") ||
                 !strcmp(dot, ".cer") || !strcmp(dot, ".der"));
}

/* The certificates of path (a file, or a directory's certificate files). */
static int load_certs(STACK_OF(X509) *out,
                      const char *path,
                      bool dir_ok,
                      bc_error *err) {
  struct stat st;
  int n = 0;
  if (dir_ok && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    struct dirent *e;
    if (!d)
      return bc_error_set(err, BC_EINPUT, "cannot open '%s'", path);
    while ((e = readdir(d))) {
      char file[4096];
      if (e->d_name[0] == '.' || !cert_file_name(e->d_name))
        continue;
      snprintf(file, sizeof file, "%s/%s", path, e->d_name);
      int k = read_certs(out, file, err);
      if (k < 0) {
        closedir(d);
        return BC_EINPUT;
      }
      n += k;
    }
    closedir(d);
    if (!n)
      return bc_error_set(err, BC_ECERT,
                          "'%s' holds no certificate file (*.pem, *.crt, "
                          "*.cer, *.der)",
                          path);
    return 0;
  }
  n = read_certs(out, path, err);
  if (n < 0)
    return BC_EINPUT;
  if (!n)
    return bc_error_set(err, BC_ECERT,
                        "'%s' holds no certificate (PEM or DER)", path);
  return 0;
}

void bc_trust_free(bc_trust *t) {
  if (!t)
    return;
  X509_STORE_free(t->store);
  sk_X509_pop_free(t->untrusted, X509_free);
  sk_X509_CRL_pop_free(t->crls, X509_CRL_free);
  X509_email_free(t->silent); /* a stack of OPENSSL_strdup'd strings */
  OPENSSL_free(t);
}

int bc_trust_load(bc_trust **out,
                  const bc_trust_options *opts,
                  bc_error *err) {
  bc_trust *t = OPENSSL_zalloc(sizeof *t);
  STACK_OF(X509) *anchors = sk_X509_new_null();
  int rc = 0;
  *out = NULL;
  if (!t || !anchors || !(t->store = X509_STORE_new()) ||
      !(t->untrusted = sk_X509_new_null()) ||
      !(t->crls = sk_X509_CRL_new_null())) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  if (opts->version != BC_TRUST_OPTIONS_VERSION) {
    rc = bc_error_set(err, BC_ERROR, "unknown bc_trust_options version %u",
                      opts->version);
    goto cleanup;
  }
  for (size_t i = 0; i < opts->anchor_count; i++)
    if ((rc = load_certs(anchors, opts->anchors[i], true, err)))
      goto cleanup;
  for (int i = 0; i < sk_X509_num(anchors); i++)
    if (!X509_STORE_add_cert(t->store, sk_X509_value(anchors, i))) {
      unsigned long e = ERR_peek_last_error();
      /* The same anchor twice is no error. */
      if (ERR_GET_REASON(e) != X509_R_CERT_ALREADY_IN_HASH_TABLE) {
        rc = bc_error_oom(err);
        goto cleanup;
      }
    }
  t->has_anchors = sk_X509_num(anchors) > 0;
  for (size_t i = 0; i < opts->untrusted_count; i++)
    if ((rc = load_certs(t->untrusted, opts->untrusted[i], false, err)))
      goto cleanup;
  for (size_t i = 0; i < opts->crl_count; i++) {
    int n = read_crls(t->crls, opts->crls[i], err);
    if (n < 0) {
      rc = BC_EINPUT;
      goto cleanup;
    }
    if (!n) {
      rc = bc_error_set(err, BC_ECERT, "'%s' holds no CRL (PEM or DER)",
                        opts->crls[i]);
      goto cleanup;
    }
  }
  t->ocsp = opts->ocsp != 0;
  t->ocsp_timeout_s = opts->ocsp_timeout_s > 0 ? opts->ocsp_timeout_s : 10;
  *out = t;
  t = NULL;
cleanup:
  ERR_clear_error();
  sk_X509_pop_free(anchors, X509_free);
  bc_trust_free(t);
  return rc;
}

/* ---- small helpers ---- */

static const char *name_text(const X509_NAME *name, bc_arena *arena) {
  BIO *b = BIO_new(BIO_s_mem());
  char *p = NULL;
  const char *s = NULL;
  if (b && X509_NAME_print_ex(b, name, 0,
                              XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
    long n = BIO_get_mem_data(b, &p);
    char *c = bc_arena_alloc(arena, (size_t)n + 1);
    if (c) {
      memcpy(c, p, (size_t)n);
      c[n] = '\0';
      s = c;
    }
  }
  BIO_free(b);
  return s;
}

static const char *iso_time(time_t t, bc_arena *arena) {
  char buf[32];
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return bc_arena_strdup(arena, buf);
}

static bool asn1_time_t(time_t *out, const ASN1_TIME *t) {
  struct tm tm;
  if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
    return false;
  *out = timegm(&tm);
  return true;
}

static const char *spki_hex(X509 *cert, bc_arena *arena) {
  unsigned char *der = NULL, md[32];
  char hex[65];
  int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
  if (n <= 0)
    return "";
  bc_sha256(md, der, (size_t)n);
  OPENSSL_free(der);
  bc_sha256_hex(hex, md);
  return bc_arena_strdup(arena, hex);
}

/* ---- the signature timestamp (design note 1) ---- */

/* The time of si's timestamp token when it checks out; else *problem says
 * why (or stays NULL when there is no timestamp). */
static bool timestamp_time(time_t *out,
                           const char **problem,
                           CMS_SignerInfo *si,
                           bc_trust *t) {
  int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken,
                                         -1);
  X509_ATTRIBUTE *attr;
  ASN1_TYPE *value;
  PKCS7 *token = NULL;
  TS_VERIFY_CTX *ctx = NULL;
  TS_TST_INFO *info = NULL;
  BIO *data = NULL;
  bool ok = false;
  *problem = NULL;
  if (idx < 0)
    return false;
  attr = CMS_unsigned_get_attr(si, idx);
  value = attr ? X509_ATTRIBUTE_get0_type(attr, 0) : NULL;
  if (!value || value->type != V_ASN1_SEQUENCE) {
    *problem = bc_tr("its timestamp is not an RFC 3161 token");
    return false;
  }
  const unsigned char *p = value->value.sequence->data;
  token = d2i_PKCS7(NULL, &p, value->value.sequence->length);
  info = token ? PKCS7_to_TS_TST_INFO(token) : NULL;
  ASN1_OCTET_STRING *sig = CMS_SignerInfo_get0_signature(si);
  if (!token || !info || !sig) {
    *problem = bc_tr("its timestamp is not an RFC 3161 token");
    goto cleanup;
  }
  if (!t->has_anchors) {
    *problem = bc_tr("its timestamp's authority cannot be trusted without trust "
               "anchors");
    goto cleanup;
  }
  /* The imprint must be the hash of this signature's value; the token's
   * signature must chain to an anchor, from a certificate for stamping. */
  ctx = TS_VERIFY_CTX_new();
  data = BIO_new_mem_buf(sig->data, sig->length);
  if (!ctx || !data || !X509_STORE_up_ref(t->store))
    goto cleanup;
  TS_VERIFY_CTX_set_flags(ctx, TS_VFY_VERSION | TS_VFY_SIGNATURE |
                                   TS_VFY_DATA);
  TS_VERIFY_CTX_set_data(ctx, data); /* the context frees it */
  data = NULL;
  TS_VERIFY_CTX_set_store(ctx, t->store);
  if (sk_X509_num(t->untrusted))
    TS_VERIFY_CTX_set_certs(ctx, X509_chain_up_ref(t->untrusted));
  if (TS_RESP_verify_token(ctx, token) != 1) {
    unsigned long e = ERR_peek_last_error();
    *problem = ERR_GET_REASON(e) == TS_R_MESSAGE_IMPRINT_MISMATCH
                   ? bc_tr("its timestamp is for other bytes than this signature")
                   : bc_tr("its timestamp's authority is not trusted or its "
                     "signature does not check out");
    goto cleanup;
  }
  ok = asn1_time_t(out, TS_TST_INFO_get_time(info));
  if (!ok)
    *problem = bc_tr("its timestamp has no readable time");
cleanup:
  ERR_clear_error();
  BIO_free(data);
  TS_VERIFY_CTX_free(ctx);
  TS_TST_INFO_free(info);
  PKCS7_free(token);
  return ok;
}

/* The CMS signingTime, when the signer put one in. */
static bool signing_time(time_t *out, CMS_SignerInfo *si) {
  int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  X509_ATTRIBUTE *attr = idx >= 0 ? CMS_signed_get_attr(si, idx) : NULL;
  ASN1_TYPE *v = attr ? X509_ATTRIBUTE_get0_type(attr, 0) : NULL;
  if (!v)
    return false;
  if (v->type == V_ASN1_UTCTIME || v->type == V_ASN1_GENERALIZEDTIME)
    return asn1_time_t(out, (const ASN1_TIME *)v->value.asn1_string);
  return false;
}

/* ---- revocation (design notes 3 and 4) ---- */

typedef enum { REV_GOOD, REV_REVOKED, REV_UNKNOWN } rev_state;

static rev_state crl_state(const char **what,
                           time_t *revoked_at,
                           X509 *leaf,
                           X509 *issuer,
                           bc_trust *t) {
  EVP_PKEY *key = X509_get0_pubkey(issuer);
  bool found = false;
  for (int i = 0; i < sk_X509_CRL_num(t->crls); i++) {
    X509_CRL *crl = sk_X509_CRL_value(t->crls, i);
    X509_REVOKED *rev = NULL;
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_issuer_name(leaf)) ||
        !key || X509_CRL_verify(crl, key) != 1)
      continue;
    /* A CRL past its nextUpdate no longer says "good". */
    const ASN1_TIME *next = X509_CRL_get0_nextUpdate(crl);
    if (X509_CRL_get0_by_cert(crl, &rev, leaf) == 1) {
      asn1_time_t(revoked_at, X509_REVOKED_get0_revocationDate(rev));
      ERR_clear_error();
      return REV_REVOKED;
    }
    if (!next || X509_cmp_current_time(next) > 0)
      found = true;
  }
  ERR_clear_error();
  *what = found ? bc_tr("good (CRL)") : bc_tr("no current CRL from its issuer");
  return found ? REV_GOOD : REV_UNKNOWN;
}

/* POSTs req to url within timeout_s; NULL when no answer. */
static OCSP_RESPONSE *ocsp_post(const char *url,
                                OCSP_REQUEST *req,
                                int timeout_s) {
  char *host = NULL, *port = NULL, *path = NULL;
  int ssl = 0;
  BIO *body = BIO_new(BIO_s_mem()), *reply = NULL;
  OCSP_RESPONSE *resp = NULL;
  if (body && i2d_OCSP_REQUEST_bio(body, req) == 1 &&
      OSSL_HTTP_parse_url(url, &ssl, NULL, &host, &port, NULL, &path, NULL,
                          NULL) &&
      !ssl &&
      (reply = OSSL_HTTP_transfer(NULL, host, port, path, 0, NULL, NULL, NULL,
                                  NULL, NULL, NULL, 0, NULL,
                                  "application/ocsp-request", body,
                                  "application/ocsp-response", 1, 1 << 20,
                                  timeout_s, 0)))
    resp = d2i_OCSP_RESPONSE_bio(reply, NULL);
  ERR_clear_error();
  BIO_free(body);
  BIO_free(reply);
  OPENSSL_free(host);
  OPENSSL_free(port);
  OPENSSL_free(path);
  return resp;
}

static rev_state ocsp_state(const char **what,
                            time_t *revoked_at,
                            X509 *leaf,
                            X509 *issuer,
                            STACK_OF(X509) *chain,
                            bc_trust *t) {
  STACK_OF(OPENSSL_STRING) *urls = X509_get1_ocsp(leaf);
  OCSP_REQUEST *req = NULL;
  OCSP_RESPONSE *resp = NULL;
  OCSP_BASICRESP *basic = NULL;
  OCSP_CERTID *id = NULL;
  rev_state state = REV_UNKNOWN;
  int status = -1, reason;
  ASN1_GENERALIZEDTIME *rev = NULL, *this_upd = NULL, *next_upd = NULL;
  *what = bc_tr("its certificate names no OCSP responder");
  if (!urls || sk_OPENSSL_STRING_num(urls) < 1)
    goto cleanup;
  const char *url = sk_OPENSSL_STRING_value(urls, 0);
  id = OCSP_cert_to_id(NULL, leaf, issuer);
  req = OCSP_REQUEST_new();
  if (!id || !req || !OCSP_request_add0_id(req, OCSP_CERTID_dup(id)) ||
      !OCSP_request_add1_nonce(req, NULL, -1)) {
    *what = bc_tr("out of memory");
    goto cleanup;
  }
  for (int i = 0; i < sk_OPENSSL_STRING_num(t->silent); i++)
    if (!strcmp(sk_OPENSSL_STRING_value(t->silent, i), url)) {
      *what = bc_tr("the OCSP responder did not answer");
      goto cleanup;
    }
  if (!(resp = ocsp_post(url, req, t->ocsp_timeout_s))) {
    char *copy = OPENSSL_strdup(url);
    *what = bc_tr("the OCSP responder did not answer");
    if (!copy || (!t->silent && !(t->silent = sk_OPENSSL_STRING_new_null())) ||
        !sk_OPENSSL_STRING_push(t->silent, copy))
      OPENSSL_free(copy);
    goto cleanup;
  }
  if (OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL ||
      !(basic = OCSP_response_get1_basic(resp)) ||
      OCSP_check_nonce(req, basic) <= 0 ||
      OCSP_basic_verify(basic, chain, t->store, 0) != 1 ||
      !OCSP_resp_find_status(basic, id, &status, &reason, &rev, &this_upd,
                             &next_upd) ||
      !OCSP_check_validity(this_upd, next_upd, 300, -1)) {
    *what = bc_tr("the OCSP responder's answer does not check out");
    goto cleanup;
  }
  if (status == V_OCSP_CERTSTATUS_GOOD) {
    *what = bc_tr("good (OCSP)");
    state = REV_GOOD;
  } else if (status == V_OCSP_CERTSTATUS_REVOKED) {
    asn1_time_t(revoked_at, rev);
    state = REV_REVOKED;
  } else {
    *what = bc_tr("the OCSP responder does not know the certificate");
  }
cleanup:
  ERR_clear_error();
  X509_email_free(urls);
  OCSP_CERTID_free(id);
  OCSP_REQUEST_free(req);
  OCSP_RESPONSE_free(resp);
  OCSP_BASICRESP_free(basic);
  return state;
}

/* ---- the verdict ---- */

static void chain_error(bc_signature_report *rep, int code, X509 *bad,
                        bc_arena *arena) {
  char buf[512], cn[256], day[32] = "?";
  time_t t;
  struct tm tm;
  bc_sign__name_entry(cn, sizeof cn, X509_get_subject_name(bad),
                      NID_commonName);
  switch (code) {
  case X509_V_ERR_CERT_HAS_EXPIRED:
    rep->chain = BC_CHAIN_EXPIRED;
    if (asn1_time_t(&t, X509_get0_notAfter(bad)))
      strftime(day, sizeof day, "%Y-%m-%d", gmtime_r(&t, &tm));
    snprintf(buf, sizeof buf,
             "the certificate of '%s' expired on %s, before the signing time "
             "%s",
             cn, day, rep->checked_at);
    break;
  case X509_V_ERR_CERT_NOT_YET_VALID:
    rep->chain = BC_CHAIN_NOT_YET_VALID;
    if (asn1_time_t(&t, X509_get0_notBefore(bad)))
      strftime(day, sizeof day, "%Y-%m-%d", gmtime_r(&t, &tm));
    snprintf(buf, sizeof buf,
             "the certificate of '%s' is valid from %s, after the signing "
             "time %s",
             cn, day, rep->checked_at);
    break;
  case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    rep->chain = BC_CHAIN_UNTRUSTED;
    snprintf(buf, sizeof buf,
             "the certificate of '%s' is self-signed and not a trust anchor",
             cn);
    break;
  case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
  case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
  case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    rep->chain = BC_CHAIN_UNTRUSTED;
    snprintf(buf, sizeof buf,
             "its chain ends at '%s', which is not a trust anchor", cn);
    break;
  default:
    rep->chain = BC_CHAIN_UNTRUSTED;
    snprintf(buf, sizeof buf, "the chain of '%s' does not check out: %s", cn,
             X509_verify_cert_error_string(code));
  }
  rep->chain_problem = bc_arena_strdup(arena, buf);
}

int bc_sign__judge_chain(bc_signature_report *rep,
                         CMS_ContentInfo *cms,
                         X509 *leaf,
                         time_t claimed,
                         bc_trust *t,
                         bc_arena *arena,
                         bc_error *err) {
  STACK_OF(X509) *carried = CMS_get1_certs(cms), *untrusted = NULL;
  STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos(cms);
  CMS_SignerInfo *si = sk_CMS_SignerInfo_value(infos, 0);
  X509_STORE_CTX *ctx = NULL;
  STACK_OF(X509) *chain = NULL;
  const char *problem = NULL;
  time_t when = claimed, stamped, signed_time, revoked_at = 0;
  char buf[512];
  int rc = 0;

  rep->revocation = bc_tr("not asked");
  rep->chain_problem = rep->timestamp_at = rep->timestamp_problem = "";
  if (!(rep->subject = name_text(X509_get_subject_name(leaf), arena)) ||
      !(rep->issuer = name_text(X509_get_issuer_name(leaf), arena)) ||
      !(rep->spki_sha256 = spki_hex(leaf, arena))) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  /* Design note 1. */
  if (si && timestamp_time(&stamped, &problem, si, t)) {
    when = stamped;
    rep->trusted_time = 1;
    rep->timestamp_at = iso_time(stamped, arena);
  } else {
    if (problem)
      rep->timestamp_problem = problem;
    if (si && signing_time(&signed_time, si))
      when = signed_time;
  }
  rep->checked_at = iso_time(when, arena);
  if (!rep->checked_at || !rep->timestamp_at) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  if (!t->has_anchors) {
    rep->chain = BC_CHAIN_UNTRUSTED;
    rep->chain_problem = bc_tr("no trust anchors: give --trust, or set "
                         "BAOCAO_TRUST (docs/signing.md)");
    goto cleanup;
  }
  /* Design note 2. */
  untrusted = carried ? X509_chain_up_ref(carried) : sk_X509_new_null();
  for (int i = 0; untrusted && i < sk_X509_num(t->untrusted); i++)
    if (X509_up_ref(sk_X509_value(t->untrusted, i)) &&
        !sk_X509_push(untrusted, sk_X509_value(t->untrusted, i)))
      X509_free(sk_X509_value(t->untrusted, i));
  ctx = X509_STORE_CTX_new();
  if (!untrusted || !ctx ||
      !X509_STORE_CTX_init(ctx, t->store, leaf, untrusted)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  X509_STORE_CTX_set_time(ctx, 0, when);
  if (X509_verify_cert(ctx) != 1) {
    int code = X509_STORE_CTX_get_error(ctx);
    X509 *bad = X509_STORE_CTX_get_current_cert(ctx);
    chain_error(rep, code, bad ? bad : leaf, arena);
    goto cleanup;
  }
  const char *usage = bc_sign__usage_problem(leaf);
  if (usage) {
    rep->chain = BC_CHAIN_NOT_FOR_SIGNING;
    snprintf(buf, sizeof buf, "the certificate may not sign documents: %s",
             usage);
    rep->chain_problem = bc_arena_strdup(arena, buf);
    goto cleanup;
  }
  rep->chain = BC_CHAIN_TRUSTED;
  /* Design notes 3 and 4. */
  chain = X509_STORE_CTX_get1_chain(ctx);
  X509 *issuer = chain && sk_X509_num(chain) > 1 ? sk_X509_value(chain, 1)
                                                  : leaf;
  if (sk_X509_CRL_num(t->crls) || t->ocsp) {
    const char *what = "";
    rev_state st = sk_X509_CRL_num(t->crls)
                       ? crl_state(&what, &revoked_at, leaf, issuer, t)
                       : REV_UNKNOWN;
    if (st == REV_UNKNOWN && t->ocsp) {
      const char *by_crl = what;
      st = ocsp_state(&what, &revoked_at, leaf, issuer, chain, t);
      if (st == REV_UNKNOWN && *by_crl) {
        snprintf(buf, sizeof buf, "%s; %s", by_crl, what);
        what = bc_arena_strdup(arena, buf);
      }
    }
    if (st == REV_REVOKED) {
      char at[32];
      struct tm tm;
      gmtime_r(&revoked_at, &tm);
      strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
      snprintf(buf, sizeof buf, bc_tr("revoked at %s"), at);
      rep->revocation = bc_arena_strdup(arena, buf);
      if (!(rep->trusted_time && revoked_at > when)) {
        rep->chain = BC_CHAIN_REVOKED;
        snprintf(buf, sizeof buf,
                 rep->trusted_time
                     ? bc_tr("the certificate was revoked at %s, before the "
                             "timestamp")
                     : bc_tr("the certificate was revoked at %s"),
                 at);
        rep->chain_problem = bc_arena_strdup(arena, buf);
      }
    } else if (st == REV_UNKNOWN && what) {
      /* what says why, without the words that say it was not checked. */
      snprintf(buf, sizeof buf, bc_tr("not checked: %s"), what);
      rep->revocation = bc_arena_strdup(arena, buf);
      rep->chain = BC_CHAIN_REVOCATION_UNKNOWN;
      rep->chain_problem = what;
    } else {
      rep->revocation = what;
    }
  }
cleanup:
  if (!rc && (!rep->chain_problem || !rep->revocation))
    rc = bc_error_oom(err);
  ERR_clear_error();
  X509_STORE_CTX_free(ctx);
  sk_X509_pop_free(chain, X509_free);
  sk_X509_pop_free(untrusted, X509_free);
  sk_X509_pop_free(carried, X509_free);
  return rc;
}

