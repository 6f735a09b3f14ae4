/* sign/signer.c: the signer's key and certificate, from a PKCS#12 file or
 * from a PKCS#11 token named by an RFC 7512 URI (libp11), checked for use:
 * validity at the signing time, key usage, the key matching the
 * certificate. A token's key never leaves the token: OpenSSL signs through
 * libp11, which asks the token to sign. */
#include "sign/sign_int.h"
#include "common/i18n.h"

#include "common/error.h"
#include "common/file.h"

#include <ctype.h>
#include <dlfcn.h>
#include <libp11.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a PKCS#11 signer keeps open until it is freed: the key object
 * belongs to the module's session. */
struct bc_sign_token {
  PKCS11_CTX *ctx;
  PKCS11_SLOT *slots;
  unsigned nslots;
  bool loaded;
};

void bc_sign__signer_free(bc_sign_key *s) {
  EVP_PKEY_free(s->key); /* before the session it lives in */
  X509_free(s->cert);
  sk_X509_pop_free(s->chain, X509_free);
  if (s->token) {
    if (s->token->slots)
      PKCS11_release_all_slots(s->token->ctx, s->token->slots,
                               s->token->nslots);
    if (s->token->loaded)
      PKCS11_CTX_unload(s->token->ctx);
    PKCS11_CTX_free(s->token->ctx);
    free(s->token);
  }
  memset(s, 0, sizeof *s);
}

void bc_sign__name_entry(char *buf,
                         size_t size,
                         const X509_NAME *name,
                         int nid) {
  int idx = X509_NAME_get_index_by_NID(name, nid, -1);
  unsigned char *utf8 = NULL;
  buf[0] = '\0';
  if (idx < 0)
    return;
  int n = ASN1_STRING_to_UTF8(
      &utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
  if (n < 0)
    return;
  snprintf(buf, size, "%.*s", n, (const char *)utf8);
  OPENSSL_free(utf8);
}

static void asn1_date(char *buf, size_t size, const ASN1_TIME *t) {
  struct tm tm;
  if (ASN1_TIME_to_tm(t, &tm) == 1)
    strftime(buf, size, "%Y-%m-%d", &tm);
  else
    snprintf(buf, size, "?");
}

const char *bc_sign__usage_problem(X509 *cert) {
  uint32_t ku = X509_get_key_usage(cert);
  if (ku != UINT32_MAX && !(ku & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)))
    return bc_tr(
        "its key usage has neither digitalSignature nor nonRepudiation");
  /* Without an extended key usage any use is allowed (RFC 5280 4.2.1.12);
   * with one, it must name document signing or a use that verifiers of PDF
   * signatures (Acrobat, NSS for pdfsig) accept for it. */
  EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(cert, NID_ext_key_usage, NULL,
                                             NULL);
  if (!eku) {
    ERR_clear_error();
    return X509_get_extension_flags(cert) & EXFLAG_INVALID
               ? bc_tr("its extensions cannot be read")
               : NULL;
  }
  static const char *const allowed[] = {
      "2.5.29.37.0",             /* anyExtendedKeyUsage */
      "1.3.6.1.5.5.7.3.4",       /* emailProtection */
      "1.3.6.1.5.5.7.3.36",      /* documentSigning (RFC 9336) */
      "1.2.840.113583.1.1.5",    /* Adobe Authentic Documents Trust */
      "1.3.6.1.4.1.311.10.3.12", /* Microsoft document signing */
  };
  bool ok = false;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku) && !ok; i++) {
    char oid[80];
    OBJ_obj2txt(oid, sizeof oid, sk_ASN1_OBJECT_value(eku, i), 1);
    for (size_t j = 0; j < sizeof allowed / sizeof allowed[0] && !ok; j++)
      ok = !strcmp(oid, allowed[j]);
  }
  EXTENDED_KEY_USAGE_free(eku);
  return ok ? NULL
            : bc_tr("its extended key usage allows neither document signing "
                    "nor e-mail protection");
}

/* ---- PKCS#12 ---- */

