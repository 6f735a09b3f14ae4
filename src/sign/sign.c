/* sign/sign.c: signing an empty signature field of a PDF, baocao's or
 * another producer's: a key and certificate checked for use, a visible
 * appearance (text or image), and an incremental update holding the
 * signature dictionary, whose /Contents is a detached CMS (SHA-256) over
 * the whole file but itself.
 *
 * Design notes (byte-range layout):
 *  0. The input is read by pdf's reader (qpdf) and verified first: a file
 *     changed after an earlier signature is not signed again. Any producer
 *     will do; refused are what the reader refuses (damaged, encrypted),
 *     no such field, a field that is not a signature field or is signed.
 *  1. Output = input bytes, unchanged, then the update: new objects, the
 *     changed field, its widgets and AcroForm (or the catalog, when the
 *     AcroForm is direct in it), and a cross-reference section with
 *     /Prev: a classic table and trailer, or a cross-reference stream
 *     when the input's last section is one (a file re-saved with object
 *     streams). Objects rewritten must be of generation 0.
 *  2. /ByteRange [0 a b c] leaves out exactly the /Contents hex string,
 *     brackets included: bytes [a, b). It is written with fixed-width
 *     numbers first and patched in place, so no offset moves.
 *  3. /Contents is reserved from a trial signature's size, so a chain of
 *     certificates always fits.
 *  4. Before the file is written, the signature is verified again from the
 *     finished bytes (bc_verify_bytes's checks).
 *  5. A field is its own widget (merged), or has widgets as /Kids: then
 *     each kid gets the appearance, and a copy of /V as well, which poppler
 *     and MuPDF look for there; the appearance is the same form XObject,
 *     laid out for the first widget's box and scaled into the others'.
 */
#include "sign/sign.h"
#include "common/i18n.h"

#include "common/alloc.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/file.h"
#include "pdf/pdf.h"
#include "pdf/pdfread.h"
#include "sign/sign_int.h"

#include <math.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>

/* ---- finding the field ---- */

#define MAX_WIDGETS 16

typedef struct target {
  const char *name; /* the field's own /T, as verify names it */
  int field_num;
  bc_pdf_obj field;
  /* Where the appearance goes: the field itself when it is its own widget
   * (merged), else each of its /Kids. */
  int widget_num[MAX_WIDGETS];
  bc_pdf_obj widget[MAX_WIDGETS];
  size_t widgets;
  int form_num; /* 0: the AcroForm is inside the catalog */
  bc_pdf_obj form;
  int root_num;
  bc_pdf_obj root;
  double rect[4]; /* the first widget's */
} target;

/* An object this update rewrites must be indirect and of generation 0
 * (the update writes "N 0 obj"); what names it ("field", "a widget of
 * field", "the form holding field"). */
static int rewritable(bc_pdf_reader *r,
                      int num,
                      const char *what,
                      const char *field,
                      bc_error *err) {
  if (!num)
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: %s '%s' is not an indirect object",
                        bc_pdf_reader_name(r), what, field);
  bc_pdf_obj o = bc_pdf_object(r, num);
  bool gen0 = bc_pdf_kind_of(r, o) != BC_PDF_NULL;
  bc_pdf_release(r, o);
  if (!gen0)
    return bc_error_set(err, BC_EPDF,
                        "'%s' cannot be signed: %s '%s' (object %d) has a "
                        "generation number other than 0",
                        bc_pdf_reader_name(r), what, field, num);
  return bc_pdf_reader_check(r, err);
}

/* The field's fully qualified name (parent.child, ISO 32000-1 12.7.3.2). */
static const char *full_name(bc_pdf_reader *r,
                             bc_pdf_obj field,
                             const char *own,
                             bc_arena *arena) {
  const char *name = own;
  bc_pdf_obj p = bc_pdf_get(r, field, "Parent");
  for (int depth = 0; depth < 32 && bc_pdf_kind_of(r, p) == BC_PDF_DICT;
       depth++) {
    const char *t = bc_pdf_text(r, bc_pdf_get(r, p, "T"));
    if (t && *t) {
      size_t n = strlen(t) + 1 + strlen(name) + 1;
      char *s = bc_arena_alloc(arena, n);
      if (!s)
        return NULL;
      snprintf(s, n, "%s.%s", t, name);
      name = s;
    }
    p = bc_pdf_get(r, p, "Parent");
  }
  return name;
}

