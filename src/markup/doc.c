/* markup/doc.c: words the Decree 30 frame from the model: "Số: …/BC-…" and
 * "<địa danh>, ngày … tháng … năm …" with blanks kept while the number or
 * date is not set, Nơi nhận lines, the signer's lines, the phụ lục
 * headings. */
#include "markup/markup.h"

#include "common/buf.h"
#include "common/error.h"
#include "common/utf8.h"

#include <stdio.h>
#include <string.h>

/* What the văn thư fills in by hand: enough room for "05" or "128". */
#define BLANK_NUMBER "        "
#define BLANK_DAY "      "

static int
arena_copy(const char **out, bc_buf *b, bc_arena *arena, bc_error *err) {
  int rc = bc_buf_check(b, err);
  if (rc)
    return rc;
  return bc_utf8_nfc(out, &(size_t){0}, b->data ? b->data : "", b->len, arena,
                     err);
}

/* "05/BC-STTTT", or blanks before the slash while no number is set. */
static void
put_number(bc_buf *b, const bc_report_model *m, const char *type_abbrev) {
  if (m->number > 0)
    bc_buf_printf(b, "%02d", m->number);
  else
    bc_buf_puts(b, BLANK_NUMBER);
  bc_buf_printf(b, "/%s-%s", type_abbrev,
                m->agency.symbol ? m->agency.symbol : "");
}

/* "ngày 05 tháng 01 năm 2024" with the Decree 30 padding, blanks for what
 * is not set yet. */
static void put_date(bc_buf *b, bc_date t) {
  bc_buf_puts(b, "ngày ");
  if (t.day > 0)
    bc_buf_printf(b, "%02d", t.day);
  else
    bc_buf_puts(b, BLANK_DAY);
  bc_buf_puts(b, " tháng ");
  if (t.month > 0)
    bc_buf_printf(b, t.month < 3 ? "%02d" : "%d", t.month);
  else
    bc_buf_puts(b, BLANK_DAY);
  bc_buf_puts(b, " năm ");
  if (t.year > 0)
    bc_buf_printf(b, "%d", t.year);
  else
    bc_buf_puts(b, BLANK_DAY);
}

static int number_line(bc_doc *d,
                       const bc_report_model *m,
                       const char *type_abbrev,
                       bc_buf *b,
                       bc_arena *arena,
                       bc_error *err) {
  bc_buf_reset(b);
  bc_buf_puts(b, m->number > 0 ? "Số: " : "Số:");
  put_number(b, m, type_abbrev);
  return arena_copy(&d->number_line, b, arena, err);
}

static int place_date(bc_doc *d,
                      const bc_report_model *m,
                      bc_buf *b,
                      bc_arena *arena,
                      bc_error *err) {
  bc_buf_reset(b);
  bc_buf_printf(b, "%s, ", m->agency.place ? m->agency.place : "");
  put_date(b, m->issued_on);
  return arena_copy(&d->place_date, b, arena, err);
}

/*
 * The phụ lục: "Phụ lục" (numbered I, II, ... when there are several),
 * the title in capitals, "(Kèm theo Báo cáo số …/BC-… ngày … của …)" and
 * the body, each from its own expansion.
 */
static int appendices(bc_doc *d,
                      const bc_report_model *m,
                      const bc_expansion *e,
                      const char *doc_type,
                      const char *type_abbrev,
                      bc_buf *b,
                      bc_arena *arena,
                      bc_error *err) {
  bc_appendix *list;
  int rc;
  if (!e->appendix_count)
    return 0;
  list = bc_arena_calloc(arena, e->appendix_count, sizeof *list);
  if (!list)
    return bc_error_oom(err);
  for (size_t i = 0; i < e->appendix_count; i++) {
    const bc_expansion *a = &e->appendices[i];
    const char *title = bc_expansion_meta(a, "tieu_de");
    const char *dir = bc_expansion_meta(a, "huong");
    const char *md;
    size_t md_len;
    bc_block *blocks;
    size_t nblocks;

    bc_buf_reset(b);
    bc_buf_puts(b, "Phụ lục");
    if (e->appendix_count > 1)
      bc_buf_printf(b, " %s", bc_roman((int)i + 1));
    if ((rc = arena_copy(&list[i].label, b, arena, err)))
      return rc;
    bc_buf_reset(b);
    bc_utf8_upper(b, title ? title : "", title ? strlen(title) : 0, false);
    if ((rc = arena_copy(&list[i].title, b, arena, err)))
      return rc;
    bc_buf_reset(b);
    bc_buf_puts(b, "(Kèm theo ");
    bc_utf8_sentence(b, doc_type, strlen(doc_type));
    bc_buf_puts(b, " số ");
    put_number(b, m, type_abbrev);
    bc_buf_putc(b, ' ');
    put_date(b, m->issued_on);
    bc_buf_printf(b, " của %s)",
                  m->agency.full_name ? m->agency.full_name : "");
    if ((rc = arena_copy(&list[i].reference, b, arena, err)))
      return rc;
    list[i].landscape = dir && !strcmp(dir, "ngang");
    if ((rc = bc_utf8_nfc(&md, &md_len, a->markdown, a->markdown_len, arena,
                          err)) ||
        (rc = bc_markup_parse(&blocks, &nblocks, md, md_len, arena, err)))
      return rc;
    list[i].blocks = blocks;
    list[i].block_count = nblocks;
  }
  d->appendices = list;
  d->appendix_count = e->appendix_count;
  return 0;
}

