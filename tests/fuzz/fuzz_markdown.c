/* tests/fuzz/fuzz_markdown.c: libFuzzer target: any bytes as the expanded
 * Markdown body of the Trà Vinh report: UTF-8 check and NFC (common), then
 * cmark-gfm to the document tree with the Decree 30 header (markup). */
#include "common/utf8.h"
#include "fuzz_common.h"
#include "markup/markup.h"

#include <stdint.h>
#include <string.h>

static bc_report_model model;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fz_load_model(&model, NULL);
  bc_markup_init();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const bc_meta_entry meta[] = {{"trich_yeu", "Thử trích yếu"}};
  bc_expansion exp;
  bc_arena arena;
  bc_error err;
  bc_doc doc;
  const char *md;
  size_t md_len, bad = bc_utf8_check((const char *)data, size);
  int rc;

  bc_arena_init(&arena, bc_allocator_default());
  bc_error_clear(&err);
  rc = bc_utf8_nfc(&md, &md_len, (const char *)data, size, &arena, &err);
  fz_check_error(rc, err.message);
  /* Invalid UTF-8 or a NUL is refused, naming the byte offset. */
  if ((rc != 0) != (bad != SIZE_MAX))
    fz_fail("bc_utf8_check says %zu, bc_utf8_nfc returned %d", bad, rc);
  if (rc == 0) {
    if (bc_utf8_check(md, md_len) != SIZE_MAX || strlen(md) != md_len)
      fz_fail("the NFC text is not valid UTF-8 of its length");
    memset(&exp, 0, sizeof exp);
    exp.markdown = md;
    exp.markdown_len = md_len;
    exp.meta = meta;
    exp.meta_count = 1;
    bc_error_clear(&err);
    rc = bc_doc_build(&doc, &model, &exp, md, md_len, &arena, &err);
    fz_check_error(rc, err.message);
    /* Each tone style: valid UTF-8 of its length, and a second pass
     * changes nothing (a syllable's tone never moves back and forth);
     * the document tree takes it whole. */
    for (int style = BC_TONE_NEW; style <= BC_TONE_OLD && rc == 0; style++) {
      const char *once, *twice;
      size_t once_len, twice_len;
      if (bc_utf8_tones(&once, &once_len, md, md_len, (bc_tone_style)style,
                        &arena, &err) ||
          bc_utf8_tones(&twice, &twice_len, once, once_len,
                        (bc_tone_style)style, &arena, &err))
        fz_fail("bc_utf8_tones refused NFC text: %s", err.message);
      if (bc_utf8_check(once, once_len) != SIZE_MAX ||
          strlen(once) != once_len || twice_len != once_len ||
          memcmp(once, twice, once_len) != 0)
        fz_fail("tone style %d is not valid UTF-8 of its length, or not "
                "settled after one pass",
                style);
      rc = bc_doc_tones(&doc, (bc_tone_style)style, &arena, &err);
      fz_check_error(rc, err.message);
    }
  }
  bc_arena_release(&arena);
  return 0;
}
