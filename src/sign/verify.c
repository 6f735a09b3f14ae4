/* sign/verify.c: verification as Acrobat and pyHanko do it: every
 * revision of the file opened as a document of its own, every signature
 * found in any of them, each checked (its /ByteRange, its CMS signature
 * over those bytes; the signer's certificate judged in trust.c when trust
 * is given),
 * and the final document compared with the revision each one signed
 * (bc_pdf_compare), so that a change after a signature, or a signature
 * removed, cannot pass unseen.
 *
 * Design notes:
 *  1. A signature is valid only when its /ByteRange is [0 a b c] with
 *     a < b, covers exactly the revision it was added in (b + c is the end
 *     of that revision: its %%EOF and end of line), and leaves out exactly
 *     one hex string, the /Contents that follows the /Contents key, whose
 *     bytes are the signature dictionary's /Contents.
 *  2. Signatures are told apart by their /Contents bytes and /ByteRange:
 *     the same value seen in several revisions is one signature, named
 *     after the field that held it first.
 *  3. The verdict is the worst finding: a signature that does not check
 *     out (INVALID), then a change after a signature that no rule allows
 *     (MODIFIED), then SIGNED; no signature in any revision: UNSIGNED. */
#define _DEFAULT_SOURCE /* timegm */
#include "sign/sign_int.h"
#include "common/i18n.h"

#include "common/error.h"
#include "common/utf8.h"
#include "pdf/pdfread.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <stdio.h>
#include <string.h>

/* "D:20261123164323+07'00'" -> "2026-11-23T16:43:23+07:00". */
static const char *pdf_date_iso(const char *s, bc_arena *arena) {
  char buf[40];
  if (!s)
    return "";
  const char *orig = s;
  if (!strncmp(s, "D:", 2))
    s += 2;
  if (strlen(s) < 14)
    return bc_arena_strdup(arena, orig);
  const char *tz = s + 14;
  char zone[8] = "Z";
  if ((tz[0] == '+' || tz[0] == '-') && strlen(tz) >= 3)
    snprintf(zone, sizeof zone, "%c%.2s:%.2s", tz[0], tz + 1,
             strlen(tz) >= 6 ? tz + 4 : "00");
  snprintf(buf, sizeof buf, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", s, s + 4, s + 6,
           s + 8, s + 10, s + 12, zone);
  return bc_arena_strdup(arena, buf);
}

