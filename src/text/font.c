/* text/font.c: opening the four faces of a fontset; FreeType reads the face
 * metrics a PDF font descriptor needs, HarfBuzz keeps a font for shaping. */
#include "text/text_int.h"
#include "common/version.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"

#include FT_TRUETYPE_TABLES_H
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

const char *const bc_default_font_files[BC_STYLE_COUNT] = {
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};

static void face_close(const bc_allocator *a, bc_face *f) {
  if (f->ft_face) /* before the blob it reads */
    FT_Done_Face(f->ft_face);
  hb_font_destroy(f->hb_font);
  hb_face_destroy(f->hb_face);
  hb_blob_destroy(f->blob);
  bc_free(a, f->path);
  bc_free(a, f->ps_name);
  memset(f, 0, sizeof *f);
}

static int face_open(bc_face *f,
                     FT_Library ft,
                     const char *path,
                     int index,
                     bc_style style,
                     const bc_allocator *a,
                     bc_error *err) {
  struct stat st;
  const char *ps;
  TT_OS2 *os2;
  unsigned int len = 0;
  int rc;

  if (stat(path, &st) != 0)
    return bc_error_set(err, BC_EFONT, "font file '%s' does not exist", path);
  /* FreeType and HarfBuzz open it by path: a FIFO would hang them. */
  if ((rc = bc_file_check_input(path, BC_EFONT, err)))
    return rc;
  f->path = bc_strndup(a, path, strlen(path));
  if (!f->path)
    return bc_error_oom(err);
  /* The file mapped once (HarfBuzz maps it), FreeType reading the same
   * bytes: a second mapping cost 130-180 KB of resident pages a face. */
  f->blob = hb_blob_create_from_file_or_fail(path);
  if (!f->blob || !(len = hb_blob_get_length(f->blob)) ||
      FT_New_Memory_Face(ft, (const FT_Byte *)hb_blob_get_data(f->blob, NULL),
                         (FT_Long)len, index, &f->ft_face) != 0) {
    f->ft_face = NULL;
    return bc_error_set(err, BC_EFONT, "'%s' is not a font FreeType can read",
                        path);
  }
  if (!FT_IS_SFNT(f->ft_face) || !FT_IS_SCALABLE(f->ft_face))
    return bc_error_set(err, BC_EFONT, "'%s' is not a TrueType/OpenType font",
                        path);
  if (FT_Select_Charmap(f->ft_face, FT_ENCODING_UNICODE) != 0)
    return bc_error_set(err, BC_EFONT, "font '%s' has no Unicode character map",
                        path);
  f->hb_face = hb_face_create(f->blob, (unsigned)index);
  f->hb_font = hb_font_create(f->hb_face);
  if (hb_face_get_glyph_count(f->hb_face) == 0)
    return bc_error_set(err, BC_EFONT, "font '%s' has no glyphs", path);
  /* The PDF embeds TrueType outlines (FontFile2); an OpenType font with
   * PostScript (CFF) outlines would make a PDF no reader can draw. */
  hb_blob_t *glyf =
      hb_face_reference_table(f->hb_face, HB_TAG('g', 'l', 'y', 'f'));
  unsigned int glyf_len = hb_blob_get_length(glyf);
  hb_blob_destroy(glyf);
  if (!glyf_len)
    return bc_error_set(err, BC_EFONT,
                        "font '%s' has PostScript (CFF) outlines; baocao "
                        "embeds TrueType outlines only",
                        path);
  /* Positions in font units: the layout scales them itself. */
  hb_font_set_scale(f->hb_font, (int)f->ft_face->units_per_EM,
                    (int)f->ft_face->units_per_EM);
  hb_font_make_immutable(f->hb_font);

  ps = FT_Get_Postscript_Name(f->ft_face);
  if (!ps)
    ps = "Font";
  f->ps_name = bc_strndup(a, ps, strlen(ps));
  if (!f->ps_name)
    return bc_error_oom(err);

  bc_face_info *i = &f->info;
  i->path = f->path;
  i->index = index;
  i->postscript_name = f->ps_name;
  i->upem = f->ft_face->units_per_EM;
  i->glyph_count = hb_face_get_glyph_count(f->hb_face);
  i->ascender = f->ft_face->ascender;
  i->descender = f->ft_face->descender;
  i->bbox[0] = (int)f->ft_face->bbox.xMin;
  i->bbox[1] = (int)f->ft_face->bbox.yMin;
  i->bbox[2] = (int)f->ft_face->bbox.xMax;
  i->bbox[3] = (int)f->ft_face->bbox.yMax;
  os2 = FT_Get_Sfnt_Table(f->ft_face, FT_SFNT_OS2);
  i->cap_height =
      os2 && os2->version >= 2 ? os2->sCapHeight : (int)(0.7 * i->upem);
  TT_Postscript *post = FT_Get_Sfnt_Table(f->ft_face, FT_SFNT_POST);
  i->italic_angle = post ? post->italicAngle / 65536.0 : 0;
  i->bold = (f->ft_face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
  i->italic = (f->ft_face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  /* TrueType has no stem width; PDF readers only use it for substitution. */
  i->stem_v = i->bold ? 140 : 80;
  if (((style & BC_STYLE_BOLD) != 0) != i->bold ||
      ((style & BC_STYLE_ITALIC) != 0) != i->italic) {
    static const char *const names[] = {"regular", "bold", "italic",
                                        "bold italic"};
    return bc_error_set(err, BC_EFONT, "font '%s' is not the %s face", path,
                        names[style]);
  }
  return 0;
}

/* Opens paths[style] (face index[style] of each file) for every style. */
static int fontset_open_files(bc_fontset **out,
                              const char *const paths[BC_STYLE_COUNT],
                              const int index[BC_STYLE_COUNT],
                              const bc_allocator *alloc,
                              bc_error *err) {
  bc_fontset *fs;
  int rc = 0;

  fs = bc_calloc(alloc, 1, sizeof *fs);
  if (!fs)
    return bc_error_oom(err);
  fs->alloc = alloc;
  if (!(fs->subset = bc_calloc(alloc, 1, sizeof *fs->subset))) {
    rc = bc_error_oom(err);
    goto fail;
  }
  if (FT_Init_FreeType(&fs->ft) != 0) {
    fs->ft = NULL;
    rc = bc_error_set(err, BC_EFONT, "cannot start FreeType");
    goto fail;
  }
  for (int s = 0; s < BC_STYLE_COUNT; s++)
    if ((rc = face_open(&fs->faces[s], fs->ft, paths[s], index[s], (bc_style)s,
                        alloc, err)))
      goto fail;
  *out = fs;
  return 0;
fail:
  bc_fontset_close(fs);
  return rc;
}

int bc_fontset_open(bc_fontset **out,
                    const char *dir,
                    const char *const files[BC_STYLE_COUNT],
                    const bc_allocator *alloc,
                    bc_error *err) {
  char path[BC_STYLE_COUNT][4096];
  const char *paths[BC_STYLE_COUNT];
  const int index[BC_STYLE_COUNT] = {0};
  struct stat st;

  if (!files)
    files = bc_default_font_files;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    return bc_error_set(err, BC_EFONT, "font directory '%s' does not exist",
                        dir);
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    if (snprintf(path[s], sizeof path[s], "%s/%s", dir, files[s]) >=
        (int)sizeof path[s])
      return bc_error_set(err, BC_EFONT, "font path too long");
    paths[s] = path[s];
  }
  return fontset_open_files(out, paths, index, alloc, err);
}

int bc_fontset_open_family(bc_fontset **out,
                           const char *family,
                           const bc_allocator *alloc,
                           bc_error *err) {
  bc_font_file found[BC_STYLE_COUNT];
  const char *paths[BC_STYLE_COUNT];
  int index[BC_STYLE_COUNT];
  int rc;

  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    if ((rc = bc_font_system_find(&found[s], family, (bc_style)s, err)))
      return rc;
    paths[s] = found[s].path;
    index[s] = found[s].index;
  }
  return fontset_open_files(out, paths, index, alloc, err);
}

