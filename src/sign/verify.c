/* sign/verify.c: reading back the signature fields of a PDF: for each
 * signature, whether its /ByteRange leaves out exactly its /Contents, how
 * much of the file it covers, and whether the CMS signature checks out over
 * those bytes (integrity only: the certificate chain is not judged). */
#include "sign/sign_int.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <stdio.h>
#include <string.h>

/* "D:20261123164323+07'00'" -> "2026-11-23T16:43:23+07:00". */
static const char *pdf_date_iso(const pdf_value *m, bc_arena *arena) {
  char buf[40];
  const char *s;
  if (!m || m->kind != PDF_STRING)
    return "";
  s = m->s;
  if (!strncmp(s, "D:", 2))
    s += 2;
  if (strlen(s) < 14)
    return bc_arena_strdup(arena, m->s);
  const char *tz = s + 14;
  char zone[8] = "Z";
  if ((tz[0] == '+' || tz[0] == '-') && strlen(tz) >= 3)
    snprintf(zone, sizeof zone, "%c%.2s:%.2s", tz[0], tz + 1,
             strlen(tz) >= 6 ? tz + 4 : "00");
  snprintf(buf, sizeof buf, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", s, s + 4, s + 6,
           s + 8, s + 10, s + 12, zone);
  return bc_arena_strdup(arena, buf);
}

/* Checks one signature dictionary; fills r. Only running out of memory is
 * an error: anything wrong with the signature is r->problem. */