/* The widgets of the field: itself when it has no /Kids, else its kids
 * (widget annotations without /T; bc_pdf_fields lists a field with kids
 * that are fields as those fields). */
static int find_widgets(target *t, bc_pdf_reader *r, bc_error *err) {
  bc_pdf_obj kids = bc_pdf_get(r, t->field, "Kids");
  size_t n = bc_pdf_count(r, kids);
  int rc;
  if (bc_pdf_kind_of(r, kids) != BC_PDF_ARRAY || !n) {
    t->widget[0] = t->field;
    t->widget_num[0] = t->field_num;
    t->widgets = 1;
  } else if (n > MAX_WIDGETS) {
    return bc_error_set(err, BC_EPDF,
                        "'%s' cannot be signed: field '%s' has %zu widgets, "
                        "more than the %d baocao gives an appearance",
                        bc_pdf_reader_name(r), t->name, n, MAX_WIDGETS);
  } else {
    for (size_t i = 0; i < n; i++) {
      bc_pdf_obj w = bc_pdf_item(r, kids, i);
      int num = bc_pdf_id(r, w);
      bool seen = false;
      if ((rc = rewritable(r, num, bc_tr("a widget of field"), t->name, err)))
        return rc;
      for (size_t k = 0; k < t->widgets; k++)
        seen |= t->widget_num[k] == num;
      if (seen || num == t->field_num)
        continue; /* listed twice: rewritten once */
      t->widget[t->widgets] = w;
      t->widget_num[t->widgets++] = num;
    }
    if (!t->widgets)
      return bc_error_set(err, BC_EPDF, "field '%s' of '%s' has no /Rect",
                          t->name, bc_pdf_reader_name(r));
  }
  bc_pdf_obj rect = bc_pdf_get(r, t->widget[0], "Rect");
  if (bc_pdf_count(r, rect) != 4)
    return bc_error_set(err, BC_EPDF, "field '%s' of '%s' has no /Rect",
                        t->name, bc_pdf_reader_name(r));
  for (size_t k = 0; k < 4; k++)
    t->rect[k] = bc_pdf_number(r, bc_pdf_item(r, rect, k));
  return bc_pdf_reader_check(r, err);
}

/* The empty signature field named `name` (its own /T, or its fully
 * qualified name), its widgets, the form and the catalog. */
