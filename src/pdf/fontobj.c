/* pdf/fontobj.c: the values of one embedded font's five objects (Type0,
 * CIDFontType2 with its W runs, FontDescriptor, FontFile2, ToUnicode; and
 * for a one-byte font the CMap its Type0 names and the CIDToGIDMap that
 * puts the space at CID 32), made once from a glyph set; pdf.c writes them on libharu's object layer,
 * and bc_pdf_font_dict as PDF text for a writer of raw objects (a
 * signature's appearance in an incremental update). */
#include "pdf/pdf.h"

#include "common/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* FontDescriptor /Flags (PDF 9.8.2): serif (bit 2), nonsymbolic (bit 6),
 * italic (bit 7). */
#define FLAG_SERIF 2
#define FLAG_NONSYMBOLIC 32
#define FLAG_ITALIC 64

int bc_pdf_width_text(char *s, double w) {
  int n = snprintf(s, 16, "%.2f", w);
  while (n > 0 && s[n - 1] == '0')
    n--;
  if (n > 0 && s[n - 1] == '.')
    n--;
  s[n] = '\0';
  return n;
}

/* The W array as runs of consecutive CIDs: c [w1 w2 ...]; cids[i] is the
 * CID of gids[i]. Both are put in the order of the CIDs (they are in the
 * order of the glyph IDs, but for the space's swap: an insertion sort). */
static int width_runs(bc_pdf_font *f,
                      uint32_t *gids,
                      uint32_t *cids,
                      size_t n,
                      const bc_glyph_set *set,
                      const bc_fontset *fonts,
                      bc_arena *arena,
                      bc_error *err) {
  size_t runs = 0;
  for (size_t i = 1; i < n; i++) {
    uint32_t g = gids[i], c = cids[i];
    size_t j = i;
    for (; j > 0 && cids[j - 1] > c; j--) {
      gids[j] = gids[j - 1];
      cids[j] = cids[j - 1];
    }
    gids[j] = g;
    cids[j] = c;
  }
  for (size_t i = 0; i < n; i++)
    runs += i == 0 || cids[i] != cids[i - 1] + 1;
  bc_pdf_width_run *w = bc_arena_calloc(arena, runs + 1, sizeof *w);
  double *widths = bc_arena_calloc(arena, n + 1, sizeof *widths);
  if (!w || !widths)
    return bc_error_oom(err);
  runs = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    w[runs].first = cids[i];
    w[runs].widths = widths + i;
    do {
      widths[j] = bc_glyph_set_width(set, fonts, gids[j]);
      j++;
    } while (j < n && cids[j] == cids[j - 1] + 1);
    w[runs++].count = j - i;
    i = j;
  }
  f->w = w;
  f->w_count = runs;
  return 0;
}

/* The embedded CMap of the one-byte fonts (PDF 9.7.5.3): codes <00>-<FF>
 * are CIDs 0-255, horizontal. Its CIDSystemInfo is the CIDFont's
 * (ISO 19005-2 6.2.11.3.1). */