static int check_signature(bc_field_report *r,
                           const pdf_value *sig,
                           const unsigned char *data,
                           size_t len,
                           bc_arena *arena,
                           bc_error *err) {
  const pdf_value *br = pdf_get(sig, "ByteRange"),
                  *contents = pdf_get(sig, "Contents");
  long long v[4];
  BIO *in = NULL;
  CMS_ContentInfo *cms = NULL;
  X509_STORE *store = NULL;
  STACK_OF(X509) *signers = NULL;
  unsigned char *bytes = NULL;

  int rc = 0;
  r->signed_at = pdf_date_iso(pdf_get(sig, "M"), arena);
  if (!r->signed_at)
    return bc_error_oom(err);
  if (!br || br->kind != PDF_ARRAY || br->count != 4 || !contents ||
      contents->kind != PDF_STRING) {
    r->problem = "no /ByteRange or /Contents";
    return 0;
  }
  for (int i = 0; i < 4; i++) {
    if (br->items[i].kind != PDF_INT || br->items[i].i < 0) {
      r->problem = "bad /ByteRange";
      return 0;
    }
    v[i] = br->items[i].i;
  }
  /* [0 a b c]: from the start, a gap, then to c bytes after b. */
  if (v[0] != 0 || v[1] > v[2] || (size_t)v[2] > len ||
      (size_t)v[3] > len - (size_t)v[2]) {
    r->problem = "/ByteRange is outside the file";
    return 0;
  }
  r->covered = (size_t)(v[2] + v[3]);
  r->whole_file = r->covered == len;
  /* The gap must be exactly the /Contents hex string. */
  if (data[v[1]] != '<' || data[v[2] - 1] != '>' ||
      contents->start != (size_t)v[1] || contents->end != (size_t)v[2]) {
    r->problem = "/ByteRange does not leave out exactly /Contents";
    return 0;
  }
  bytes = bc_arena_alloc(arena, (size_t)(v[1] + v[3]) + 1);
  if (!bytes)
    return bc_error_oom(err);
  memcpy(bytes, data, (size_t)v[1]);
  memcpy(bytes + v[1], data + v[2], (size_t)v[3]);
  const unsigned char *p = (const unsigned char *)contents->s;
  cms = d2i_CMS_ContentInfo(NULL, &p, (long)contents->len);
  in = BIO_new_mem_buf(bytes, (int)(v[1] + v[3]));
  store = X509_STORE_new();
  if (!cms || !in || !store) {
    r->problem = "/Contents is not a CMS signature";
    goto cleanup;
  }
  if (CMS_verify(cms, NULL, store, in, NULL,
                 CMS_DETACHED | CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
    r->problem = "the signature does not match the signed bytes";
    goto cleanup;
  }
  signers = CMS_get0_signers(cms);
  if (signers && sk_X509_num(signers) > 0) {
    char cn[256];
    bc_sign__name_entry(cn, sizeof cn,
                        X509_get_subject_name(sk_X509_value(signers, 0)),
                        NID_commonName);
    if (!(r->signer = bc_arena_strdup(arena, cn))) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
  }
  r->intact = true;
  r->problem = "";
cleanup:
  ERR_clear_error();
  sk_X509_free(signers);
  X509_STORE_free(store);
  BIO_free(in);
  CMS_ContentInfo_free(cms);
  return rc;
}

int bc_sign__verify_bytes(bc_field_report **out,
                          size_t *count,
                          const unsigned char *data,
                          size_t len,
                          const char *name,
                          bc_arena *arena,
                          bc_error *err) {
  pdf_file f;
  const pdf_value *fields, *form, *root;
  long long form_num, root_num;
  bc_field_report *list;
  size_t n = 0;
  int rc;

  if ((rc = pdf_open(&f, data, len, name, arena, err)) ||
      (rc = bc_sign__fields(&fields, &form_num, &form, &root_num, &root, &f,
                            err)))
    return rc;
  list = bc_arena_calloc(arena, fields->count + 1, sizeof *list);
  if (!list)
    return bc_error_oom(err);
  for (size_t i = 0; i < fields->count; i++) {
    const pdf_value *fv, *title, *sig;
    if ((rc = pdf_resolve(&fv, &f, &fields->items[i], err)))
      return rc;
    title = pdf_get(fv, "T");
    if (!pdf_is_name(pdf_get(fv, "FT"), "Sig") || !title ||
        title->kind != PDF_STRING)
      continue;
    bc_field_report *r = &list[n++];
    r->name = title->s;
    r->signer = "";
    r->signed_at = "";
    r->problem = "";
    sig = pdf_get(fv, "V");
    if (!sig)
      continue;
    if ((rc = pdf_resolve(&sig, &f, sig, err)))
      return rc;
    r->is_signed = true;
    r->problem = "not checked";
    if ((rc = check_signature(r, sig, data, len, arena, err)))
      return rc;
  }
  *out = list;
  *count = n;
  return 0;
}

int bc_sign__check_bytes(const unsigned char *data,
                         size_t len,
                         const char *field,
                         bc_arena *arena,
                         bc_error *err) {
  bc_field_report *list;
  size_t n;
  int rc = bc_sign__verify_bytes(&list, &n, data, len, "the signed copy", arena,
                                 err);
  if (rc)
    return rc;
  for (size_t i = 0; i < n; i++)
    if (!strcmp(list[i].name, field)) {
      if (list[i].is_signed && list[i].intact && list[i].whole_file)
        return 0;
      return bc_error_set(err, BC_ERROR,
                          "the signed copy does not check out: %s",
                          list[i].problem);
    }
  return bc_error_set(err, BC_ERROR, "the signed copy lost field '%s'", field);
}

int bc_verify_pdf(bc_field_report **out,
                  size_t *count,
                  size_t *file_size,
                  const char *path,
                  bc_arena *arena,
                  bc_error *err) {
  char *data = NULL;
  size_t len = 0;
  int rc = bc_file_read(&data, &len, path, (size_t)512 << 20, BC_EINPUT,
                        arena->alloc, err);
  if (rc)
    return rc;
  /* The report keeps pointers into the file: copy it into the arena. */
  unsigned char *copy = bc_arena_alloc(arena, len + 1);
  if (!copy) {
    bc_free(arena->alloc, data);
    return bc_error_oom(err);
  }
  memcpy(copy, data, len);
  bc_free(arena->alloc, data);
  *file_size = len;
  return bc_sign__verify_bytes(out, count, copy, len, path, arena, err);
}
