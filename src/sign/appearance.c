/* sign/appearance.c: what a signature shows in its field: an image (the
 * handwritten signature or the seal, PNG with transparency) scaled into the
 * box, or lines of text (signer, agency, signing time in ISO 8601 +07:00,
 * decree30-layout.md §10) typeset with the report's own fonts and embedded
 * as a small Type0 font subset (pdf's bc_pdf_font, as the document's). */
#include "sign/sign_int.h"

#include "common/buf.h"
#include "common/error.h"
#include "pdf/pdf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define LINE_STEP 1.25 /* baseline to baseline, times the size */

void bc_sign__refs(bc_buf *out, const char *text, long long base) {
  for (const char *p = text; *p;) {
    if (*p == '@' && p[1] >= '0' && p[1] <= '9') {
      long long n = 0;
      p++;
      while (*p >= '0' && *p <= '9')
        n = n * 10 + (*p++ - '0');
      bc_buf_printf(out, "%lld 0 R", base + n);
    } else {
      bc_buf_putc(out, *p++);
    }
  }
}

static const char *arena_text(bc_buf *b, bc_arena *arena, bc_error *err) {
  const char *s;
  if (bc_buf_check(b, err))
    return NULL;
  s = bc_arena_strndup(arena, b->data ? b->data : "", b->len);
  if (!s)
    bc_error_oom(err);
  return s;
}

/* ---- image ---- */

static int image_appearance(bc_appearance *ap,
                            const bc_sign_request *req,
                            double w,
                            double h,
                            bc_arena *arena,
                            bc_error *err) {
  size_t n = (size_t)req->image_width * req->image_height;
  unsigned char *rgb = bc_arena_alloc(arena, n * 3 + 1);
  unsigned char *alpha = bc_arena_alloc(arena, n + 1);
  char *dict0 = bc_arena_alloc(arena, 256), *dict1 = bc_arena_alloc(arena, 256);
  char *content = bc_arena_alloc(arena, 256);
  if (!rgb || !alpha || !dict0 || !dict1 || !content)
    return bc_error_oom(err);
  for (size_t i = 0; i < n; i++) {
    memcpy(rgb + 3 * i, req->image_rgba + 4 * i, 3);
    alpha[i] = req->image_rgba[4 * i + 3];
  }
  snprintf(dict0, 256,
           "/Type /XObject /Subtype /Image /Width %u /Height %u "
           "/ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask @1",
           req->image_width, req->image_height);
  snprintf(dict1, 256,
           "/Type /XObject /Subtype /Image /Width %u /Height %u "
           "/ColorSpace /DeviceGray /BitsPerComponent 8",
           req->image_width, req->image_height);
  /* Scaled to fit the box, aspect kept, centred. */
  double sx = w / req->image_width, sy = h / req->image_height;
  double sc = sx < sy ? sx : sy;
  double iw = req->image_width * sc, ih = req->image_height * sc;
  int len = snprintf(content, 256, "q %.3f 0 0 %.3f %.3f %.3f cm /Im1 Do Q\n",
                     iw, ih, (w - iw) / 2, (h - ih) / 2);
  ap->objects[0] = (bc_ap_object){dict0, rgb, n * 3};
  ap->objects[1] = (bc_ap_object){dict1, alpha, n};
  ap->object_count = 2;
  ap->resources = "<< /XObject << /Im1 @0 >> >>";
  ap->content = (const unsigned char *)content;
  ap->content_len = (size_t)len;
  return 0;
}

/* ---- text ---- */

typedef struct shaped_line {
  const bc_glyph *glyphs;
  size_t count;
  double width; /* font units */
  const char *text;
} shaped_line;

/* Wraps one paragraph at size into lines no wider than width (points)
 * with text's greedy wrapper, and shapes each line, appending to lines
 * (up to cap). */
static int wrap(shaped_line *lines,
                size_t *n,
                size_t cap,
                const char *text,
                double size,
                double width,
                bc_shaper *sh,
                bc_arena *arena,
                bc_error *err) {
  bc_wrap how = {BC_STYLE_REGULAR, size, width, width, false};
  bc_text_line *wrapped;
  size_t count;
  int rc;
  if ((rc = bc_shaper_wrap(&wrapped, &count, sh, text, &how, arena, err)))
    return rc;
  for (size_t i = 0; i < count && *n < cap; i++) {
    bc_shaped s;
    char *piece = bc_arena_strndup(arena, wrapped[i].text, wrapped[i].len);
    if (!piece)
      return bc_error_oom(err);
    if ((rc = bc_shaper_shape(&s, sh, BC_STYLE_REGULAR, piece, wrapped[i].len,
                              arena, err)))
      return rc;
    lines[*n].glyphs = s.glyphs;
    lines[*n].count = s.count;
    lines[*n].width = s.width;
    lines[*n].text = piece;
    (*n)++;
  }
  return 0;
}

