/* pdf/glyphs.c: the glyphs a PDF font of one face must hold and the text
 * each shows: widths in 1/1000 em, the subset tag, the ToUnicode CMap.
 * Shared by the document writer (pdf.c) and signature appearances (sign). */
#include "pdf/pdf.h"

#include "common/error.h"
#include "common/utf8.h"

#include <math.h>
#include <string.h>

int bc_glyph_set_init(bc_glyph_set *s,
                      const bc_fontset *fonts,
                      bc_style style,
                      bc_arena *arena,
                      bc_error *err) {
  const bc_face_info *fi = bc_fontset_info(fonts, style);
  memset(s, 0, sizeof *s);
  s->style = style;
  s->glyph_count = fi->glyph_count;
  s->scale = 1000.0 / fi->upem;
  s->drawn = bc_arena_calloc(arena, s->glyph_count, 1);
  s->text = bc_arena_calloc(arena, s->glyph_count, sizeof *s->text);
  s->text_len = bc_arena_calloc(arena, s->glyph_count, sizeof *s->text_len);
  s->width = bc_arena_calloc(arena, s->glyph_count, sizeof *s->width);
  if (!s->drawn || !s->text || !s->text_len || !s->width)
    return bc_error_oom(err);
  return 0;
}

int bc_glyph_set_add(bc_glyph_set *s,
                     uint32_t gid,
                     const char *text,
                     uint32_t text_len,
                     bc_error *err) {
  if (gid >= s->glyph_count)
    return bc_error_set(err, BC_EFONT, "glyph %u is not in the font",
                        (unsigned)gid);
  s->drawn[gid] = 1;
  if (!s->text[gid] && text_len) {
    s->text[gid] = text;
    s->text_len[gid] = text_len;
  }
  return 0;
}

/* Asked for every glyph drawn (pdf.c's pen): HarfBuzz's advance costs
 * about 150 instructions, the cached value a load. A width of 0 is
 * asked again, which gives the same 0. */
double bc_glyph_set_width(const bc_glyph_set *s,
                          const bc_fontset *fonts,
                          uint32_t gid) {
  double w = gid < s->glyph_count ? s->width[gid] : 0;
  if (w == 0) {
    w = round(bc_fontset_advance(fonts, s->style, gid) * s->scale * 100) / 100;
    if (gid < s->glyph_count)
      s->width[gid] = w;
  }
  return w;
}

int bc_glyph_set_list(uint32_t **gids_out,
                      size_t *count_out,
                      const bc_glyph_set *s,
                      bc_arena *arena,
                      bc_error *err) {
  uint32_t *gids = bc_arena_calloc(arena, s->glyph_count + 1, sizeof *gids);
  size_t n = 0;
  if (!gids)
    return bc_error_oom(err);
  for (unsigned g = 0; g < s->glyph_count; g++)
    if (s->drawn[g])
      gids[n++] = g;
  *gids_out = gids;
  *count_out = n;
  return 0;
}

void bc_glyph_set_tag(char tag[7], const bc_glyph_set *s) {
  uint64_t h = 1469598103934665603ULL ^ (uint64_t)s->style;
  for (unsigned g = 0; g < s->glyph_count; g++)
    if (s->drawn[g]) {
      h ^= g;
      h *= 1099511628211ULL;
    }
  for (int i = 0; i < 6; i++) {
    tag[i] = (char)('A' + h % 26);
    h /= 26;
  }
  tag[6] = '\0';
}

/* UTF-16BE hex of UTF-8 text, for ToUnicode destinations. */
static void put_utf16_hex(bc_buf *b, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = bc_utf8_decode(s + i, len - i, &cp);
    if (!n) {
      cp = 0xFFFD;
      n = 1;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      bc_buf_printf(b, "%04X%04X", 0xD800 + (unsigned)(cp >> 10),
                    0xDC00 + (unsigned)(cp & 0x3FF));
    } else {
      bc_buf_printf(b, "%04X", (unsigned)cp);
    }
    i += n;
  }
}

void bc_glyph_set_tounicode(bc_buf *b,
                            const bc_glyph_set *s,
                            const uint32_t *codes,
                            unsigned code_bytes) {
  size_t mapped = 0;
  int digits = code_bytes == 1 ? 2 : 4;
  for (unsigned g = 0; g < s->glyph_count; g++)
    mapped += s->drawn[g] && s->text[g];
  bc_buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
                 "12 dict begin\n"
                 "begincmap\n"
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                 "/Supplement 0 >> def\n"
                 "/CMapName /Adobe-Identity-UCS def\n"
                 "/CMapType 2 def\n");
  bc_buf_puts(b, code_bytes == 1 ? "1 begincodespacerange\n<00> <FF>\n"
                                   "endcodespacerange\n"
                                 : "1 begincodespacerange\n<0000> <FFFF>\n"
                                   "endcodespacerange\n");
  /* At most 100 entries per block (PDF 9.10.3). */
  unsigned g = 0;
  while (mapped) {
    size_t n = mapped > 100 ? 100 : mapped;
    bc_buf_printf(b, "%zu beginbfchar\n", n);
    for (size_t k = 0; k < n; g++) {
      if (!s->drawn[g] || !s->text[g])
        continue;
      bc_buf_printf(b, "<%0*X> <", digits, codes ? (unsigned)codes[g] : g);
      put_utf16_hex(b, s->text[g], s->text_len[g]);
      bc_buf_puts(b, ">\n");
      k++;
    }
    bc_buf_puts(b, "endbfchar\n");
    mapped -= n;
  }
  bc_buf_puts(b, "endcmap\n"
                 "CMapName currentdict /CMap defineresource pop\n"
                 "end\nend\n");
}

void bc_utf16_hex(bc_buf *b, const char *s, size_t len) {
  put_utf16_hex(b, s, len);
}