static int load_p12(bc_sign_key *s, const bc_sign_request *req, bc_error *err) {
  BIO *in = NULL;
  PKCS12 *p12 = NULL;
  int rc = 0;
  const char *password = req->password ? req->password : "";

  /* a FIFO would hang BIO_new_file: only a regular file is opened */
  if ((rc = bc_file_check_input(req->p12_path, BC_EINPUT, err)))
    goto cleanup;
  in = BIO_new_file(req->p12_path, "rb");
  if (!in) {
    rc = bc_error_set(err, BC_EINPUT, "cannot open '%s'", req->p12_path);
    goto cleanup;
  }
  p12 = d2i_PKCS12_bio(in, NULL);
  if (!p12) {
    rc = bc_error_set(err, BC_ECERT, "'%s' is not a PKCS#12 (.p12) file",
                      req->p12_path);
    goto cleanup;
  }
  if (!PKCS12_verify_mac(p12, password, -1)) {
    rc = bc_error_set(err, BC_ECERT, "wrong password for '%s'", req->p12_path);
    goto cleanup;
  }
  if (!PKCS12_parse(p12, password, &s->key, &s->cert, &s->chain) || !s->key ||
      !s->cert) {
    rc = bc_error_set(err, BC_ECERT,
                      "'%s' holds no private key with its certificate",
                      req->p12_path);
    goto cleanup;
  }
  if (X509_check_private_key(s->cert, s->key) != 1)
    rc = bc_error_set(err, BC_ECERT,
                      "the key in '%s' does not belong to its certificate",
                      req->p12_path);
cleanup:
  PKCS12_free(p12);
  BIO_free(in);
  return rc;
}

/* ---- PKCS#11 URIs (RFC 7512) ---- */

#define URI_VALUE 256

typedef struct p11_uri {
  char token[URI_VALUE], manufacturer[URI_VALUE], serial[URI_VALUE],
      model[URI_VALUE], object[URI_VALUE], type[URI_VALUE];
  unsigned char id[URI_VALUE];
  size_t id_len;
  bool has_id;
  char module_path[1024];
  char pin_value[URI_VALUE];
} p11_uri;

static int hex_digit(int c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  c = tolower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decodes [s, end) into out (size bytes, NUL-terminated); returns
 * the decoded length or -1 when it does not fit or is malformed. */
static long pct_decode(char *out, size_t size, const char *s, const char *end) {
  size_t n = 0;
  for (; s < end; s++) {
    int c = (unsigned char)*s;
    if (c == '%') {
      int hi = end - s >= 3 ? hex_digit(s[1]) : -1;
      int lo = hi >= 0 ? hex_digit(s[2]) : -1;
      if (hi < 0 || lo < 0)
        return -1;
      c = hi * 16 + lo;
      s += 2;
    }
    if (n + 1 >= size)
      return -1;
    out[n++] = (char)c;
  }
  out[n] = '\0';
  return (long)n;
}

static int parse_uri(p11_uri *u, const char *uri, bc_error *err) {
  memset(u, 0, sizeof *u);
  if (strncmp(uri, "pkcs11:", 7) != 0)
    return bc_error_set(err, BC_EINPUT,
                        "'%s' is not a PKCS#11 URI (it starts with pkcs11:, "
                        "RFC 7512)",
                        uri);
  const char *p = uri + 7;
  bool query = false;
  while (*p) {
    const char *end = p + strcspn(p, query ? "&" : ";?");
    const char *eq = memchr(p, '=', (size_t)(end - p));
    if (eq) {
      size_t klen = (size_t)(eq - p);
      struct {
        const char *key;
        char *value;
        size_t size;
        bool in_query;
      } fields[] = {
          {"token", u->token, sizeof u->token, false},
          {"manufacturer", u->manufacturer, sizeof u->manufacturer, false},
          {"serial", u->serial, sizeof u->serial, false},
          {"model", u->model, sizeof u->model, false},
          {"object", u->object, sizeof u->object, false},
          {"type", u->type, sizeof u->type, false},
          {"id", (char *)u->id, sizeof u->id, false},
          {"module-path", u->module_path, sizeof u->module_path, true},
          {"pin-value", u->pin_value, sizeof u->pin_value, true},
      };
      bool known = false;
      for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strlen(fields[i].key) != klen ||
            memcmp(fields[i].key, p, klen) != 0 ||
            fields[i].in_query != query)
          continue;
        long n = pct_decode(fields[i].value, fields[i].size, eq + 1, end);
        if (n < 0)
          return bc_error_set(err, BC_EINPUT,
                              "PKCS#11 URI '%s': the value of '%.*s' is "
                              "malformed or too long",
                              uri, (int)klen, p);
        if (fields[i].value == (char *)u->id) {
          u->id_len = (size_t)n;
          u->has_id = true;
        }
        known = true;
      }
      /* Unknown attributes (slot-id, library-*, pin-source, ...) are
       * ignored, as RFC 7512 allows for those a consumer does not use. */
      (void)known;
    }
    p = end;
    if (*p == '?')
      query = true;
    if (*p)
      p++;
  }
  if (u->type[0] && strcmp(u->type, "private") != 0)
    return bc_error_set(err, BC_EINPUT,
                        "PKCS#11 URI '%s' names a %s object; signing needs "
                        "the private key (type=private)",
                        uri, u->type);
  return 0;
}