static int recipients(bc_doc *d,
                      const bc_report_model *m,
                      bc_buf *b,
                      bc_arena *arena,
                      bc_error *err) {
  size_t n = m->recipient_count + 1;
  const char **lines = bc_arena_calloc(arena, n, sizeof *lines);
  int rc;
  if (!lines)
    return bc_error_oom(err);
  for (size_t i = 0; i < m->recipient_count; i++) {
    bc_buf_reset(b);
    bc_buf_printf(b, "- %s;", m->recipients[i]);
    if ((rc = arena_copy(&lines[i], b, arena, err)))
      return rc;
  }
  bc_buf_reset(b);
  if (m->archive_unit && m->archive_unit[0])
    bc_buf_printf(b, "- Lưu: VT, %s.", m->archive_unit);
  else
    bc_buf_puts(b, "- Lưu: VT.");
  if ((rc = arena_copy(&lines[n - 1], b, arena, err)))
    return rc;
  d->recipients = lines;
  d->recipient_count = n;
  return 0;
}

static int
signer(bc_doc *d, const bc_report_model *m, bc_arena *arena, bc_error *err) {
  const char *auth = m->signer.authority ? m->signer.authority : "";
  size_t n = 1;
  for (const char *p = auth; *p; p++)
    n += *p == '\n';
  const char **lines = bc_arena_calloc(arena, n + 1, sizeof *lines);
  size_t k = 0;
  if (!lines)
    return bc_error_oom(err);
  for (const char *p = auth; *auth;) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\r'))
      len--;
    if (len && !(lines[k++] = bc_arena_strndup(arena, p, len)))
      return bc_error_oom(err);
    if (!e)
      break;
    p = e + 1;
  }
  if (m->signer.title && m->signer.title[0])
    lines[k++] = m->signer.title;
  d->signer_lines = lines;
  d->signer_line_count = k;
  d->signer_name = m->signer.full_name;
  return 0;
}

static int meta_text(const char **out,
                     const bc_expansion *e,
                     const char *key,
                     const char *fallback,
                     bc_arena *arena,
                     bc_error *err) {
  const char *v = bc_expansion_meta(e, key);
  size_t len;
  if (!v) {
    *out = fallback;
    return 0;
  }
  return bc_utf8_nfc(out, &len, v, strlen(v), arena, err);
}

int bc_doc_build(bc_doc *out,
                 const bc_report_model *m,
                 const bc_expansion *e,
                 const char *markdown_nfc,
                 size_t markdown_len,
                 bc_arena *arena,
                 bc_error *err) {
  bc_doc d;
  bc_buf b;
  const char *abbrev;
  bc_block *blocks = NULL;
  size_t block_count = 0;
  int rc;

  memset(&d, 0, sizeof d);
  bc_buf_init(&b, arena->alloc);
  if ((rc = meta_text(&d.subject, e, "trich_yeu", NULL, arena, err)) ||
      (rc = meta_text(&d.doc_type, e, "loai", "BÁO CÁO", arena, err)) ||
      (rc = meta_text(&abbrev, e, "ky_hieu_loai", "BC", arena, err)))
    goto cleanup;
  if (!d.subject || !d.subject[0]) {
    rc = bc_error_set(err, BC_ESYNTAX,
                      "the template sets no 'trich_yeu' (subject line) in its "
                      "front matter");
    goto cleanup;
  }
  d.parent_name = m->agency.parent_name;
  d.agency_name = m->agency.name;
  d.author = m->agency.full_name;
  d.title = d.subject;
  if ((rc = number_line(&d, m, abbrev, &b, arena, err)) ||
      (rc = place_date(&d, m, &b, arena, err)) ||
      (rc = recipients(&d, m, &b, arena, err)) ||
      (rc = signer(&d, m, arena, err)) ||
      (rc = bc_markup_parse(&blocks, &block_count, markdown_nfc, markdown_len,
                            arena, err)) ||
      (rc = appendices(&d, m, e, d.doc_type, abbrev, &b, arena, err)))
    goto cleanup;
  d.blocks = blocks;
  d.block_count = block_count;
  *out = d;
cleanup:
  bc_buf_free(&b);
  return rc;
}

