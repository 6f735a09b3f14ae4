/* tests/fuzz/fuzz_template.c: libFuzzer target: any bytes as a template
 * (parse.c), expanded and audited against the Trà Vinh report (expand.c),
 * the expansion on to the document tree (markup). Bytes after the first
 * 0xFF are a narrative the template can insert as {{{narrative.fuzz}}}. */
#include "common/utf8.h"
#include "fuzz_common.h"
#include "render/render_int.h"
#include "template/template.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Values a template can print: text with markup in it, a date. */
static const char extra_sql[] =
    "INSERT INTO indicator (code, section, position, name, unit, kind) "
    "VALUES ('fz.chu', 'fz', 1, 'Chữ *đậm* {{x}}', '', 'text'), "
    "('fz.ngay', 'fz', 2, 'Ngày', '', 'date');\n"
    "INSERT INTO indicator_value (agency_code, period_code, indicator_code, "
    "num, text) VALUES ('STTTT-TV', '2023-Q3', 'fz.chu', NULL, "
    "'# **a** _b_ {{ky.nam}} {{{narrative.x}}} <b> [a](b) | c | \\\\ `d` "
    "1. '), ('STTTT-TV', '2023-Q3', 'fz.ngay', NULL, '2023-09-28');\n";

static bc_report_model model;
static bc_narrative *narratives; /* the model's, plus "fuzz" */
static size_t fuzz_slot;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  bc_arena *arena = fz_load_model(&model, extra_sql);
  /* One more narrative, "fuzz", kept in key order (lookups bisect). */
  narratives =
      bc_arena_calloc(arena, model.narrative_count + 1, sizeof *narratives);
  size_t j = 0;
  for (size_t i = 0; i < model.narrative_count; i++) {
    if (j == i && strcmp(model.narratives[i].key, "fuzz") > 0)
      fuzz_slot = j++;
    narratives[j++] = model.narratives[i];
  }
  if (j == model.narrative_count)
    fuzz_slot = j;
  narratives[fuzz_slot].key = "fuzz";
  model.narratives = narratives;
  model.narrative_count++;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *src = (const char *)data;
  const uint8_t *sep = memchr(data, 0xFF, size);
  size_t tlen = sep ? (size_t)(sep - data) : size;
  bc_template *t = NULL;
  bc_arena arena;
  bc_expansion exp;
  bc_audit_report audit;
  bc_error err;
  char *narrative;
  int rc;

  /* The database hands the expander valid UTF-8 only. */
  narrative = strdup("Đoạn {{tthc.so_hoa}} hồ sơ.");
  if (sep &&
      bc_utf8_check((const char *)sep + 1, size - tlen - 1) == SIZE_MAX) {
    free(narrative);
    narrative = strndup((const char *)sep + 1, size - tlen - 1);
  }
  narratives[fuzz_slot].markdown = narrative;

  bc_error_clear(&err);
  rc = bc_template_compile_string(&t, src, tlen, "fuzz.md", NULL,
                                  bc_allocator_default(), &err);
  fz_check_error(rc, err.message);
  if (rc == 0) {
    bc_arena_init(&arena, bc_allocator_default());
    bc_error_clear(&err);
    rc = bc_template_expand(&exp, t, &model, &arena, &err);
    fz_check_error(rc, err.message);
    if (rc == 0) {
      bc_doc doc;
      if (bc_utf8_check(exp.markdown, exp.markdown_len) != SIZE_MAX)
        fz_fail("the expansion is not valid UTF-8");
      bc_error_clear(&err);
      rc = bc_render__document(&doc, &model, &exp, &arena, &err);
      fz_check_error(rc, err.message);
    }
    bc_error_clear(&err);
    rc = bc_template_audit(&audit, t, &model, &arena, &err);
    fz_check_error(rc, err.message);
    bc_arena_release(&arena);
    bc_template_free(t);
  }
  free(narrative);
  return 0;
}