static bool token_matches(const PKCS11_TOKEN *t, const p11_uri *u) {
  return (!u->token[0] || (t->label && !strcmp(t->label, u->token))) &&
         (!u->manufacturer[0] ||
          (t->manufacturer && !strcmp(t->manufacturer, u->manufacturer))) &&
         (!u->serial[0] || (t->serialnr && !strcmp(t->serialnr, u->serial))) &&
         (!u->model[0] || (t->model && !strcmp(t->model, u->model)));
}

static bool object_matches(const char *label,
                           const unsigned char *id,
                           size_t id_len,
                           const p11_uri *u) {
  return (!u->object[0] || (label && !strcmp(label, u->object))) &&
         (!u->has_id || (id_len == u->id_len && !memcmp(id, u->id, id_len)));
}

static int load_p11(bc_sign_key *s, const bc_sign_request *req, bc_error *err) {
  p11_uri u;
  struct bc_sign_token *tk;
  PKCS11_SLOT *slot = NULL;
  PKCS11_KEY *keys = NULL, *key = NULL;
  PKCS11_CERT *certs = NULL;
  unsigned nkeys = 0, ncerts = 0;
  int rc;

  if ((rc = parse_uri(&u, req->pkcs11_uri, err)))
    return rc;
  const char *module = req->pkcs11_module && req->pkcs11_module[0]
                           ? req->pkcs11_module
                           : u.module_path;
  if (!module[0])
    return bc_error_set(err, BC_EINPUT,
                        "no PKCS#11 module for '%s': give the token's library "
                        "(--module, or module-path in the URI)",
                        req->pkcs11_uri);
  /* Loaded once here first, so that a missing or broken library gets our
   * message (libp11 would print dlerror itself). */
  void *probe = dlopen(module, RTLD_NOW | RTLD_LOCAL);
  if (!probe)
    return bc_error_set(err, BC_EINPUT, "cannot load the PKCS#11 module '%s'",
                        module);
  if (!dlsym(probe, "C_GetFunctionList")) {
    dlclose(probe);
    return bc_error_set(err, BC_EINPUT,
                        "'%s' is not a PKCS#11 module (no C_GetFunctionList)",
                        module);
  }
  dlclose(probe);
  tk = calloc(1, sizeof *tk);
  if (!tk)
    return bc_error_oom(err);
  s->token = tk;
  tk->ctx = PKCS11_CTX_new();
  if (!tk->ctx)
    return bc_error_oom(err);
  if (PKCS11_CTX_load(tk->ctx, module) != 0)
    return bc_error_set(err, BC_EINPUT, "cannot load the PKCS#11 module '%s'",
                        module);
  tk->loaded = true;
  if (PKCS11_enumerate_slots(tk->ctx, &tk->slots, &tk->nslots) != 0)
    return bc_error_set(err, BC_ECERT,
                        "the PKCS#11 module '%s' lists no slots", module);
  char seen[256] = "";
  for (unsigned i = 0; i < tk->nslots; i++) {
    PKCS11_TOKEN *t = tk->slots[i].token;
    if (!t || !t->initialized)
      continue;
    if (strlen(seen) + strlen(t->label ? t->label : "") + 4 < sizeof seen) {
      if (seen[0])
        strcat(seen, ", ");
      strcat(seen, t->label ? t->label : "?");
    }
    if (!token_matches(t, &u))
      continue;
    if (slot)
      return bc_error_set(err, BC_ECERT,
                          "more than one token matches '%s': name it with "
                          "token= or serial=",
                          req->pkcs11_uri);
    slot = &tk->slots[i];
  }
  if (!slot)
    return bc_error_set(err, BC_ENOTFOUND,
                        "no token matches '%s' (tokens present: %s)",
                        req->pkcs11_uri, seen[0] ? seen : bc_tr("none"));
  const char *pin = req->pin && req->pin[0] ? req->pin : u.pin_value;
  if (slot->token->loginRequired) {
    if (!pin[0])
      return bc_error_set(err, BC_ECERT, "token '%s' needs its PIN",
                          slot->token->label);
    if (PKCS11_login(slot, 0, pin) != 0) {
      unsigned long e = ERR_peek_last_error();
      const char *why = ERR_reason_error_string(e);
      return bc_error_set(err, BC_ECERT, "token '%s' refused the PIN%s%s",
                          slot->token->label, why ? ": " : "",
                          why ? why : "");
    }
  }
  if (PKCS11_enumerate_keys(slot->token, &keys, &nkeys) != 0 || nkeys == 0)
    return bc_error_set(err, BC_ENOTFOUND, "token '%s' holds no private key",
                        slot->token->label);
  for (unsigned i = 0; i < nkeys; i++) {
    if (!object_matches(keys[i].label, keys[i].id, keys[i].id_len, &u))
      continue;
    if (key)
      return bc_error_set(err, BC_ECERT,
                          "more than one key on token '%s' matches '%s': name "
                          "it with object= or id=",
                          slot->token->label, req->pkcs11_uri);
    key = &keys[i];
  }
  if (!key)
    return bc_error_set(err, BC_ENOTFOUND, "no private key on token '%s' "
                                           "matches '%s'",
                        slot->token->label, req->pkcs11_uri);
  s->key = PKCS11_get_private_key(key);
  if (!s->key)
    return bc_error_set(err, BC_ECERT, "token '%s' does not give key '%s'",
                        slot->token->label, key->label ? key->label : "?");
  if (PKCS11_enumerate_certs(slot->token, &certs, &ncerts) != 0)
    ncerts = 0;
  /* The key's certificate: same id, else same label, else the one whose
   * public key is the key's. */
  PKCS11_CERT *mine = NULL;
  for (unsigned i = 0; i < ncerts && !mine; i++)
    if (key->id_len && certs[i].id_len == key->id_len &&
        !memcmp(certs[i].id, key->id, key->id_len))
      mine = &certs[i];
  for (unsigned i = 0; i < ncerts && !mine; i++)
    if (key->label && certs[i].label && !strcmp(certs[i].label, key->label))
      mine = &certs[i];
  for (unsigned i = 0; i < ncerts && !mine; i++)
    if (certs[i].x509 && X509_check_private_key(certs[i].x509, s->key) == 1)
      mine = &certs[i];
  if (!mine || !mine->x509)
    return bc_error_set(err, BC_ENOTFOUND,
                        "token '%s' holds no certificate for key '%s'",
                        slot->token->label, key->label ? key->label : "?");
  s->cert = X509_dup(mine->x509);
  s->chain = sk_X509_new_null();
  if (!s->cert || !s->chain)
    return bc_error_oom(err);
  /* CA certificates on the token travel with the signature. */
  for (unsigned i = 0; i < ncerts; i++) {
    if (&certs[i] == mine || !certs[i].x509 || X509_check_ca(certs[i].x509) == 0)
      continue;
    X509 *c = X509_dup(certs[i].x509);
    if (!c || !sk_X509_push(s->chain, c)) {
      X509_free(c);
      return bc_error_oom(err);
    }
  }
  return 0;
}

