/* text/shape.c: shaping one run of text with HarfBuzz into glyph IDs and
 * positions in font units; a missing glyph is an error naming the
 * character, never a silent .notdef box. */
#include "text/text_int.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/utf8.h"

#include <string.h>

struct bc_shaper {
  const bc_allocator *alloc;
  const bc_fontset *fs;
  hb_buffer_t *buf;
};

int bc_shaper_new(bc_shaper **out,
                  const bc_fontset *fs,
                  const bc_allocator *alloc,
                  bc_error *err) {
  bc_shaper *sh = bc_calloc(alloc, 1, sizeof *sh);
  if (!sh)
    return bc_error_oom(err);
  sh->alloc = alloc;
  sh->fs = fs;
  sh->buf = hb_buffer_create();
  if (!hb_buffer_allocation_successful(sh->buf)) {
    bc_shaper_free(sh);
    return bc_error_oom(err);
  }
  *out = sh;
  return 0;
}

void bc_shaper_free(bc_shaper *sh) {
  if (!sh)
    return;
  hb_buffer_destroy(sh->buf);
  bc_free(sh->alloc, sh);
}

int bc_shaper_shape(bc_shaped *out,
                    bc_shaper *sh,
                    bc_style style,
                    const char *text,
                    size_t len,
                    bc_arena *arena,
                    bc_error *err) {
  const bc_face *face = &sh->fs->faces[style];
  hb_glyph_info_t *info;
  hb_glyph_position_t *pos;
  unsigned int n;
  bc_glyph *glyphs;
  int32_t width = 0;

  if (len > (1u << 30))
    return bc_error_set(err, BC_ELAYOUT, "a word of %zu bytes is too long",
                        len);
  hb_buffer_clear_contents(sh->buf);
  hb_buffer_add_utf8(sh->buf, text, (int)len, 0, (int)len);
  /* Vietnamese is Latin script, left to right; guessing would also pick up
   * the language from the locale, which must not change the output. */
  hb_buffer_set_direction(sh->buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(sh->buf, HB_SCRIPT_LATIN);
  hb_buffer_set_language(sh->buf, hb_language_from_string("vi", -1));
  hb_buffer_set_cluster_level(sh->buf,
                              HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(face->hb_font, sh->buf, NULL, 0);
  if (!hb_buffer_allocation_successful(sh->buf))
    return bc_error_oom(err);
  info = hb_buffer_get_glyph_infos(sh->buf, &n);
  pos = hb_buffer_get_glyph_positions(sh->buf, &n);
  glyphs = bc_arena_calloc(arena, n ? n : 1, sizeof *glyphs);
  if (!glyphs)
    return bc_error_oom(err);
  for (unsigned int i = 0; i < n; i++) {
    if (info[i].codepoint == 0) {
      uint32_t cp = 0;
      size_t at = info[i].cluster;
      bc_utf8_decode(text + at, len - at, &cp);
      return bc_error_set(err, BC_EDATA, "character U+%04X is not in font %s",
                          (unsigned)cp, face->info.postscript_name);
    }
    glyphs[i].gid = info[i].codepoint;
    glyphs[i].cluster = info[i].cluster;
    glyphs[i].x_advance = pos[i].x_advance;
    glyphs[i].x_offset = pos[i].x_offset;
    glyphs[i].y_offset = pos[i].y_offset;
    width += pos[i].x_advance;
  }
  out->glyphs = glyphs;
  out->count = n;
  out->width = width;
  return 0;
}