/* "D:20261123164323+07'00'" as a time, or -1. */
static time_t pdf_date_time(const char *s) {
  struct tm tm;
  int off = 0;
  if (!s)
    return -1;
  if (!strncmp(s, "D:", 2))
    s += 2;
  memset(&tm, 0, sizeof tm);
  if (strlen(s) < 14 ||
      sscanf(s, "%4d%2d%2d%2d%2d%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
             &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
    return -1;
  const char *tz = s + 14;
  int hh = 0, mm = 0;
  if ((tz[0] == '+' || tz[0] == '-') && sscanf(tz + 1, "%2d'%2d", &hh, &mm) >= 1)
    off = (tz[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm) - off;
}

/* One signature as found (design note 2). */
typedef struct found {
  bc_signature_report rep;
  size_t first_rev; /* index of the revision that added it */
  bc_pdf_reader *rd;
  bc_pdf_obj sig;
  const char *contents;
  size_t contents_len;
  long long br[4];
  bool br_ok, in_final;
  time_t claimed; /* its /M, or -1 */
} found;

typedef struct verifier {
  const unsigned char *data;
  size_t len;
  const char *name;
  bc_trust *trust; /* NULL: the chains are not judged */
  bc_arena *arena;
  bc_pdf_budget budget;
  size_t *ends; /* revision ends; the last is len */
  size_t nrev;
  bc_pdf_reader **rev; /* by revision; the last is the whole file */
  found *sigs;
  size_t nsigs, cap;
  size_t trailing; /* bytes after the last %%EOF that are not white space */
} verifier;

/* A report's chain fields before (or without) a judgement. */
static void no_chain(bc_signature_report *r) {
  r->chain = BC_CHAIN_NOT_CHECKED;
  r->chain_problem = r->checked_at = r->timestamp_at = r->timestamp_problem =
      r->subject = r->issuer = r->spki_sha256 = "";
  r->revocation = bc_tr("not asked");
}

/* The signature value v of field f in revision i: a new one, or one seen
 * before. */
static int note_signature(verifier *v,
                          size_t i,
                          bc_pdf_reader *r,
                          const bc_pdf_field *f,
                          bc_error *err) {
  size_t clen = 0;
  const char *contents = bc_pdf_string(r, bc_pdf_get(r, f->value, "Contents"),
                                       &clen);
  bc_pdf_obj br = bc_pdf_get(r, f->value, "ByteRange");
  long long range[4] = {-1, -1, -1, -1};
  bool br_ok = bc_pdf_count(r, br) == 4;
  for (size_t k = 0; k < 4 && br_ok; k++)
    br_ok = bc_pdf_int(r, bc_pdf_item(r, br, k), &range[k]);
  for (size_t k = 0; k < v->nsigs; k++) {
    found *s = &v->sigs[k];
    if (s->contents_len == clen && contents && s->contents &&
        !memcmp(s->contents, contents, clen) && s->br_ok == br_ok &&
        !memcmp(s->br, range, sizeof range)) {
      s->in_final |= i + 1 == v->nrev;
      return 0;
    }
  }
  if (!(v->sigs = bc_arena_grow(v->arena, v->sigs, v->nsigs, &v->cap,
                                sizeof *v->sigs)))
    return bc_error_oom(err);
  found *s = &v->sigs[v->nsigs++];
  memset(s, 0, sizeof *s);
  s->first_rev = i;
  s->rd = r;
  s->sig = f->value;
  s->contents = contents;
  s->contents_len = clen;
  memcpy(s->br, range, sizeof range);
  s->br_ok = br_ok;
  s->in_final = i + 1 == v->nrev;
  s->rep.field = bc_arena_strdup(v->arena, f->name);
  s->rep.is_signed = 1;
  s->rep.signer = "";
  s->rep.problem = "";
  const char *sub = bc_pdf_name(r, bc_pdf_get(r, f->value, "SubFilter"));
  s->rep.subfilter = bc_arena_strdup(v->arena, sub ? sub : "");
  const char *m = bc_pdf_string(r, bc_pdf_get(r, f->value, "M"), NULL);
  s->rep.signed_at = pdf_date_iso(m, v->arena);
  s->claimed = pdf_date_time(m);
  no_chain(&s->rep);
  if (!s->rep.field || !s->rep.subfilter || !s->rep.signed_at)
    return bc_error_oom(err);
  return bc_pdf_reader_check(r, err);
}

/* The CMS signature of s over data[0..a) + data[b..end); fills the
 * signer or the problem. */
static int check_cms(found *s, verifier *v, size_t a, size_t b, size_t end,
                     bc_error *err) {
  BIO *in = NULL;
  CMS_ContentInfo *cms = NULL;
  X509_STORE *store = NULL;
  STACK_OF(X509) *signers = NULL;
  unsigned char *bytes = NULL;
  int rc = 0;
  if (strcmp(s->rep.subfilter, "adbe.pkcs7.detached") &&
      strcmp(s->rep.subfilter, "ETSI.CAdES.detached")) {
    s->rep.problem = bc_tr("its /SubFilter is not adbe.pkcs7.detached or "
                     "ETSI.CAdES.detached, which baocao does not check");
    return 0;
  }
  bytes = bc_arena_alloc(v->arena, a + (end - b) + 1);
  if (!bytes)
    return bc_error_oom(err);
  memcpy(bytes, v->data, a);
  memcpy(bytes + a, v->data + b, end - b);
  const unsigned char *p = (const unsigned char *)s->contents;
  cms = d2i_CMS_ContentInfo(NULL, &p, (long)s->contents_len);
  in = BIO_new_mem_buf(bytes, (int)(a + (end - b)));
  store = X509_STORE_new();
  if (!cms || !in || !store) {
    s->rep.problem = bc_tr("/Contents is not a CMS signature");
    goto cleanup;
  }
  if (CMS_verify(cms, NULL, store, in, NULL,
                 CMS_DETACHED | CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
    s->rep.problem = bc_tr("the signature does not match the signed bytes");
    goto cleanup;
  }
  signers = CMS_get0_signers(cms);
  if (signers && sk_X509_num(signers) > 0) {
    char cn[256];
    bc_sign__name_entry(cn, sizeof cn,
                        X509_get_subject_name(sk_X509_value(signers, 0)),
                        NID_commonName);
    if (!(s->rep.signer = bc_arena_strdup(v->arena, cn))) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
  }
  s->rep.intact = 1;
  if (v->trust && signers && sk_X509_num(signers) > 0)
    rc = bc_sign__judge_chain(&s->rep, cms, sk_X509_value(signers, 0),
                              s->claimed, v->trust, v->arena, err);
cleanup:
  ERR_clear_error();
  sk_X509_free(signers);
  X509_STORE_free(store);
  BIO_free(in);
  CMS_ContentInfo_free(cms);
  return rc;
}

static bool is_hex(unsigned char c) {
  return bc_hex_digit(c) >= 0;
}

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/* Design note 1. */
static int check_signature(found *s, verifier *v, bc_error *err) {
  const long long *br = s->br;
  if (!s->contents) {
    s->rep.problem = bc_tr("no /Contents");
    return 0;
  }
  if (!s->br_ok) {
    s->rep.problem = bc_tr("/ByteRange is not four whole numbers");
    return 0;
  }
  if (br[0] != 0 || br[1] <= 0 || br[2] <= br[1] || br[3] < 0 ||
      (unsigned long long)br[2] > v->len ||
      (unsigned long long)br[3] > v->len - (size_t)br[2]) {
    s->rep.problem = bc_tr("/ByteRange is not [0 a b c] inside the file");
    return 0;
  }
  size_t a = (size_t)br[1], b = (size_t)br[2], end = (size_t)(br[2] + br[3]);
  s->rep.covered = end;
  s->rep.whole_file = end == v->len;
  for (size_t k = 0; k < v->nrev; k++)
    if (v->ends[k] == end)
      s->rep.revision = k + 1;
  if (!s->rep.revision) {
    s->rep.problem = bc_tr("/ByteRange does not end where a revision ends");
    return 0;
  }
  if (s->rep.revision != s->first_rev + 1) {
    s->rep.problem = bc_tr("/ByteRange covers another revision than the one that "
                     "added the signature");
    return 0;
  }
  /* The gap: one hex string, after the /Contents key, holding exactly the
   * signature's /Contents. */
  const unsigned char *d = v->data;
  size_t digits = 0, k = a;
  if (d[a] != '<' || d[b - 1] != '>') {
    s->rep.problem = bc_tr("/ByteRange does not leave out exactly /Contents");
    return 0;
  }
  for (k = a + 1; k + 1 < b; k++) {
    if (is_hex(d[k]))
      digits++;
    else if (!is_space(d[k]))
      break;
  }
  size_t before = a;
  while (before > 0 && is_space(d[before - 1]))
    before--;
  bool keyed = before >= 9 && !memcmp(d + before - 9, "/Contents", 9);
  if (k + 1 != b || !keyed || (digits + 1) / 2 != s->contents_len) {
    s->rep.problem = bc_tr("/ByteRange does not leave out exactly /Contents");
    return 0;
  }
  int hi = -1;
  size_t at = 0;
  for (k = a + 1; k + 1 < b; k++) {
    int h = bc_hex_digit(d[k]);
    if (h < 0)
      continue;
    if (hi < 0) {
      hi = h;
      continue;
    }
    if ((unsigned char)s->contents[at++] != (unsigned char)(hi * 16 + h)) {
      s->rep.problem = bc_tr("/ByteRange does not leave out exactly /Contents");
      return 0;
    }
    hi = -1;
  }
  return check_cms(s, v, a, b, end, err);
}

static int open_revisions(verifier *v, bc_error *err) {
  size_t *ends = NULL, n = 0;
  int rc;
  if ((rc = bc_pdf_revision_ends(&ends, &n, v->data, v->len, v->name,
                                 v->budget.max_revisions, v->arena, err)))
    return rc;
  /* The whole file is the last revision, whatever follows its %%EOF; what
   * follows is a change after every signature unless it is white space. */
  for (size_t i = n ? ends[n - 1] : 0; i < v->len && !v->trailing; i++)
    if (!is_space(v->data[i]))
      v->trailing = v->len - (n ? ends[n - 1] : 0);
  if (!n || ends[n - 1] != v->len) {
    size_t cap = n;
    if (!(ends = bc_arena_grow(v->arena, ends, n, &cap, sizeof *ends)))
      return bc_error_oom(err);
    ends[n++] = v->len;
  }
  v->ends = ends;
  v->nrev = n;
  if (!(v->rev = bc_arena_calloc(v->arena, n, sizeof *v->rev)))
    return bc_error_oom(err);
  if ((rc = bc_pdf_reader_open(&v->rev[n - 1], v->data, v->len, v->name,
                               &v->budget, err)))
    return rc;
  for (size_t i = 0; i + 1 < n; i++) {
    bc_error e;
    bc_error_clear(&e);
    /* A prefix that is not a PDF (a %%EOF inside a stream) is no
     * revision; the budget still counts it. */
    if (bc_pdf_reader_open(&v->rev[i], v->data, ends[i], v->name, &v->budget,
                           &e)) {
      if (e.code == BC_ENOMEM || v->budget.spent) {
        *err = e;
        return e.code;
      }
      v->rev[i] = NULL;
    }
  }
  return 0;
}

/* The fields of every revision; the final document's list in out. */
static int find_signatures(verifier *v,
                           bc_pdf_field **final_fields,
                           size_t *final_count,
                           bc_error *err) {
  int rc;
  for (size_t i = 0; i < v->nrev; i++) {
    bc_pdf_field *fields;
    size_t n;
    bc_pdf_reader *r = v->rev[i];
    if (!r)
      continue;
    if ((rc = bc_pdf_fields(&fields, &n, r, v->arena, err)))
      return rc;
    for (size_t k = 0; k < n; k++)
      if (fields[k].sig && fields[k].value &&
          (rc = note_signature(v, i, r, &fields[k], err)))
        return rc;
    if (i + 1 == v->nrev) {
      *final_fields = fields;
      *final_count = n;
    }
  }
  return 0;
}

static int judge(bc_verification *out, verifier *v, bc_error *err) {
  const char *reason = "";
  int rc;
  char buf[BC_ERROR_MESSAGE_SIZE];
  out->verdict = v->nsigs ? BC_VERDICT_SIGNED : BC_VERDICT_UNSIGNED;
  for (size_t i = 0; i < v->nsigs; i++) {
    found *s = &v->sigs[i];
    bc_pdf_change *changes = NULL;
    size_t n = 0;
    s->rep.removed = !s->in_final;
    if ((rc = check_signature(s, v, err)))
      return rc;
    if (!s->rep.intact) {
      if (out->verdict != BC_VERDICT_INVALID) {
        snprintf(buf, sizeof buf, bc_tr("signature %s does not check out: %s"),
                 s->rep.field, s->rep.problem);
        reason = buf;
      }
      out->verdict = BC_VERDICT_INVALID;
    }
    if (!s->rep.revision)
      continue;
    bc_pdf_reader *then = v->rev[s->rep.revision - 1];
    if (then && then != v->rev[v->nrev - 1] &&
        (rc = bc_pdf_compare(&changes, &n, then, v->rev[v->nrev - 1], v->arena,
                             err)))
      return rc;
    bc_signature_change *list = bc_arena_calloc(v->arena, n + 2, sizeof *list);
    if (!list)
      return bc_error_oom(err);
    if (v->trailing) {
      char what[96];
      snprintf(what, sizeof what, bc_tr("%zu bytes added at the end of the file"),
               v->trailing);
      bc_pdf_change *more = bc_arena_calloc(v->arena, n + 1, sizeof *more);
      if (!more || !(more[n].what = bc_arena_strdup(v->arena, what)))
        return bc_error_oom(err);
      if (n)
        memcpy(more, changes, n * sizeof *more);
      changes = more;
      n++;
    }
    for (size_t k = 0; k < n; k++) {
      list[k].allowed = changes[k].allowed;
      list[k].what = changes[k].what;
      if (!changes[k].allowed && !s->rep.modified) {
        s->rep.modified = 1;
        /* Named after the latest signature it follows. */
        if (out->verdict != BC_VERDICT_INVALID) {
          out->verdict = BC_VERDICT_MODIFIED;
          snprintf(buf, sizeof buf, bc_tr("%s after %s"), changes[k].what,
                   s->rep.field);
          reason = buf;
        }
      }
    }
    s->rep.changes = list;
    s->rep.change_count = n;
  }
  if (!(out->reason = bc_arena_strdup(v->arena, reason)))
    return bc_error_oom(err);
  return 0;
}

int bc_verify_bytes(bc_verification *out,
                    const unsigned char *data,
                    size_t len,
                    const char *name,
                    bc_trust *trust,
                    bc_arena *arena,
                    bc_error *err) {
  verifier v;
  bc_pdf_field *fields = NULL;
  size_t nfields = 0, n = 0;
  int rc;
  memset(out, 0, sizeof *out);
  memset(&v, 0, sizeof v);
  v.data = data;
  v.len = len;
  v.name = name;
  v.trust = trust;
  v.arena = arena;
  bc_pdf_budget_init(&v.budget, len);
  v.budget.alloc = arena->alloc;
  if ((rc = open_revisions(&v, err)) ||
      (rc = find_signatures(&v, &fields, &nfields, err)) ||
      (rc = judge(out, &v, err)))
    goto cleanup;
  for (size_t i = 0; i < v.nrev; i++)
    if (v.rev[i] && (rc = bc_pdf_reader_check(v.rev[i], err)))
      goto cleanup;
  /* The document's signature fields in order, then removed signatures. */
  out->sigs = bc_arena_calloc(arena, nfields + v.nsigs + 1, sizeof *out->sigs);
  if (!out->sigs) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  for (size_t i = 0; i < nfields; i++) {
    bc_signature_report *r = &out->sigs[n];
    if (!fields[i].sig)
      continue;
    n++;
    if (!(r->field = bc_arena_strdup(arena, fields[i].name))) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    r->signer = r->signed_at = r->problem = r->subfilter = "";
    no_chain(r);
    if (!fields[i].value)
      continue;
    /* Its signature: the one whose value is this field's. */
    size_t clen = 0;
    const char *contents =
        bc_pdf_string(v.rev[v.nrev - 1],
                      bc_pdf_get(v.rev[v.nrev - 1], fields[i].value, "Contents"),
                      &clen);
    for (size_t k = 0; k < v.nsigs; k++)
      if (v.sigs[k].in_final && v.sigs[k].contents_len == clen &&
          contents && v.sigs[k].contents &&
          !memcmp(v.sigs[k].contents, contents, clen)) {
        const char *field_name = r->field;
        *r = v.sigs[k].rep;
        r->field = field_name;
      }
  }
  for (size_t k = 0; k < v.nsigs; k++)
    if (!v.sigs[k].in_final)
      out->sigs[n++] = v.sigs[k].rep;
  out->count = n;
  out->file_size = len;
  out->revisions = v.nrev;
  rc = bc_pdf_reader_check(v.rev[v.nrev - 1], err);
cleanup:
  for (size_t i = 0; v.rev && i < v.nrev; i++)
    bc_pdf_reader_free(v.rev[i]);
  return rc;
}

int bc_sign__check_bytes(const unsigned char *data,
                         size_t len,
                         const char *field,
                         bc_arena *arena,
                         bc_error *err) {
  bc_verification ver;
  int rc =
      bc_verify_bytes(&ver, data, len, bc_tr("the signed copy"), NULL, arena,
                      err);
  if (rc)
    return rc;
  for (size_t i = 0; i < ver.count; i++)
    if (!strcmp(ver.sigs[i].field, field)) {
      if (ver.sigs[i].is_signed && ver.sigs[i].intact &&
          ver.sigs[i].whole_file && ver.verdict == BC_VERDICT_SIGNED)
        return 0;
      return bc_error_set(err, BC_ERROR,
                          "the signed copy does not check out: %s",
                          *ver.reason ? ver.reason : ver.sigs[i].problem);
    }
  return bc_error_set(err, BC_ERROR, "the signed copy lost field '%s'", field);
}
