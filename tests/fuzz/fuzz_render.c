/* tests/fuzz/fuzz_render.c: libFuzzer target: the whole render (template,
 * NFC, markup, shaping, line breaking, pagination, PDF) of a report whose
 * narrative and one indicator text value are any UTF-8 text. Every
 * character of the value is drawn (its glyphs carry it as text, in order)
 * or the render fails naming a character the text has. The editable
 * drafts (.docx, .odt) of the same document succeed exactly when the PDF
 * does and refuse what it refuses. */
#include "common/utf8.h"
#include "fuzz_common.h"
#include "layout/layout.h"
#include "office/office.h"
#include "pdf/pdf.h"
#include "render/render_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char extra_sql[] =
    "INSERT INTO indicator (code, section, position, name, unit, kind) "
    "VALUES ('fz.chu', 'fz', 1, 'Chữ', '', 'text');\n"
    "INSERT INTO indicator_value (agency_code, period_code, indicator_code, "
    "num, text) VALUES ('STTTT-TV', '2023-Q3', 'fz.chu', NULL, 'x');\n"
    "INSERT INTO narrative (agency_code, period_code, key, markdown) "
    "VALUES ('STTTT-TV', '2023-Q3', 'fuzz', 'x');\n";

/* A short report: the value between markers, the narrative, a table. */
static const char template_md[] =
    "---\ntrich_yeu: Thử {{ky.ten}}\n---\n## I. PHẦN THỬ\n\n"
    "QQBAT {{fz.chu}} QQKET\n\n{{{narrative.fuzz}}}\n\n"
    "| STT | Nội dung | Kết quả |\n|---|---|---|\n"
    "| 1 | {{fz.chu}} | {{tthc.so_hoa}} |\n";

static bc_context *ctx;
static const bc_template *tmpl;
static bc_report_model model;
static const char **value_text, **narrative_text;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  char fonts[512], dir[512], path[600];
  bc_context_options o = BC_CONTEXT_OPTIONS_INIT;
  bc_error err;
  FILE *f;
  (void)argc;
  (void)argv;
  snprintf(dir, sizeof dir, "%s/templates", fz_tmpdir());
  snprintf(path, sizeof path, "%s/cchc_quy.md", dir);
  if (mkdir(dir, 0755) || !(f = fopen(path, "w")) ||
      fputs(template_md, f) < 0 || fclose(f))
    fz_fail("cannot write %s", path);
  o.font_dir = fz_source_path(fonts, sizeof fonts, "fonts");
  o.template_dir = dir;
  if (bc_context_new(&ctx, &o, &err) ||
      bc_context__template(&tmpl, ctx, "cchc_quy", &err))
    fz_fail("%s", err.message);
  fz_load_model(&model, extra_sql);
  for (size_t i = 0; i < model.value_count; i++)
    if (!strcmp(model.values[i].code, "fz.chu"))
      value_text = &model.values[i].value.text;
  for (size_t i = 0; i < model.narrative_count; i++)
    if (!strcmp(model.narratives[i].key, "fuzz"))
      narrative_text = &model.narratives[i].markdown;
  if (!value_text || !narrative_text)
    fz_fail("the model lacks fz.chu or the narrative fuzz");
  return 0;
}

/* The drawn text (every glyph's cluster, in order) without spaces. */
static void page_text(bc_buf *out, const bc_pages *pages) {
  for (size_t p = 0; p < pages->count; p++)
    for (size_t r = 0; r < pages->pages[p].run_count; r++) {
      const bc_run *run = &pages->pages[p].runs[r];
      for (size_t g = 0; g < run->count; g++)
        for (uint32_t k = 0; k < run->glyphs[g].text_len; k++)
          if (run->glyphs[g].text[k] != ' ')
            bc_buf_putc(out, run->glyphs[g].text[k]);
    }
  bc_buf_putc(out, '\0');
}

/* Each character of value but spaces, tabs, line breaks and control
 * characters (which the template prints as spaces) appears in drawn, in
 * order, after the start marker. */
static void check_drawn(const char *value, const char *drawn) {
  const char *at = strstr(drawn, "QQBAT");
  size_t len = strlen(value);
  if (!at)
    fz_fail("the marker before the value was not drawn");
  at += 5;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = bc_utf8_decode(value + i, len - i, &cp);
    if (!n)
      fz_fail("invalid UTF-8 after NFC at byte %zu", i);
    if (cp > 0x20 && cp != 0x7F) {
      char enc[4];
      size_t en = bc_utf8_encode(cp, enc);
      while (*at && memcmp(at, enc, en) != 0)
        at++;
      if (!*at)
        fz_fail("U+%04X at byte %zu of the value was not drawn", cp, i);
      at += en;
    }
    i += n;
  }
}

