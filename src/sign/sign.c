/* sign/sign.c: signing a signature field of a baocao PDF: a PKCS#12 key
 * and certificate checked for use, a visible appearance (text or image),
 * and an incremental update holding the signature dictionary, whose
 * /Contents is a detached CMS (SHA-256) over the whole file but itself.
 *
 * Design notes (byte-range layout):
 *  1. Output = input bytes, unchanged, then the update: new objects, the
 *     changed field and AcroForm, an xref section and a trailer with /Prev.
 *  2. /ByteRange [0 a b c] leaves out exactly the /Contents hex string,
 *     brackets included: bytes [a, b). It is written with fixed-width
 *     numbers first and patched in place, so no offset moves.
 *  3. /Contents is reserved from a trial signature's size, so a chain of
 *     certificates always fits.
 *  4. Before the file is written, the signature is verified again from the
 *     finished bytes (bc_verify_pdf's checks).
 */
#include "sign/sign.h"

#include "common/alloc.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/file.h"
#include "pdf/pdf.h"
#include "sign/pdfread.h"
#include "sign/sign_int.h"

#include <math.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#define MAX_PDF ((size_t)512 << 20)

/* ---- finding the field ---- */

typedef struct target {
  long long field_num;
  const pdf_value *field;
  long long form_num; /* 0: the AcroForm is inside the catalog */
  const pdf_value *form;
  long long root_num;
  const pdf_value *root;
  double rect[4];
} target;

int bc_sign__fields(const pdf_value **fields_out,
                    long long *form_num,
                    const pdf_value **form_out,
                    long long *root_num,
                    const pdf_value **root_out,
                    pdf_file *f,
                    bc_error *err) {
  const pdf_value *root_ref = pdf_get(&f->trailer, "Root"), *root, *form,
                  *fields;
  int rc;
  if (root_ref->kind != PDF_REF)
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: /Root is not a reference", f->name);
  if ((rc = pdf_resolve(&root, f, root_ref, err)))
    return rc;
  form = pdf_get(root, "AcroForm");
  *form_num = form && form->kind == PDF_REF ? form->i : 0;
  if (form && (rc = pdf_resolve(&form, f, form, err)))
    return rc;
  fields = pdf_get(form, "Fields");
  if (fields && (rc = pdf_resolve(&fields, f, fields, err)))
    return rc;
  if (!fields || fields->kind != PDF_ARRAY)
    return bc_error_set(err, BC_ENOTFOUND, "'%s' has no signature fields",
                        f->name);
  *fields_out = fields;
  *form_out = form;
  *root_num = root_ref->i;
  *root_out = root;
  return 0;
}

/* The names of the signature fields, for the "no such field" message. */
static int field_names(bc_buf *names,
                       pdf_file *f,
                       const pdf_value *fields,
                       bc_error *err) {
  int rc;
  for (size_t i = 0; i < fields->count; i++) {
    const pdf_value *fv, *title;
    if ((rc = pdf_resolve(&fv, f, &fields->items[i], err)))
      return rc;
    title = pdf_get(fv, "T");
    if (title && title->kind == PDF_STRING)
      bc_buf_printf(names, "%s%s", names->len ? ", " : "", title->s);
  }
  return bc_buf_check(names, err);
}

static int find_target(
    target *t, pdf_file *f, const char *name, bc_arena *arena, bc_error *err) {
  const pdf_value *fields;
  bc_buf names;
  int rc;
  memset(t, 0, sizeof *t);
  if ((rc = bc_sign__fields(&fields, &t->form_num, &t->form, &t->root_num,
                            &t->root, f, err)))
    return rc;
  for (size_t i = 0; i < fields->count; i++) {
    const pdf_value *fv, *title, *rect;
    if (fields->items[i].kind != PDF_REF)
      continue;
    if ((rc = pdf_resolve(&fv, f, &fields->items[i], err)))
      return rc;
    title = pdf_get(fv, "T");
    if (!title || title->kind != PDF_STRING || strcmp(title->s, name) != 0)
      continue;
    if (!pdf_is_name(pdf_get(fv, "FT"), "Sig"))
      return bc_error_set(err, BC_EPDF,
                          "field '%s' of '%s' is not a signature field", name,
                          f->name);
    if (pdf_get(fv, "V"))
      return bc_error_set(err, BC_EPDF, "field '%s' of '%s' is already signed",
                          name, f->name);
    rect = pdf_get(fv, "Rect");
    if (!rect || rect->kind != PDF_ARRAY || rect->count != 4)
      return bc_error_set(err, BC_EPDF, "field '%s' of '%s' has no /Rect", name,
                          f->name);
    for (int k = 0; k < 4; k++)
      t->rect[k] = rect->items[k].kind == PDF_REAL ? rect->items[k].r
                                                   : (double)rect->items[k].i;
    t->field_num = fields->items[i].i;
    t->field = fv;
    return 0;
  }
  bc_buf_init(&names, arena->alloc);
  if (!(rc = field_names(&names, f, fields, err)))
    rc = bc_error_set(err, BC_ENOTFOUND,
                      "'%s' has no signature field '%s' (it has: %s)", f->name,
                      name, names.len ? names.data : "none");
  bc_buf_free(&names);
  return rc;
}