static int find_target(target *t,
                       bc_pdf_reader *r,
                       const char *name,
                       bc_arena *arena,
                       bc_error *err) {
  bc_pdf_field *fields;
  size_t n;
  bc_buf names;
  int rc;
  memset(t, 0, sizeof *t);
  t->root = bc_pdf_root(r);
  t->root_num = bc_pdf_id(r, t->root);
  t->form = bc_pdf_get(r, t->root, "AcroForm");
  t->form_num = bc_pdf_id(r, t->form);
  if ((rc = bc_pdf_fields(&fields, &n, r, arena, err)))
    return rc;
  if (!t->root_num)
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: /Root is not a reference",
                        bc_pdf_reader_name(r));
  if (bc_pdf_kind_of(r, t->form) != BC_PDF_DICT)
    n = 0;
  for (size_t i = 0; i < n; i++) {
    const char *full = full_name(r, fields[i].field, fields[i].name, arena);
    if (!full)
      return bc_error_oom(err);
    if (strcmp(fields[i].name, name) != 0 && strcmp(full, name) != 0)
      continue;
    t->name = fields[i].name;
    if (!fields[i].sig)
      return bc_error_set(err, BC_EPDF,
                          "field '%s' of '%s' is not a signature field", name,
                          bc_pdf_reader_name(r));
    if (bc_pdf_has(r, fields[i].field, "V"))
      return bc_error_set(err, BC_EPDF, "field '%s' of '%s' is already signed",
                          name, bc_pdf_reader_name(r));
    t->field_num = fields[i].id;
    t->field = fields[i].field;
    if ((rc = rewritable(r, t->field_num, bc_tr("field"), name, err)) ||
        (rc = rewritable(r, t->form_num ? t->form_num : t->root_num,
                         t->form_num ? bc_tr("the form holding field")
                                     : bc_tr("the catalog holding field"),
                         name, err)) ||
        (rc = find_widgets(t, r, err)))
      return rc;
    return bc_pdf_reader_check(r, err);
  }
  bc_buf_init(&names, arena->alloc);
  for (size_t i = 0; i < n; i++)
    if (fields[i].sig)
      bc_buf_printf(&names, "%s%s", names.len ? ", " : "", fields[i].name);
  if (!(rc = bc_buf_check(&names, err))) {
    if (names.len)
      rc = bc_error_set(err, BC_ENOTFOUND,
                        "'%s' has no signature field '%s' (it has: %s)",
                        bc_pdf_reader_name(r), name, names.data);
    else
      rc = bc_error_set(err, BC_ENOTFOUND,
                        "'%s' has no signature field '%s' (it has no "
                        "signature fields)",
                        bc_pdf_reader_name(r), name);
  }
  bc_buf_free(&names);
  return rc;
}

/* A file whose signatures do not check out, or that was changed after one
 * of them, is not signed again: a second signature would seem to vouch
 * for what the first signer never signed. */
static int check_signatures(const unsigned char *data,
                            size_t len,
                            const char *name,
                            bc_arena *arena,
                            bc_error *err) {
  bc_verification v;
  int rc = bc_verify_bytes(&v, data, len, name, NULL, arena, err);
  if (rc)
    return rc;
  if (v.verdict == BC_VERDICT_MODIFIED || v.verdict == BC_VERDICT_INVALID)
    return bc_error_set(err, BC_EVERIFY, "'%s' is not signed again: %s", name,
                        v.reason);
  return 0;
}

/* ---- the update ---- */

typedef struct update {
  bc_buf out; /* the whole output: input, then the update */
  long long num[8 + 4 + MAX_WIDGETS];
  size_t off[8 + 4 + MAX_WIDGETS];
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
  unsigned char *c;
  size_t clen;
  int rc = bc_pdf_deflate(&c, &clen, data, len, 9, arena, err);
  if (rc)
    return rc;
  begin_obj(u, num);
  bc_buf_printf(&u->out, "<< /Length %zu /Filter /FlateDecode %s >>\nstream\n",
                clen, extra ? extra : "");
  bc_buf_put(&u->out, c, clen);
  bc_buf_puts(&u->out, "\nendstream");
  end_obj(u);
  return 0;
}

/* A name in PDF syntax: delimiters and bytes outside ! .. ~ as #xx. */
static void write_name(bc_buf *out, const char *s) {
  bc_buf_putc(out, '/');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x21 || c > 0x7e || strchr("#()<>[]{}/%", c))
      bc_buf_printf(out, "#%02X", c);
    else
      bc_buf_putc(out, (char)c);
  }
}