static const char one_byte_cmap[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
    "/Supplement 0 >> def\n"
    "/CMapName /" BC_PDF_ONE_BYTE_CMAP " def\n"
    "/CMapType 1 def\n"
    "/WMode 0 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
    "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\nend\n";

const char *bc_pdf_one_byte_cmap(size_t *len_out) {
  *len_out = sizeof one_byte_cmap - 1;
  return one_byte_cmap;
}

void bc_pdf_cid_to_gid_map(unsigned char out[512], uint32_t space) {
  for (unsigned c = 0; c < 256; c++) {
    unsigned g = c == 32 ? space : c == space ? 32 : c;
    out[2 * c] = (unsigned char)(g >> 8);
    out[2 * c + 1] = (unsigned char)g;
  }
}

/* The drawn glyph that shows a space (U+0020), or BC_PDF_NO_GLYPH. */
static uint32_t space_glyph(const bc_glyph_set *set) {
  for (uint32_t g = 0; g < set->glyph_count; g++)
    if (set->drawn[g] && set->text[g] && set->text_len[g] == 1 &&
        set->text[g][0] == ' ')
      return g;
  return BC_PDF_NO_GLYPH;
}

/* Everything of out but its file, for the subset of the glyphs gids
 * (n, increasing; their order is changed) that holds glyph_count glyphs,
 * renumbered with new_gids (NULL: IDs kept). */
static int font_values(bc_pdf_font *out,
                       const bc_glyph_set *set,
                       const bc_fontset *fonts,
                       uint32_t *gids,
                       size_t n,
                       const uint32_t *new_gids,
                       uint32_t glyph_count,
                       bc_arena *arena,
                       bc_error *err) {
  const bc_face_info *fi = bc_fontset_info(fonts, set->style);
  uint32_t *codes = NULL;
  char tag[7];
  bc_buf b;
  int rc;

  out->code_bytes = 2;
  out->space_gid = BC_PDF_NO_GLYPH;
  out->space_sub_gid = 32;
  if (new_gids) {
    if (!(codes = bc_arena_calloc(arena, set->glyph_count + 1, sizeof *codes)))
      return bc_error_oom(err);
    for (size_t i = 0; i < n; i++)
      codes[gids[i]] = new_gids[i];
    out->codes = codes;
    if (glyph_count <= 256) {
      /* The space's code and CID are 32; the glyph that is 32 in the
       * subset takes the space's (bc_pdf_cid_to_gid_map). */
      uint32_t space = space_glyph(set);
      out->code_bytes = 1;
      if (space != BC_PDF_NO_GLYPH) {
        out->space_gid = space;
        out->space_sub_gid = codes[space];
        for (size_t i = 0; i < n; i++)
          if (codes[gids[i]] == 32)
            codes[gids[i]] = out->space_sub_gid;
        codes[space] = 32;
      }
    }
  }
  bc_glyph_set_tag(tag, set);
  snprintf(out->base_font, sizeof out->base_font, "%s+%s", tag,
           fi->postscript_name);
  out->flags = FLAG_NONSYMBOLIC | FLAG_SERIF | (fi->italic ? FLAG_ITALIC : 0);
  out->italic_angle = fi->italic_angle;
  for (int i = 0; i < 4; i++)
    out->bbox[i] = lround(fi->bbox[i] * set->scale);
  out->ascent = lround(fi->ascender * set->scale);
  out->descent = lround(fi->descender * set->scale);
  out->cap_height = lround(fi->cap_height * set->scale);
  out->stem_v = fi->stem_v;
  uint32_t *cids = bc_arena_calloc(arena, n + 1, sizeof *cids);
  if (!cids)
    return bc_error_oom(err);
  for (size_t i = 0; i < n; i++)
    cids[i] = codes ? codes[gids[i]] : gids[i];
  if ((rc = width_runs(out, gids, cids, n, set, fonts, arena, err)))
    return rc;

  bc_buf_init(&b, arena->alloc);
  bc_glyph_set_tounicode(&b, set, codes, out->code_bytes);
  if (!(rc = bc_buf_check(&b, err))) {
    char *cmap = bc_arena_alloc(arena, b.len + 1);
    if (!cmap) {
      rc = bc_error_oom(err);
    } else {
      memcpy(cmap, b.data, b.len);
      cmap[b.len] = '\0';
      out->tounicode = cmap;
      out->tounicode_len = b.len;
    }
  }
  bc_buf_free(&b);
  return rc;
}

static int font_make(bc_pdf_font *out,
                     const bc_glyph_set *set,
                     const bc_fontset *fonts,
                     bool compact,
                     bc_arena *arena,
                     bc_error *err) {
  bc_font_subset sub;
  uint32_t *gids;
  size_t n;
  int rc;
  memset(out, 0, sizeof *out);
  if ((rc = bc_glyph_set_list(&gids, &n, set, arena, err)) ||
      (rc = bc_fontset_subset(&sub, fonts, set->style, gids, n, compact, arena,
                              err)))
    return rc;
  out->file = sub.data;
  out->file_len = sub.len;
  return font_values(out, set, fonts, gids, n, sub.new_gids, sub.glyph_count,
                     arena, err);
}

int bc_pdf_font_make(bc_pdf_font *out,
                     const bc_glyph_set *set,
                     const bc_fontset *fonts,
                     bc_arena *arena,
                     bc_error *err) {
  return font_make(out, set, fonts, false, arena, err);
}

int bc_pdf_font_make_compact(bc_pdf_font *out,
                             const bc_glyph_set *set,
                             const bc_fontset *fonts,
                             bc_arena *arena,
                             bc_error *err) {
  return font_make(out, set, fonts, true, arena, err);
}

int bc_pdf_font_plan(bc_pdf_font *out,
                     bc_pdf_font_subset *job,
                     const bc_glyph_set *set,
                     const bc_fontset *fonts,
                     bc_arena *arena,
                     bc_error *err) {
  uint32_t *gids, *copy, *ids;
  uint32_t glyph_count = 0;
  size_t n;
  bool known;
  int rc;
  memset(out, 0, sizeof *out);
  memset(job, 0, sizeof *job);
  if ((rc = bc_glyph_set_list(&gids, &n, set, arena, err)))
    return rc;
  copy = bc_arena_calloc(arena, n + 1, sizeof *copy);
  ids = bc_arena_calloc(arena, n + 1, sizeof *ids);
  job->new_gids = bc_arena_calloc(arena, n + 1, sizeof *job->new_gids);
  if (!copy || !ids || !job->new_gids)
    return bc_error_oom(err);
  if ((rc = bc_fontset_subset_ids(ids, &glyph_count, &known, fonts,
                                  set->style, gids, n, arena, err)))
    return rc;
  if (!known) /* only the subset tells its IDs: made now */
    return font_make(out, set, fonts, true, arena, err);
  memcpy(copy, gids, n * sizeof *gids); /* font_values reorders gids */
  job->fonts = fonts;
  job->style = set->style;
  job->gids = copy;
  job->count = n;
  job->expect = ids;
  job->expect_count = glyph_count;
  job->pending = true;
  return font_values(out, set, fonts, gids, n, ids, glyph_count, arena, err);
}

void bc_pdf_font_subset_run(bc_pdf_font_subset *job) {
  if (job->pending)
    job->rc = bc_fontset_subset_bare(&job->sub, job->fonts, job->style,
                                     job->gids, job->count, job->new_gids,
                                     &job->err);
}

int bc_pdf_font_attach(bc_pdf_font *f,
                       bc_pdf_font_subset *job,
                       bc_arena *arena,
                       bc_error *err) {
  unsigned char *copy;
  if (!job->pending)
    return 0;
  if (job->rc) {
    if (err)
      *err = job->err;
    return job->rc;
  }
  if (job->sub.glyph_count != job->expect_count ||
      memcmp(job->sub.new_gids, job->expect,
             job->count * sizeof *job->expect) != 0)
    return bc_error_set(err, BC_EFONT,
                        "the subset of font %s does not number its glyphs "
                        "as expected",
                        bc_fontset_info(job->fonts, job->style)
                            ->postscript_name);
  if (!(copy = bc_arena_alloc(arena, job->sub.len ? job->sub.len : 1)))
    return bc_error_oom(err);
  memcpy(copy, job->sub.data, job->sub.len);
  f->file = copy;
  f->file_len = job->sub.len;
  bc_pdf_font_subset_free(job);
  return 0;
}

void bc_pdf_font_subset_free(bc_pdf_font_subset *job) {
  bc_fontset_subset_free(&job->sub);
  job->pending = false;
}

void bc_pdf_font_w(bc_buf *out, const bc_pdf_font *f) {
  bc_buf_puts(out, "/W [");
  for (size_t i = 0; i < f->w_count; i++) {
    bc_buf_printf(out, " %u [", (unsigned)f->w[i].first);
    for (size_t j = 0; j < f->w[i].count; j++) {
      char s[32];
      int len = bc_pdf_width_text(s, f->w[i].widths[j]);
      if (j)
        bc_buf_putc(out, ' ');
      bc_buf_put(out, s, (size_t)len);
    }
    bc_buf_putc(out, ']');
  }
  bc_buf_puts(out, " ]");
}

void bc_pdf_font_dict(bc_buf *out,
                      const bc_pdf_font *f,
                      bc_pdf_font_obj which,
                      const char *const refs[BC_PDF_FONT_OBJECTS]) {
  switch (which) {
  case BC_PDF_FONT_TYPE0:
    bc_buf_printf(out,
                  "<< /Type /Font /Subtype /Type0 /BaseFont /%s "
                  "/Encoding /Identity-H /DescendantFonts [%s] "
                  "/ToUnicode %s >>",
                  f->base_font, refs[BC_PDF_FONT_CID],
                  refs[BC_PDF_FONT_TOUNICODE]);
    break;
  case BC_PDF_FONT_CID:
    bc_buf_printf(out,
                  "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s "
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                  "/Supplement 0 >> /FontDescriptor %s /CIDToGIDMap /Identity ",
                  f->base_font, refs[BC_PDF_FONT_DESCRIPTOR]);
    bc_pdf_font_w(out, f);
    bc_buf_puts(out, " >>");
    break;
  case BC_PDF_FONT_DESCRIPTOR:
    bc_buf_printf(out,
                  "<< /Type /FontDescriptor /FontName /%s /Flags %d "
                  "/FontBBox [%ld %ld %ld %ld] /ItalicAngle %g /Ascent %ld "
                  "/Descent %ld /CapHeight %ld /StemV %d /FontFile2 %s >>",
                  f->base_font, f->flags, f->bbox[0], f->bbox[1], f->bbox[2],
                  f->bbox[3], f->italic_angle, f->ascent, f->descent,
                  f->cap_height, f->stem_v, refs[BC_PDF_FONT_FILE]);
    break;
  case BC_PDF_FONT_FILE:
    bc_buf_printf(out, "/Length1 %zu", f->file_len);
    break;
  case BC_PDF_FONT_TOUNICODE:
  case BC_PDF_FONT_OBJECTS:
    break;
  }
}
