/* raster/raster.c: the page model drawn into a grey image: glyph outlines
 * through FreeType's anti-aliasing rasteriser, rules as solid rectangles.
 * PNG encoding and decoding live in png.c.
 *
 * Design notes:
 *  1. Draw what pdftoppm (poppler's Splash) draws, so that the preview and
 *     the PDF seen in a reader agree to the pixel where they can: unhinted
 *     outlines (poppler turns FreeType hinting off by default), each
 *     glyph's origin on a quarter pixel across and a whole pixel down (the
 *     positions Splash caches glyphs at), rules snapped to whole pixels and
 *     at least one pixel thick (Splash's stroke adjustment), coverage
 *     blended linearly.
 *  2. Every allocation FreeType makes goes through the caller's allocator.
 *     FreeType shrugs off some failures (FT_Add_Default_Modules returns
 *     nothing), so a flag records any failed allocation and the operation
 *     that saw one fails with BC_ENOMEM, even if FreeType carried on.
 */
#include "raster/raster.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H
#include FT_OUTLINE_H
#include <math.h>
#include <string.h>

struct bc_raster {
  const bc_allocator *alloc;
  struct FT_MemoryRec_ memory; /* FreeType's allocator: user = this */
  FT_Library lib;
  FT_Face faces[BC_STYLE_COUNT];
  FT_F26Dot6 ppem_26_6[BC_STYLE_COUNT]; /* size set on each face, 0 none */
  unsigned glyph_count[BC_STYLE_COUNT];
  const char *path[BC_STYLE_COUNT]; /* borrowed from the font set */
  int oom; /* an allocation failed during the current operation */
};

/* ---- FreeType's memory (design note 2) ---- */

static void *ft_alloc(FT_Memory m, long size) {
  bc_raster *r = m->user;
  void *p = bc_malloc(r->alloc, (size_t)size);
  if (!p)
    r->oom = 1;
  return p;
}

static void ft_free(FT_Memory m, void *block) {
  bc_raster *r = m->user;
  bc_free(r->alloc, block);
}

static void *ft_realloc(FT_Memory m, long cur_size, long size, void *block) {
  bc_raster *r = m->user;
  void *p = bc_realloc(r->alloc, block, (size_t)size);
  (void)cur_size;
  if (!p)
    r->oom = 1;
  return p;
}

/* A FreeType failure as a bc_error: BC_EFONT naming the font file, or
 * BC_ERROR without one. Out of memory wins over the reason FreeType
 * gives, since a failed allocation may surface as anything. */
static int ft_fail(bc_raster *r,
                   FT_Error fe,
                   bc_error *err,
                   const char *what,
                   const char *path) {
  if (r->oom || FT_ERROR_BASE(fe) == FT_Err_Out_Of_Memory)
    return bc_error_oom(err);
  if (!path)
    return bc_error_set(err, BC_ERROR, "%s (FreeType error 0x%02X)", what,
                        (unsigned)fe);
  return bc_error_set(err, BC_EFONT, "%s '%s' (FreeType error 0x%02X)", what,
                      path, (unsigned)fe);
}

int bc_raster_new(bc_raster **out,
                  const bc_fontset *fonts,
                  const bc_allocator *alloc,
                  bc_error *err) {
  bc_raster *r;
  FT_Error fe;
  int rc = 0;

  r = bc_calloc(alloc, 1, sizeof *r);
  if (!r)
    return bc_error_oom(err);
  r->alloc = alloc;
  r->memory.user = r;
  r->memory.alloc = ft_alloc;
  r->memory.free = ft_free;
  r->memory.realloc = ft_realloc;
  if ((fe = FT_New_Library(&r->memory, &r->lib)) != 0) {
    r->lib = NULL;
    rc = r->oom ? bc_error_oom(err)
                : bc_error_set(err, BC_EFONT, "cannot start FreeType");
    goto fail;
  }
  /* No FT_Set_Default_Properties: FREETYPE_PROPERTIES in the environment
   * does not change the preview. */
  FT_Add_Default_Modules(r->lib);
  if (r->oom) {
    rc = bc_error_oom(err);
    goto fail;
  }
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    const bc_face_info *fi = bc_fontset_info(fonts, (bc_style)s);
    /* opened again by path: a FIFO put there since would hang FreeType */
    if ((rc = bc_file_check_input(fi->path, BC_EFONT, err)))
      goto fail;
    if ((fe = FT_New_Face(r->lib, fi->path, fi->index, &r->faces[s])) != 0) {
      r->faces[s] = NULL;
      rc = ft_fail(r, fe, err, "cannot open font", fi->path);
      goto fail;
    }
    if ((unsigned)r->faces[s]->num_glyphs != fi->glyph_count) {
      rc = bc_error_set(err, BC_EFONT, "font '%s' changed since it was opened",
                        fi->path);
      goto fail;
    }
    r->glyph_count[s] = fi->glyph_count;
    r->path[s] = fi->path;
  }
  if (r->oom) {
    rc = bc_error_oom(err);
    goto fail;
  }
  *out = r;
  return 0;
fail:
  bc_raster_free(r);
  return rc;
}