static int check_creator(pdf_file *f, bc_error *err) {
  const pdf_value *info = pdf_get(&f->trailer, "Info"), *creator;
  int rc;
  if (info && (rc = pdf_resolve(&info, f, info, err)))
    return rc;
  creator = pdf_get(info, "Creator");
  if (!creator || creator->kind != PDF_STRING || strcmp(creator->s, "baocao"))
    return bc_error_set(
        err, BC_EPDF, "'%s' was not made by baocao (its Creator is '%s')",
        f->name, creator && creator->kind == PDF_STRING ? creator->s : "");
  return 0;
}

/* ---- the update ---- */

typedef struct update {
  bc_buf out; /* the whole output: input, then the update */
  long long num[16];
  size_t off[16];
  size_t n;
} update;

static void begin_obj(update *u, long long num) {
  u->num[u->n] = num;
  u->off[u->n] = u->out.len;
  u->n++;
  bc_buf_printf(&u->out, "%lld 0 obj\n", num);
}

static void end_obj(update *u) {
  bc_buf_puts(&u->out, "\nendobj\n");
}

/* A stream object, Flate-compressed; extra goes into its dictionary. */
static int stream_obj(update *u,
                      long long num,
                      const void *data,
                      size_t len,
                      const char *extra,
                      bc_arena *arena,
                      bc_error *err) {
  uLongf clen = compressBound((uLong)len);
  unsigned char *c = bc_arena_alloc(arena, clen ? clen : 1);
  if (!c)
    return bc_error_oom(err);
  if (compress2(c, &clen, data, (uLong)len, 9) != Z_OK)
    return bc_error_oom(err);
  begin_obj(u, num);
  bc_buf_printf(&u->out, "<< /Length %lu /Filter /FlateDecode %s >>\nstream\n",
                (unsigned long)clen, extra ? extra : "");
  bc_buf_put(&u->out, c, clen);
  bc_buf_puts(&u->out, "\nendstream");
  end_obj(u);
  return 0;
}

/* A dictionary copied without some keys, then more entries. */
static void copy_dict(bc_buf *out,
                      const pdf_value *d,
                      const char *const *drop,
                      size_t ndrop,
                      const char *extra) {
  bc_buf_puts(out, "<<");
  for (size_t i = 0; i + 1 < d->count; i += 2) {
    bool skip = false;
    for (size_t k = 0; k < ndrop; k++)
      skip |= !strcmp(d->items[i].s, drop[k]);
    if (skip)
      continue;
    bc_buf_putc(out, ' ');
    pdf_write_value(out, &d->items[i]);
    bc_buf_putc(out, ' ');
    pdf_write_value(out, &d->items[i + 1]);
  }
  bc_buf_printf(out, " %s >>", extra);
}

static void iso_time(char *buf, size_t size, time_t t, bool pdf_date) {
  struct tm tm;
  time_t local = t + 7 * 3600; /* Vietnam: UTC+7, no daylight saving */
  gmtime_r(&local, &tm);
  strftime(buf, size,
           pdf_date ? "D:%Y%m%d%H%M%S+07'00'" : "%Y-%m-%dT%H:%M:%S+07:00", &tm);
}

