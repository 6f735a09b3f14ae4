/* markup/doc.c: words the Decree 30 frame from the model: "Số: …/BC-…" and
 * "<địa danh>, ngày … tháng … năm …" with blanks kept while the number or
 * date is not set, Nơi nhận lines, the signer's lines. */
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

static int number_line(bc_doc *d,
                       const bc_report_model *m,
                       const char *type_abbrev,
                       bc_buf *b,
                       bc_arena *arena,
                       bc_error *err) {
  bc_buf_reset(b);
  if (m->number > 0)
    bc_buf_printf(b, "Số: %02d/%s-%s", m->number, type_abbrev,
                  m->agency.symbol ? m->agency.symbol : "");
  else
    bc_buf_printf(b, "Số:%s/%s-%s", BLANK_NUMBER, type_abbrev,
                  m->agency.symbol ? m->agency.symbol : "");
  return arena_copy(&d->number_line, b, arena, err);
}

static int place_date(bc_doc *d,
                      const bc_report_model *m,
                      bc_buf *b,
                      bc_arena *arena,
                      bc_error *err) {
  bc_date t = m->issued_on;
  bc_buf_reset(b);
  bc_buf_printf(b, "%s, ngày ", m->agency.place ? m->agency.place : "");
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
  return arena_copy(&d->place_date, b, arena, err);
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
                            arena, err)))
    goto cleanup;
  d.blocks = blocks;
  d.block_count = block_count;
  *out = d;
cleanup:
  bc_buf_free(&b);
  return rc;
}