/* A dictionary copied without some keys, then more entries. */
static void copy_dict(bc_buf *out,
                      bc_arena *arena,
                      bc_pdf_reader *r,
                      bc_pdf_obj d,
                      const char *const *drop,
                      size_t ndrop,
                      const char *extra) {
  size_t n;
  const char **keys = bc_pdf_keys(r, d, arena, &n);
  bc_buf_puts(out, "<<");
  for (size_t i = 0; i < n; i++) {
    bool skip = false;
    for (size_t k = 0; k < ndrop; k++)
      skip |= !strcmp(keys[i], drop[k]);
    if (skip)
      continue;
    bc_buf_putc(out, ' ');
    write_name(out, keys[i]);
    bc_buf_putc(out, ' ');
    bc_pdf_unparse(out, r, bc_pdf_get(r, d, keys[i]));
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

/* What the steps of bc_sign__pdf pass along. */
typedef struct sign_state {
  const bc_sign_request *req;
  bc_arena *arena;
  const bc_allocator *alloc;
  char *input;
  size_t input_len;
  bc_pdf_reader *rd;
  bc_pdf_budget budget;
  target t;
  bc_sign_key s;
  update u;
  bc_appearance ap;
  bc_cms_options cms;
  unsigned char *der;
  int der_len;
  long long next, n_sig, n_ap;
  size_t reserve, range_at, contents_at, contents_end;
  char when[64], when_pdf[64];
} sign_state;

/* 1. The input as it is, read and checked, its signer and target found. */
static int sign_input(sign_state *st, bc_error *err) {
  const bc_sign_request *req = st->req;
  int rc;
  /* A device, FIFO or link as the output fails before any work. */
  if ((rc = bc_file_check_output(req->output, err)))
    return rc;
  if ((rc = bc_file_read(&st->input, &st->input_len, req->input,
                         BC_SIGN_MAX_PDF, BC_EINPUT, st->alloc, err)))
    return rc;
  bc_pdf_budget_init(&st->budget, st->input_len);
  st->budget.alloc = st->alloc;
  if ((rc = bc_pdf_reader_open(&st->rd, (const unsigned char *)st->input,
                               st->input_len, req->input, &st->budget, err)) ||
      (rc = check_signatures((const unsigned char *)st->input, st->input_len,
                             req->input, st->arena, err)) ||
      (rc = find_target(&st->t, st->rd, req->field, st->arena, err)) ||
      (rc = bc_sign__signer_load(&st->s, req, err)))
    return rc;
  if (!bc_pdf_int(st->rd, bc_pdf_get(st->rd, bc_pdf_trailer(st->rd), "Size"),
                  &st->next) ||
      st->next <= 0 || st->next > 8000000)
    return bc_error_set(err, BC_EPDF, "'%s' is damaged: bad /Size",
                        req->input);
  iso_time(st->when, sizeof st->when, req->now, false);
  iso_time(st->when_pdf, sizeof st->when_pdf, req->now, true);

  bc_buf_put(&st->u.out, st->input, st->input_len);
  if (st->input_len && st->input[st->input_len - 1] != '\n')
    bc_buf_putc(&st->u.out, '\n');
  return 0;
}

/* 2. The appearance: text lines or an image, in the field's box. */
static int sign_appearance(sign_state *st,
                           const bc_fontset *fonts,
                           bc_shaper *shaper,
                           bc_error *err) {
  const target *t = &st->t;
  update *u = &st->u;
  bc_appearance *ap = &st->ap;
  int rc;
  double w = t->rect[2] - t->rect[0], h = t->rect[3] - t->rect[1];
  bc_ap_style style = !strcmp(t->name, "ky_co_quan")               ? BC_AP_SEAL
                      : !strcmp(t->name, "ky_nguoi_co_tham_quyen") ? BC_AP_SIGNER
                                                                   : BC_AP_PLAIN;
  /* A widget without area (an invisible signature) gets an empty
   * appearance: PDF/A wants one on every widget that can be seen. */
  if (fabs(w) < 1 || fabs(h) < 1) {
    memset(ap, 0, sizeof *ap);
    ap->content = (const unsigned char *)"";
    ap->resources = "<< >>";
  } else {
    bc_ap_request what = {st->req, st->s.cn, st->s.org, st->when,
                          style,   fabs(w),  fabs(h)};
    if ((rc = bc_sign__appearance(ap, &what, fonts, shaper, st->arena, err)))
      return rc;
  }
  st->n_ap = st->next++;
  long long font_base = st->next;
  st->next += ap->object_count;
  for (size_t i = 0; i < ap->object_count; i++) {
    const bc_ap_object *o = &ap->objects[i];
    if (o->stream) {
      bc_buf extra;
      bc_buf_init(&extra, st->alloc);
      bc_sign__refs(&extra, o->dict, font_base);
      rc = bc_buf_check(&extra, err);
      if (!rc)
        rc = stream_obj(u, font_base + (long long)i, o->stream, o->stream_len,
                        extra.data, st->arena, err);
      bc_buf_free(&extra);
      if (rc)
        return rc;
    } else {
      begin_obj(u, font_base + (long long)i);
      bc_sign__refs(&u->out, o->dict, font_base);
      end_obj(u);
    }
  }
  bc_buf extra;
  bc_buf_init(&extra, st->alloc);
  bc_buf_printf(&extra,
                "/Type /XObject /Subtype /Form /BBox [0 0 %.3f %.3f] "
                "/Resources ",
                fabs(w), fabs(h));
  bc_sign__refs(&extra, ap->resources, font_base);
  rc = bc_buf_check(&extra, err);
  if (!rc)
    rc = stream_obj(u, st->n_ap, ap->content, ap->content_len, extra.data,
                    st->arena, err);
  bc_buf_free(&extra);
  return rc;
}

/* 3. The signature dictionary, with placeholders (design notes 2, 3). */
static int sign_dictionary(sign_state *st, bc_error *err) {
  const bc_sign_request *req = st->req;
  update *u = &st->u;
  int rc;
  /* The trial signature carries a timestamp too when there is one, so the
   * room reserved holds the TSA's token and its chain. */
  st->cms = (bc_cms_options){req->cades, req->tsa_url, req->tsa_timeout_s};
  if ((rc = bc_sign__cms(&st->der, &st->der_len, &st->s,
                         (const unsigned char *)"x", 1, &st->cms, err)))
    return rc;
  st->reserve = ((size_t)st->der_len + 2048) * 2;
  OPENSSL_free(st->der);
  st->der = NULL;
  st->n_sig = st->next++;
  begin_obj(u, st->n_sig);
  bc_buf_printf(&u->out,
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /%s "
                "/Name <FEFF",
                req->cades ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached");
  bc_utf16_hex(&u->out, st->s.cn, strlen(st->s.cn));
  bc_buf_printf(&u->out, "> /M (%s)", st->when_pdf);
  if (req->reason && req->reason[0]) {
    bc_buf_puts(&u->out, " /Reason <FEFF");
    bc_utf16_hex(&u->out, req->reason, strlen(req->reason));
    bc_buf_putc(&u->out, '>');
  }
  bc_buf_puts(&u->out, " /ByteRange [0 ");
  st->range_at = u->out.len;
  bc_buf_puts(&u->out, "0000000000 0000000000 0000000000] /Contents ");
  st->contents_at = u->out.len;
  bc_buf_putc(&u->out, '<');
  for (size_t i = 0; i < st->reserve; i++)
    bc_buf_putc(&u->out, '0');
  bc_buf_puts(&u->out, "> >>");
  st->contents_end = u->out.len - 4; /* the closing > of the hex string */
  end_obj(u);
  return 0;
}

/* 4. The field with its value, its widgets with the appearance (the
 * field itself when merged), the AcroForm's flags. */
static int sign_field(sign_state *st, bc_error *err) {
  static const char *const field_drop[] = {"V", "AP", "M"};
  static const char *const form_drop[] = {"SigFlags"};
  const target *t = &st->t;
  update *u = &st->u;
  bc_arena *arena = st->arena;
  int rc;
  char extra[160];
  bool merged = t->widget_num[0] == t->field_num;
  snprintf(extra, sizeof extra, "/V %lld 0 R /M (%s)", st->n_sig,
           st->when_pdf);
  if (merged)
    snprintf(extra + strlen(extra), sizeof extra - strlen(extra),
             " /AP << /N %lld 0 R >>", st->n_ap);
  begin_obj(u, t->field_num);
  copy_dict(&u->out, arena, st->rd, t->field, field_drop, 3, extra);
  end_obj(u);
  /* /V belongs to the field; a copy on each widget is for the verifiers
   * that look for it there (poppler 22 and MuPDF 1.21 find no signature,
   * or a broken one, on a field whose widgets are its kids), and
   * conforming readers ignore it (design note 5). */
  snprintf(extra, sizeof extra, "/AP << /N %lld 0 R >> /V %lld 0 R", st->n_ap,
           st->n_sig);
  for (size_t i = 0; i < t->widgets && !merged; i++) {
    begin_obj(u, t->widget_num[i]);
    copy_dict(&u->out, arena, st->rd, t->widget[i], field_drop, 2, extra);
    end_obj(u);
  }
  if (t->form_num) {
    begin_obj(u, t->form_num);
    copy_dict(&u->out, arena, st->rd, t->form, form_drop, 1, "/SigFlags 3");
    end_obj(u);
    return 0;
  }
  static const char *const root_drop[] = {"AcroForm"};
  bc_buf form;
  bc_buf_init(&form, st->alloc);
  bc_buf_puts(&form, "/AcroForm ");
  copy_dict(&form, arena, st->rd, t->form, form_drop, 1, "/SigFlags 3");
  rc = bc_buf_check(&form, err);
  if (!rc) {
    begin_obj(u, t->root_num);
    copy_dict(&u->out, arena, st->rd, t->root, root_drop, 1, form.data);
    end_obj(u);
  }
  bc_buf_free(&form);
  return rc;
}

/* 5. Cross-reference section and trailer (design note 1), objects in
 * increasing number: a table, or a stream when the input's last section
 * is one (ISO 32000-1 7.5.8.4: an update goes on the way the file
 * began). */
static int sign_xref(sign_state *st, bc_error *err) {
  update *u = &st->u;
  bc_pdf_reader *rd = st->rd;
  int rc;
  size_t xref_at = u->out.len;
  long long xref_num = 0;
  if (bc_pdf_reader_xref_is_stream(rd)) {
    xref_num = st->next++;
    u->num[u->n] = xref_num;
    u->off[u->n++] = xref_at;
  }
  for (size_t i = 1; i < u->n; i++)
    for (size_t j = i; j > 0 && u->num[j - 1] > u->num[j]; j--) {
      long long tn = u->num[j];
      size_t to = u->off[j];
      u->num[j] = u->num[j - 1];
      u->off[j] = u->off[j - 1];
      u->num[j - 1] = tn;
      u->off[j - 1] = to;
    }
  bc_buf index, rows;
  bc_buf_init(&index, st->alloc);
  bc_buf_init(&rows, st->alloc);
  if (!xref_num)
    bc_buf_puts(&u->out, "xref\n");
  for (size_t i = 0; i < u->n;) {
    size_t j = i;
    while (j + 1 < u->n && u->num[j + 1] == u->num[j] + 1)
      j++;
    if (xref_num) {
      bc_buf_printf(&index, "%s%lld %zu", i ? " " : "", u->num[i], j - i + 1);
      for (size_t k = i; k <= j; k++) {
        unsigned char row[7] = {1,
                                (unsigned char)(u->off[k] >> 24),
                                (unsigned char)(u->off[k] >> 16),
                                (unsigned char)(u->off[k] >> 8),
                                (unsigned char)u->off[k],
                                0,
                                0};
        bc_buf_put(&rows, row, sizeof row);
      }
    } else {
      bc_buf_printf(&u->out, "%lld %zu\n", u->num[i], j - i + 1);
      for (size_t k = i; k <= j; k++)
        bc_buf_printf(&u->out, "%010zu 00000 n \n", u->off[k]);
    }
    i = j + 1;
  }
  if (xref_num)
    bc_buf_printf(&u->out,
                  "%lld 0 obj\n<< /Type /XRef /W [1 4 2] /Index [%s] "
                  "/Length %zu /Size %lld /Root %d 0 R",
                  xref_num, index.data ? index.data : "", rows.len, st->next,
                  st->t.root_num);
  else
    bc_buf_printf(&u->out, "trailer\n<< /Size %lld /Root %d 0 R", st->next,
                  st->t.root_num);
  bc_pdf_obj trailer = bc_pdf_trailer(rd);
  if (bc_pdf_has(rd, trailer, "Info")) {
    bc_buf_puts(&u->out, " /Info ");
    bc_pdf_unparse(&u->out, rd, bc_pdf_get(rd, trailer, "Info"));
  }
  if (bc_pdf_has(rd, trailer, "ID")) {
    bc_buf_puts(&u->out, " /ID ");
    bc_pdf_unparse(&u->out, rd, bc_pdf_get(rd, trailer, "ID"));
  }
  bc_buf_printf(&u->out, " /Prev %zu >>\n", bc_pdf_reader_startxref(rd));
  if (xref_num) {
    bc_buf_puts(&u->out, "stream\n");
    bc_buf_put(&u->out, rows.data, rows.len);
    bc_buf_puts(&u->out, "\nendstream\nendobj\n");
  }
  bc_buf_printf(&u->out, "startxref\n%zu\n%%%%EOF\n", xref_at);
  if (!(rc = bc_buf_check(&index, err)) && !(rc = bc_buf_check(&rows, err)))
    rc = bc_pdf_reader_check(rd, err);
  bc_buf_free(&index);
  bc_buf_free(&rows);
  if (rc)
    return rc;
  return bc_buf_check(&u->out, err);
}

/* 6. Byte ranges, the signature, and a check of the result, written. */
static int sign_bytes(sign_state *st, bc_error *err) {
  update *u = &st->u;
  int rc;
  size_t a = st->contents_at, b = st->contents_end + 1, c = u->out.len - b;
  char nums[40];
  snprintf(nums, sizeof nums, "%010zu %010zu %010zu", a, b, c);
  memcpy(u->out.data + st->range_at, nums, 32);
  unsigned char *signed_bytes = bc_arena_alloc(st->arena, a + c);
  if (!signed_bytes)
    return bc_error_oom(err);
  memcpy(signed_bytes, u->out.data, a);
  memcpy(signed_bytes + a, u->out.data + b, c);
  if ((rc = bc_sign__cms(&st->der, &st->der_len, &st->s, signed_bytes, a + c,
                         &st->cms, err)))
    return rc;
  if ((size_t)st->der_len * 2 > st->reserve)
    return bc_error_set(err, BC_ECERT,
                        "the signature (%d bytes) is larger than the room "
                        "reserved for it",
                        st->der_len);
  for (int i = 0; i < st->der_len; i++) {
    static const char hex[] = "0123456789ABCDEF";
    u->out.data[st->contents_at + 1 + 2 * i] = hex[st->der[i] >> 4];
    u->out.data[st->contents_at + 2 + 2 * i] = hex[st->der[i] & 15];
  }
  if ((rc = bc_sign__check_bytes((const unsigned char *)u->out.data,
                                 u->out.len, st->t.name, st->arena, err)))
    return rc;
  return bc_file_write_atomic(st->req->output, u->out.data, u->out.len,
                              st->req->sink, err);
}

int bc_sign__pdf(const bc_sign_request *req,
                 const bc_fontset *fonts,
                 bc_shaper *shaper,
                 bc_arena *arena,
                 bc_error *err) {
  sign_state state, *st = &state;
  int rc;
  memset(st, 0, sizeof *st);
  st->req = req;
  st->arena = arena;
  st->alloc = arena->alloc;
  bc_buf_init(&st->u.out, st->alloc);
  if (!(rc = sign_input(st, err)) &&
      !(rc = sign_appearance(st, fonts, shaper, err)) &&
      !(rc = sign_dictionary(st, err)) && !(rc = sign_field(st, err)) &&
      !(rc = sign_xref(st, err)))
    rc = sign_bytes(st, err);
  bc_pdf_reader_free(st->rd);
  OPENSSL_free(st->der);
  bc_sign__signer_free(&st->s);
  bc_buf_free(&st->u.out);
  bc_free(st->alloc, st->input);
  return rc;
}