void bc_raster_free(bc_raster *r) {
  if (!r)
    return;
  /* FT_Done_Library closes the faces too. */
  if (r->lib)
    FT_Done_Library(r->lib);
  bc_free(r->alloc, r);
}

/* ---- drawing ---- */

typedef struct canvas {
  unsigned char *pixels;
  size_t stride;
  int width, height;
} canvas;

/* Black ink of coverage c (0..255) over the grey v. */
static unsigned char ink(unsigned char v, unsigned c) {
  return (unsigned char)((v * (255u - c) + 127u) / 255u);
}

/* FreeType's span callback: rows count upwards from the bottom edge. */
static void blend_spans(int y, int count, const FT_Span *spans, void *user) {
  const canvas *cv = user;
  unsigned char *row = cv->pixels + (size_t)(cv->height - 1 - y) * cv->stride;
  for (int i = 0; i < count; i++) {
    unsigned char *p = row + spans[i].x;
    unsigned c = spans[i].coverage;
    for (unsigned k = 0; k < spans[i].len; k++)
      p[k] = ink(p[k], c);
  }
}

/* Renders outline (26.6 pixels, y up from the bottom edge) onto cv. */
static FT_Error fill_outline(FT_Library lib, FT_Outline *o, const canvas *cv) {
  FT_Raster_Params params;
  memset(&params, 0, sizeof params);
  params.flags =
      FT_RASTER_FLAG_AA | FT_RASTER_FLAG_DIRECT | FT_RASTER_FLAG_CLIP;
  params.gray_spans = blend_spans;
  params.user = (void *)cv;
  params.clip_box.xMin = 0;
  params.clip_box.yMin = 0;
  params.clip_box.xMax = cv->width;
  params.clip_box.yMax = cv->height;
  return FT_Outline_Render(lib, o, &params);
}

static int draw_run(bc_raster *r,
                    const bc_run *run,
                    double page_height_pt,
                    double scale,
                    const canvas *cv,
                    bc_error *err) {
  unsigned style = run->style & 3u;
  FT_Face face = r->faces[style];
  double ppem = run->size_pt * scale;
  FT_F26Dot6 ppem_26_6 = (FT_F26Dot6)lround(ppem * 64);
  double pen = run->x_pt;
  FT_Error fe;

  if (ppem_26_6 < 1)
    return 0; /* smaller than a pixel in 64: nothing to see */
  if (r->ppem_26_6[style] != ppem_26_6) {
    /* 72 dpi: the nominal size in points is the size in pixels. */
    if ((fe = FT_Set_Char_Size(face, 0, ppem_26_6, 72, 72)) != 0) {
      r->ppem_26_6[style] = 0;
      return ft_fail(r, fe, err, "cannot scale font", r->path[style]);
    }
    r->ppem_26_6[style] = ppem_26_6;
  }
  for (size_t i = 0; i < run->count; i++) {
    const bc_placed_glyph *g = &run->glyphs[i];
    double x = (pen + g->x_offset_pt) * scale;
    double y = (page_height_pt - (run->y_pt + g->y_offset_pt)) * scale;
    pen += g->advance_pt;
    if (g->gid >= r->glyph_count[style])
      return bc_error_set(err, BC_EFONT, "glyph %u is not in the font",
                          (unsigned)g->gid);
    /* Far outside the page (or not a number): nothing of it can show,
     * and FreeType's coordinates stay in range. */
    if (!(x > -4 * ppem && x < cv->width + 4 * ppem && y > -4 * ppem &&
          y < cv->height + 4 * ppem))
      continue;
    if ((fe = FT_Load_Glyph(face, g->gid,
                            FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP)) != 0)
      return ft_fail(r, fe, err, "cannot load a glyph of", r->path[style]);
    if (face->glyph->format != FT_GLYPH_FORMAT_OUTLINE ||
        face->glyph->outline.n_points == 0)
      continue;
    if (run->expansion != 0) {
      /* Font expansion: the outline scaled across, as Tz draws it. */
      FT_Matrix m = {(FT_Fixed)lround((1 + (double)run->expansion) * 65536),
                     0, 0, 0x10000};
      FT_Outline_Transform(&face->glyph->outline, &m);
    }
    /* Design note 1: a quarter pixel across, a whole pixel down. */
    double xq = floor(x * 4) / 4;
    double yq = cv->height - floor(y);
    FT_Outline_Translate(&face->glyph->outline, (FT_Pos)lround(xq * 64),
                         (FT_Pos)lround(yq * 64));
    if ((fe = fill_outline(r->lib, &face->glyph->outline, cv)) != 0)
      return ft_fail(r, fe, err, "cannot draw a glyph of", r->path[style]);
  }
  return 0;
}

/* Snaps [*a, *b] to whole pixels, at least one wide (design note 1). */
static void snap(double *a, double *b) {
  double lo = floor(*a + 0.5), hi = floor(*b + 0.5);
  if (hi <= lo)
    hi = lo + 1;
  *a = lo;
  *b = hi;
}