int bc_sign_pdf(const bc_sign_request *req,
                const bc_fontset *fonts,
                bc_shaper *shaper,
                bc_arena *arena,
                bc_error *err) {
  char *input = NULL;
  size_t input_len = 0;
  pdf_file f;
  target t;
  bc_sign_key s;
  update u;
  bc_appearance ap;
  unsigned char *der = NULL;
  int der_len = 0, rc;
  long long next, n_sig, n_ap;
  char when[64], when_pdf[64];
  const bc_allocator *alloc = arena->alloc;

  memset(&s, 0, sizeof s);
  memset(&u, 0, sizeof u);
  bc_buf_init(&u.out, alloc);
  if ((rc = bc_file_read(&input, &input_len, req->input, MAX_PDF, BC_EINPUT,
                         alloc, err)))
    return rc;
  if ((rc = pdf_open(&f, (const unsigned char *)input, input_len, req->input,
                     arena, err)) ||
      (rc = check_creator(&f, err)) ||
      (rc = find_target(&t, &f, req->field, arena, err)) ||
      (rc = bc_sign__signer_load(&s, req, err)))
    goto cleanup;
  const pdf_value *size = pdf_get(&f.trailer, "Size");
  if (!size || size->kind != PDF_INT || size->i <= 0 || size->i > 8000000) {
    rc = bc_error_set(err, BC_EPDF, "'%s' is damaged: bad /Size", req->input);
    goto cleanup;
  }
  next = size->i;
  iso_time(when, sizeof when, req->now, false);
  iso_time(when_pdf, sizeof when_pdf, req->now, true);

  /* 1. The input as it is. */
  bc_buf_put(&u.out, input, input_len);
  if (input_len && input[input_len - 1] != '\n')
    bc_buf_putc(&u.out, '\n');

  /* 2. The appearance: text lines or an image, in the field's box. */
  double w = t.rect[2] - t.rect[0], h = t.rect[3] - t.rect[1];
  bool seal = !strcmp(req->field, "ky_co_quan");
  if ((rc = bc_sign__appearance(&ap, req, &s.cn[0], s.org, when, seal, fabs(w),
                                fabs(h), fonts, shaper, arena, err)))
    goto cleanup;
  n_ap = next++;
  long long font_base = next;
  next += ap.object_count;
  for (size_t i = 0; i < ap.object_count; i++) {
    const bc_ap_object *o = &ap.objects[i];
    if (o->stream) {
      bc_buf extra;
      bc_buf_init(&extra, alloc);
      bc_sign__refs(&extra, o->dict, font_base);
      rc = bc_buf_check(&extra, err);
      if (!rc)
        rc = stream_obj(&u, font_base + (long long)i, o->stream, o->stream_len,
                        extra.data, arena, err);
      bc_buf_free(&extra);
      if (rc)
        goto cleanup;
    } else {
      begin_obj(&u, font_base + (long long)i);
      bc_sign__refs(&u.out, o->dict, font_base);
      end_obj(&u);
    }
  }
  {
    bc_buf extra;
    bc_buf_init(&extra, alloc);
    bc_buf_printf(&extra,
                  "/Type /XObject /Subtype /Form /BBox [0 0 %.3f %.3f] "
                  "/Resources ",
                  fabs(w), fabs(h));
    bc_sign__refs(&extra, ap.resources, font_base);
    rc = bc_buf_check(&extra, err);
    if (!rc)
      rc = stream_obj(&u, n_ap, ap.content, ap.content_len, extra.data, arena,
                      err);
    bc_buf_free(&extra);
    if (rc)
      goto cleanup;
  }

  /* 3. The signature dictionary, with placeholders (design notes 2, 3). */
  /* The trial signature carries a timestamp too when there is one, so the
   * room reserved holds the TSA's token and its chain. */
  bc_cms_options cms = {req->cades, req->tsa_url, req->tsa_timeout_s};
  if ((rc = bc_sign__cms(&der, &der_len, &s, (const unsigned char *)"x", 1,
                         &cms, err)))
    goto cleanup;
  size_t reserve = ((size_t)der_len + 2048) * 2;
  OPENSSL_free(der);
  der = NULL;
  n_sig = next++;
  begin_obj(&u, n_sig);
  bc_buf_printf(&u.out,
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /%s "
                "/Name <FEFF",
                req->cades ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached");
  bc_utf16_hex(&u.out, s.cn, strlen(s.cn));
  bc_buf_printf(&u.out, "> /M (%s)", when_pdf);
  if (req->reason && req->reason[0]) {
    bc_buf_puts(&u.out, " /Reason <FEFF");
    bc_utf16_hex(&u.out, req->reason, strlen(req->reason));
    bc_buf_putc(&u.out, '>');
  }
  bc_buf_puts(&u.out, " /ByteRange [0 ");
  size_t range_at = u.out.len;
  bc_buf_puts(&u.out, "0000000000 0000000000 0000000000] /Contents ");
  size_t contents_at = u.out.len;
  bc_buf_putc(&u.out, '<');
  for (size_t i = 0; i < reserve; i++)
    bc_buf_putc(&u.out, '0');
  bc_buf_puts(&u.out, "> >>");
  size_t contents_end = u.out.len - 4; /* the closing > of the hex string */
  end_obj(&u);

  /* 4. The field with its value and appearance; the AcroForm flags. */
  {
    static const char *const field_drop[] = {"V", "AP", "M"};
    char extra[160];
    snprintf(extra, sizeof extra, "/V %lld 0 R /AP << /N %lld 0 R >> /M (%s)",
             n_sig, n_ap, when_pdf);
    begin_obj(&u, t.field_num);
    copy_dict(&u.out, t.field, field_drop, 3, extra);
    end_obj(&u);
    static const char *const form_drop[] = {"SigFlags"};
    if (t.form_num) {
      begin_obj(&u, t.form_num);
      copy_dict(&u.out, t.form, form_drop, 1, "/SigFlags 3");
      end_obj(&u);
    } else {
      static const char *const root_drop[] = {"AcroForm"};
      bc_buf form;
      bc_buf_init(&form, alloc);
      bc_buf_puts(&form, "/AcroForm ");
      copy_dict(&form, t.form, form_drop, 1, "/SigFlags 3");
      rc = bc_buf_check(&form, err);
      if (!rc) {
        begin_obj(&u, t.root_num);
        copy_dict(&u.out, t.root, root_drop, 1, form.data);
        end_obj(&u);
      }
      bc_buf_free(&form);
      if (rc)
        goto cleanup;
    }
  }

  /* 5. Cross-reference section and trailer (design note 1), objects in
   * increasing number. */
  for (size_t i = 1; i < u.n; i++)
    for (size_t j = i; j > 0 && u.num[j - 1] > u.num[j]; j--) {
      long long tn = u.num[j];
      size_t to = u.off[j];
      u.num[j] = u.num[j - 1];
      u.off[j] = u.off[j - 1];
      u.num[j - 1] = tn;
      u.off[j - 1] = to;
    }
  size_t xref_at = u.out.len;
  bc_buf_puts(&u.out, "xref\n");
  for (size_t i = 0; i < u.n;) {
    size_t j = i;
    long long first = u.num[i];
    bc_buf_printf(&u.out, "%lld ", first);
    while (j + 1 < u.n && u.num[j + 1] == u.num[j] + 1)
      j++;
    bc_buf_printf(&u.out, "%zu\n", j - i + 1);
    for (size_t k = i; k <= j; k++)
      bc_buf_printf(&u.out, "%010zu 00000 n \n", u.off[k]);
    i = j + 1;
  }
  bc_buf_printf(&u.out, "trailer\n<< /Size %lld /Root %lld 0 R", next,
                t.root_num);
  const pdf_value *info = pdf_get(&f.trailer, "Info"),
                  *id = pdf_get(&f.trailer, "ID");
  if (info) {
    bc_buf_puts(&u.out, " /Info ");
    pdf_write_value(&u.out, info);
  }
  if (id) {
    bc_buf_puts(&u.out, " /ID ");
    pdf_write_value(&u.out, id);
  }
  bc_buf_printf(&u.out, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n", f.last_xref,
                xref_at);
  if ((rc = bc_buf_check(&u.out, err)))
    goto cleanup;

  /* 6. Byte ranges, the signature, and a check of the result. */
  {
    size_t a = contents_at, b = contents_end + 1, c = u.out.len - b;
    char nums[40];
    snprintf(nums, sizeof nums, "%010zu %010zu %010zu", a, b, c);
    memcpy(u.out.data + range_at, nums, 32);
    unsigned char *signed_bytes = bc_arena_alloc(arena, a + c);
    if (!signed_bytes) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    memcpy(signed_bytes, u.out.data, a);
    memcpy(signed_bytes + a, u.out.data + b, c);
    if ((rc = bc_sign__cms(&der, &der_len, &s, signed_bytes, a + c, &cms,
                           err)))
      goto cleanup;
    if ((size_t)der_len * 2 > reserve) {
      rc = bc_error_set(err, BC_ECERT,
                        "the signature (%d bytes) is larger than the room "
                        "reserved for it",
                        der_len);
      goto cleanup;
    }
    for (int i = 0; i < der_len; i++) {
      static const char hex[] = "0123456789ABCDEF";
      u.out.data[contents_at + 1 + 2 * i] = hex[der[i] >> 4];
      u.out.data[contents_at + 2 + 2 * i] = hex[der[i] & 15];
    }
  }
  if ((rc = bc_sign__check_bytes((const unsigned char *)u.out.data, u.out.len,
                                 req->field, arena, err)) ||
      (rc =
           bc_file_write_atomic(req->output, u.out.data, u.out.len, NULL, err)))
    goto cleanup;
cleanup:
  OPENSSL_free(der);
  bc_sign__signer_free(&s);
  bc_buf_free(&u.out);
  bc_free(alloc, input);
  return rc;
}