/* Certificates of a PEM (or DER) file added to the chain. */
static int add_chain_file(bc_sign_key *s, const char *path, bc_error *err) {
  BIO *in = NULL;
  int added = 0, rc = 0;
  X509 *c;
  if ((rc = bc_file_check_input(path, BC_EINPUT, err)))
    return rc;
  if (!(in = BIO_new_file(path, "rb")))
    return bc_error_set(err, BC_EINPUT, "cannot open '%s'", path);
  if (!s->chain && !(s->chain = sk_X509_new_null())) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  while ((c = PEM_read_bio_X509(in, NULL, NULL, NULL))) {
    if (!sk_X509_push(s->chain, c)) {
      X509_free(c);
      rc = bc_error_oom(err);
      goto cleanup;
    }
    added++;
  }
  if (!added) {
    BIO_free(in);
    in = BIO_new_file(path, "rb");
    c = in ? d2i_X509_bio(in, NULL) : NULL;
    if (c && sk_X509_push(s->chain, c))
      added++;
    else
      X509_free(c);
  }
  if (!added)
    rc = bc_error_set(err, BC_ECERT, "'%s' holds no certificate (PEM or DER)",
                      path);
cleanup:
  ERR_clear_error();
  BIO_free(in);
  return rc;
}

/* The chain without the signer's own certificate and without repeats: a
 * CMS holds each certificate once (a self-signed certificate is often its
 * own chain in a .p12). */