void bc_fontset_close(bc_fontset *fs) {
  if (!fs)
    return;
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    if (fs->subset) /* before the face it was made from */
      hb_face_destroy(fs->subset->prepared[s]);
    face_close(fs->alloc, &fs->faces[s]);
  }
  bc_free(fs->alloc, fs->subset);
  if (fs->ft)
    FT_Done_FreeType(fs->ft);
  bc_free(fs->alloc, fs);
}

const bc_face_info *bc_fontset_info(const bc_fontset *fs, bc_style style) {
  return &fs->faces[style].info;
}

int bc_fontset_advance(const bc_fontset *fs, bc_style style, uint32_t gid) {
  return hb_font_get_glyph_h_advance(fs->faces[style].hb_font, gid);
}

const unsigned char *
bc_fontset_bytes(const bc_fontset *fs, bc_style style, size_t *len) {
  unsigned int n = 0;
  const char *data = hb_blob_get_data(fs->faces[style].blob, &n);
  *len = n;
  return (const unsigned char *)data;
}

void bc_text_versions(bc_library_version *out, size_t max, size_t *n) {
  FT_Library lib = NULL;
  FT_Int major = 0, minor = 0, patch = 0;
  char v[32] = "?";
  bc_version_put(out, max, n, "HarfBuzz", hb_version_string());
  /* FreeType says its version only through a library object. */
  if (FT_Init_FreeType(&lib) == 0) {
    FT_Library_Version(lib, &major, &minor, &patch);
    snprintf(v, sizeof v, "%d.%d.%d", (int)major, (int)minor, (int)patch);
    FT_Done_FreeType(lib);
  }
  bc_version_put(out, max, n, "FreeType", v);
}