/* ---- one tone style throughout (bc_doc_tones) ---- */

typedef struct restyler {
  bc_tone_style style;
  bc_arena *arena;
  bc_error *err;
} restyler;

static int restyle(restyler *r, const char **s) {
  size_t len;
  if (!*s)
    return 0;
  return bc_utf8_tones(s, &len, *s, strlen(*s), r->style, r->arena, r->err);
}

/* A copy of the n elements of size bytes at src, from the arena (the
 * document's arrays are const: restyling replaces them whole). */
static void *copy_of(restyler *r, const void *src, size_t n, size_t size) {
  void *copy = bc_arena_calloc(r->arena, n, size);
  if (copy)
    memcpy(copy, src, n * size);
  else
    bc_error_oom(r->err);
  return copy;
}

static int restyle_list(restyler *r, const char *const **list, size_t n) {
  const char **copy = NULL;
  int rc;
  if (n && !(copy = copy_of(r, *list, n, sizeof *copy)))
    return BC_ENOMEM;
  for (size_t i = 0; i < n; i++)
    if ((rc = restyle(r, &copy[i])))
      return rc;
  if (n)
    *list = copy;
  return 0;
}

static int restyle_spans(restyler *r, const bc_span **spans, size_t n) {
  bc_span *copy = NULL;
  int rc;
  if (n && !(copy = copy_of(r, *spans, n, sizeof *copy)))
    return BC_ENOMEM;
  for (size_t i = 0; i < n; i++)
    if ((rc = bc_utf8_tones(&copy[i].text, &copy[i].len, copy[i].text,
                            copy[i].len, r->style, r->arena, r->err)))
      return rc;
  if (n)
    *spans = copy;
  return 0;
}

static int restyle_blocks(restyler *r, const bc_block **blocks, size_t n) {
  bc_block *copy = NULL;
  int rc;
  if (n && !(copy = copy_of(r, *blocks, n, sizeof *copy)))
    return BC_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    const bc_table *t = copy[i].table;
    bc_table *tc = NULL;
    bc_cell *cells = NULL;
    if ((rc = restyle_spans(r, &copy[i].spans, copy[i].span_count)))
      return rc;
    if (!t)
      continue;
    if (!(tc = copy_of(r, t, 1, sizeof *tc)) ||
        !(cells = copy_of(r, t->cells, t->rows * t->columns, sizeof *cells)))
      return BC_ENOMEM;
    for (size_t k = 0; k < t->rows * t->columns; k++)
      if ((rc = restyle_spans(r, &cells[k].spans, cells[k].span_count)))
        return rc;
    tc->cells = cells;
    copy[i].table = tc;
  }
  if (n)
    *blocks = copy;
  return 0;
}

int bc_doc_tones(bc_doc *doc,
                 bc_tone_style style,
                 bc_arena *arena,
                 bc_error *err) {
  restyler r = {style, arena, err};
  const char **fields[] = {&doc->parent_name, &doc->agency_name,
                           &doc->number_line, &doc->place_date,
                           &doc->doc_type,    &doc->subject,
                           &doc->signer_name, &doc->title,
                           &doc->author};
  bc_appendix *apps;
  int rc;
  if (style == BC_TONE_KEEP)
    return 0;
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
    if ((rc = restyle(&r, fields[i])))
      return rc;
  if ((rc = restyle_blocks(&r, &doc->blocks, doc->block_count)) ||
      (rc = restyle_list(&r, &doc->recipients, doc->recipient_count)) ||
      (rc = restyle_list(&r, &doc->signer_lines, doc->signer_line_count)))
    return rc;
  if (!doc->appendix_count)
    return 0;
  if (!(apps = copy_of(&r, doc->appendices, doc->appendix_count,
                       sizeof *apps)))
    return BC_ENOMEM;
  for (size_t i = 0; i < doc->appendix_count; i++) {
    if ((rc = restyle(&r, &apps[i].label)) ||
        (rc = restyle(&r, &apps[i].title)) ||
        (rc = restyle(&r, &apps[i].reference)) ||
        (rc = restyle_blocks(&r, &apps[i].blocks, apps[i].block_count)))
      return rc;
  }
  doc->appendices = apps;
  return 0;
}