static void
fill_rect(const canvas *cv, double x0, double y0, double x1, double y1) {
  int xa = (int)fmax(x0, 0), xb = (int)fmin(x1, cv->width);
  int ya = (int)fmax(y0, 0), yb = (int)fmin(y1, cv->height);
  for (int y = ya; y < yb; y++)
    if (xb > xa)
      memset(cv->pixels + (size_t)y * cv->stride + xa, 0, (size_t)(xb - xa));
}

static int draw_rule(bc_raster *r,
                     const bc_rule *rule,
                     double page_height_pt,
                     double scale,
                     const canvas *cv,
                     bc_error *err) {
  /* Device space: pixels, y down from the top edge. */
  double x0 = rule->x0_pt * scale, x1 = rule->x1_pt * scale;
  double y0 = (page_height_pt - rule->y0_pt) * scale;
  double y1 = (page_height_pt - rule->y1_pt) * scale;
  double half = rule->width_pt * scale / 2;
  double far = 4.0 * (cv->width + cv->height);

  if (rule->width_pt <= 0)
    return 0;
  /* Clamp to a little beyond the page: the rasteriser's coordinates are
   * bounded, and nothing out there shows. */
  x0 = fmin(fmax(x0, -far), far);
  x1 = fmin(fmax(x1, -far), far);
  y0 = fmin(fmax(y0, -far), far);
  y1 = fmin(fmax(y1, -far), far);
  if (y0 == y1 || x0 == x1) {
    /* Horizontal or vertical, butt ends: a rectangle. */
    double xa = fmin(x0, x1), xb = fmax(x0, x1);
    double ya = fmin(y0, y1), yb = fmax(y0, y1);
    if (y0 == y1) {
      ya -= half;
      yb += half;
    } else {
      xa -= half;
      xb += half;
    }
    snap(&xa, &xb);
    snap(&ya, &yb);
    fill_rect(cv, xa, ya, xb, yb);
    return 0;
  }
  /* Any other direction: the stroke's outline, anti-aliased. */
  double len = hypot(x1 - x0, y1 - y0);
  double nx = -(y1 - y0) / len * half, ny = (x1 - x0) / len * half;
  FT_Vector pts[4];
  char tags[4] = {FT_CURVE_TAG_ON, FT_CURVE_TAG_ON, FT_CURVE_TAG_ON,
                  FT_CURVE_TAG_ON};
  short contour = 3;
  const double px[4] = {x0 + nx, x1 + nx, x1 - nx, x0 - nx};
  const double py[4] = {y0 + ny, y1 + ny, y1 - ny, y0 - ny};
  for (int i = 0; i < 4; i++) {
    pts[i].x = (FT_Pos)lround(px[i] * 64);
    pts[i].y = (FT_Pos)lround((cv->height - py[i]) * 64);
  }
  FT_Outline o;
  memset(&o, 0, sizeof o);
  o.n_points = 4;
  o.n_contours = 1;
  o.points = pts;
  o.tags = tags;
  o.contours = &contour;
  FT_Error fe = fill_outline(r->lib, &o, cv);
  if (fe)
    return ft_fail(r, fe, err, "cannot draw a rule", NULL);
  return 0;
}

int bc_raster_page(bc_image *out,
                   bc_raster *r,
                   const bc_page *page,
                   double dpi,
                   bc_arena *arena,
                   bc_error *err) {
  double scale = dpi / 72.0, w, h;
  canvas cv;
  int rc;

  if (!(dpi >= 1 && dpi <= 2400))
    return bc_error_set(err, BC_ERROR, "resolution %g dpi is not in 1..2400",
                        dpi);
  /* pdftoppm's size: the page's extent rounded up. */
  w = ceil(page->width_pt * scale - 1e-9);
  h = ceil(page->height_pt * scale - 1e-9);
  if (!(w >= 1 && h >= 1 && w <= BC_IMAGE_MAX_SIDE && h <= BC_IMAGE_MAX_SIDE))
    return bc_error_set(err, BC_ERROR,
                        "a page of %.0f x %.0f pixels is larger than %u on a "
                        "side",
                        w, h, BC_IMAGE_MAX_SIDE);
  cv.width = (int)w;
  cv.height = (int)h;
  cv.stride = (size_t)cv.width;
  cv.pixels = bc_arena_alloc(arena, cv.stride * (size_t)cv.height);
  if (!cv.pixels)
    return bc_error_oom(err);
  memset(cv.pixels, 255, cv.stride * (size_t)cv.height);
  r->oom = 0;
  /* In the PDF's order: rules, then text. */
  for (size_t i = 0; i < page->rule_count; i++)
    if ((rc = draw_rule(r, &page->rules[i], page->height_pt, scale, &cv, err)))
      return rc;
  for (size_t i = 0; i < page->run_count; i++)
    if ((rc = draw_run(r, &page->runs[i], page->height_pt, scale, &cv, err)))
      return rc;
  if (r->oom)
    return bc_error_oom(err);
  out->width = (unsigned)cv.width;
  out->height = (unsigned)cv.height;
  out->format = BC_PIXEL_GRAY;
  out->stride = cv.stride;
  out->pixels = cv.pixels;
  return 0;
}