/* A "character U+XXXX ..." error names one the text has (unless the
 * narrative made it with a character reference such as &#x1;). */
static void check_missing_char(const bc_error *err, const char *text) {
  unsigned cp;
  char enc[5] = "";
  if (sscanf(err->message, "character U+%X", &cp) != 1)
    return;
  if (strchr(text, '&'))
    return;
  if (!bc_utf8_encode(cp, enc) || !strstr(text, enc))
    fz_fail("'%s' names a character the text does not have", err->message);
}

/* Both drafts of the document the PDF was (or could not be) made from:
 * refused when the PDF was (a character it cannot draw), else a zip. */
static void check_drafts(const bc_doc *doc,
                         const bc_frame *frame,
                         bc_arena *arena,
                         int pdf_rc) {
  if (!doc->blocks && !doc->subject)
    return; /* the PDF failed before there was a document */
  const bc_office_setting set = {frame, bc_context__fonts(ctx),
                                 bc_context__shaper(ctx)};
  for (int kind = BC_OFFICE_DOCX; kind <= BC_OFFICE_ODT; kind++) {
    bc_office_info info = {0};
    const unsigned char *out;
    size_t len;
    bc_error err;
    int rc;
    info.title = doc->title;
    info.author = doc->author;
    info.created = 1700000000;
    bc_error_clear(&err);
    rc = bc_office_write(&out, &len, (bc_office_kind)kind, doc, &set, &info,
                         arena, &err);
    if (rc != pdf_rc)
      fz_fail("draft %d: %d (%s) where the PDF gave %d", kind, rc,
              err.message, pdf_rc);
    if (rc == 0 && (len < 1000 || memcmp(out, "PK\x03\x04", 4)))
      fz_fail("draft %d: a zip of %zu bytes", kind, len);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bc_arena arena;
  bc_error err;
  bc_expansion exp;
  bc_doc doc;
  bc_pages pages;
  bc_frame frame;
  bc_pdf_info info;
  const unsigned char *pdf;
  size_t pdf_len, len, bad = bc_utf8_check((const char *)data, size);
  const char *text;
  int rc;

  bc_arena_init(&arena, bc_allocator_default());
  bc_error_clear(&err);
  /* What the database layer does with every string it reads. */
  rc = bc_utf8_nfc(&text, &len, (const char *)data, size, &arena, &err);
  if (rc) {
    char want[64];
    snprintf(want, sizeof want, "%s at byte %zu",
             bad < size && !data[bad] ? "NUL byte" : "invalid UTF-8", bad);
    if (bad == SIZE_MAX || !strstr(err.message, want))
      fz_fail("'%s' for bytes whose first bad one is at %zu", err.message, bad);
    bc_arena_release(&arena);
    return 0;
  }
  *value_text = text;
  *narrative_text = text;
  memset(&doc, 0, sizeof doc);
  bc_frame_default(&frame);
  bc_error_clear(&err);
  if (!(rc = bc_template_expand(&exp, tmpl, &model, &arena, &err)) &&
      !(rc = bc_render__document(&doc, &model, &exp, &arena, &err)) &&
      !(rc = bc_layout_document(&pages, &doc, &frame, bc_context__fonts(ctx),
                                bc_context__shaper(ctx), &arena, &err))) {
    bc_buf drawn;
    bc_buf_init(&drawn, bc_allocator_default());
    page_text(&drawn, &pages);
    if (bc_buf_check(&drawn, &err))
      fz_fail("out of memory");
    check_drawn(text, drawn.data);
    bc_buf_free(&drawn);
    memset(&info, 0, sizeof info);
    info.title = doc.title;
    info.author = doc.author;
    info.subject = doc.subject;
    info.created = 1700000000;
    info.compress = true;
    rc = bc_pdf_write(&pdf, &pdf_len, &pages, bc_context__fonts(ctx), &info,
                      &arena, &err);
    if (rc == 0 && (pdf_len < 1000 || memcmp(pdf, "%PDF-", 5)))
      fz_fail("a PDF of %zu bytes", pdf_len);
  }
  fz_check_error(rc, err.message);
  if (rc == BC_EDATA)
    check_missing_char(&err, text);
  if (rc == 0 || rc == BC_EDATA)
    check_drafts(&doc, &frame, &arena, rc);
  bc_arena_release(&arena);
  return 0;
}