static int text_appearance(bc_appearance *ap,
                           const bc_ap_request *what,
                           const bc_fontset *fonts,
                           bc_shaper *sh,
                           bc_arena *arena,
                           bc_error *err) {
  const char *cn = what->cn, *org = what->org, *when = what->when;
  bc_ap_style style = what->style;
  double w = what->w, h = what->h;
  const bc_face_info *fi = bc_fontset_info(fonts, BC_STYLE_REGULAR);
  char para[3][512];
  size_t npara = 0, nlines = 0;
  shaped_line lines[24];
  double size = 11, pad = 2;
  bc_glyph_set set;
  bc_buf b;
  int rc;

  snprintf(para[npara++], sizeof para[0], "Ký bởi: %s", cn);
  if (org[0])
    snprintf(para[npara++], sizeof para[0], "Cơ quan: %s", org);
  snprintf(para[npara++], sizeof para[0], "Thời gian ký: %s", when);
  /* The signer's text keeps to the right two thirds of its box: the seal
   * covers the left third (decree30-layout.md §10), and two texts over
   * each other could not be read. Another producer's field has no seal
   * over it. */
  double x0 = style == BC_AP_SIGNER ? w / 3 : 0, bw = w - x0;
  /* The largest size at which every wrapped line fits the box. */
  for (; size >= 5; size -= 0.5) {
    double max_fu = (bw - 2 * pad) / size * fi->upem;
    bool fits = true;
    nlines = 0;
    for (size_t i = 0; i < npara; i++)
      if ((rc = wrap(lines, &nlines, 24, para[i], size, bw - 2 * pad, sh,
                     arena, err)))
        return rc;
    for (size_t i = 0; i < nlines; i++)
      fits &= lines[i].width <= max_fu;
    if (fits && nlines * size * LINE_STEP <= h - 2 * pad)
      break;
  }
  if ((rc = bc_glyph_set_init(&set, fonts, BC_STYLE_REGULAR, arena, err)))
    return rc;
  bc_buf_init(&b, arena->alloc);
  bc_buf_printf(&b, "q %s rg BT /F1 %.1f Tf\n",
                style == BC_AP_SEAL ? "0.8 0 0" : "0 0 0.7", size);
  double y = h - pad - size * 0.95;
  for (size_t i = 0; i < nlines; i++, y -= size * LINE_STEP) {
    double lw = lines[i].width * size / fi->upem;
    bc_buf_printf(&b, "1 0 0 1 %.3f %.3f Tm <", x0 + (bw - lw) / 2, y);
    for (size_t k = 0; k < lines[i].count; k++) {
      const bc_glyph *g = &lines[i].glyphs[k];
      bc_shaped shaped = {lines[i].glyphs, lines[i].count, 0};
      if ((rc = bc_glyph_set_add(
               &set, g->gid, lines[i].text + g->cluster,
               bc_shaped_cluster_len(&shaped, k, strlen(lines[i].text)), err))) {
        bc_buf_free(&b);
        return rc;
      }
      bc_buf_printf(&b, "%04X", (unsigned)g->gid);
    }
    bc_buf_puts(&b, "> Tj\n");
  }
  bc_buf_puts(&b, "ET Q\n");
  if (!(ap->content = (const unsigned char *)arena_text(&b, arena, err))) {
    bc_buf_free(&b);
    return err->code;
  }
  ap->content_len = b.len;

  /* The font: a subset of the face with the glyphs drawn, written as the
   * document's fonts are (pdf's bc_pdf_font). */
  static const char *const refs[BC_PDF_FONT_OBJECTS] = {"@0", "@1", "@2", "@3",
                                                        "@4"};
  bc_pdf_font font;
  if ((rc = bc_pdf_font_make(&font, &set, fonts, arena, err))) {
    bc_buf_free(&b);
    return rc;
  }
  for (int i = 0; i < BC_PDF_FONT_OBJECTS; i++) {
    const char *dict;
    bc_buf_reset(&b);
    bc_pdf_font_dict(&b, &font, (bc_pdf_font_obj)i, refs);
    if (!(dict = arena_text(&b, arena, err))) {
      bc_buf_free(&b);
      return err->code;
    }
    ap->objects[i] = (bc_ap_object){dict, NULL, 0};
  }
  bc_buf_free(&b);
  ap->objects[BC_PDF_FONT_FILE].stream = font.file;
  ap->objects[BC_PDF_FONT_FILE].stream_len = font.file_len;
  ap->objects[BC_PDF_FONT_TOUNICODE].stream =
      (const unsigned char *)font.tounicode;
  ap->objects[BC_PDF_FONT_TOUNICODE].stream_len = font.tounicode_len;
  ap->object_count = BC_PDF_FONT_OBJECTS;
  ap->resources = "<< /Font << /F1 @0 >> >>";
  return 0;
}

int bc_sign__appearance(bc_appearance *out,
                        const bc_ap_request *what,
                        const bc_fontset *fonts,
                        bc_shaper *shaper,
                        bc_arena *arena,
                        bc_error *err) {
  memset(out, 0, sizeof *out);
  if (what->req->image_rgba)
    return image_appearance(out, what->req, what->w, what->h, arena, err);
  return text_appearance(out, what, fonts, shaper, arena, err);
}