static void drop_repeats(bc_sign_key *s) {
  for (int i = 0; s->chain && i < sk_X509_num(s->chain);) {
    X509 *c = sk_X509_value(s->chain, i);
    bool seen = !X509_cmp(c, s->cert);
    for (int j = 0; j < i && !seen; j++)
      seen = !X509_cmp(c, sk_X509_value(s->chain, j));
    if (seen)
      X509_free(sk_X509_delete(s->chain, i));
    else
      i++;
  }
}

int bc_sign__signer_load(bc_sign_key *s,
                         const bc_sign_request *req,
                         bc_error *err) {
  int rc;
  char when[32];

  memset(s, 0, sizeof *s);
  if (req->pkcs11_uri && req->pkcs11_uri[0])
    rc = load_p11(s, req, err);
  else
    rc = load_p12(s, req, err);
  if (!rc && req->chain_path && req->chain_path[0])
    rc = add_chain_file(s, req->chain_path, err);
  if (rc)
    goto cleanup;
  drop_repeats(s);
  bc_sign__name_entry(s->cn, sizeof s->cn, X509_get_subject_name(s->cert),
                      NID_commonName);
  bc_sign__name_entry(s->org, sizeof s->org, X509_get_subject_name(s->cert),
                      NID_organizationName);
  time_t now = req->now;
  if (X509_cmp_time(X509_get0_notAfter(s->cert), &now) < 0) {
    asn1_date(when, sizeof when, X509_get0_notAfter(s->cert));
    rc = bc_error_set(err, BC_ECERT, "the certificate of '%s' expired on %s",
                      s->cn, when);
    goto cleanup;
  }
  if (X509_cmp_time(X509_get0_notBefore(s->cert), &now) > 0) {
    asn1_date(when, sizeof when, X509_get0_notBefore(s->cert));
    rc = bc_error_set(err, BC_ECERT,
                      "the certificate of '%s' is not valid before %s", s->cn,
                      when);
    goto cleanup;
  }
  const char *why = bc_sign__usage_problem(s->cert);
  if (why)
    rc = bc_error_set(err, BC_ECERT,
                      "the certificate of '%s' is not for signing (%s)", s->cn,
                      why);
cleanup:
  ERR_clear_error();
  if (rc)
    bc_sign__signer_free(s);
  return rc;
}
