/* text/text_int.h: the fontset's private layout, shared by font.c, shape.c,
 * subset.c and wrap.c. */
#ifndef BC_TEXT_INT_H
#define BC_TEXT_INT_H

#include "text/text.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

typedef struct bc_face {
  bc_face_info info;
  char *path;      /* owned */
  char *ps_name;   /* owned */
  hb_blob_t *blob; /* the file's bytes */
  hb_face_t *hb_face;
  hb_font_t *hb_font; /* scale = upem: positions come out in font units */
  FT_Face ft_face;
} bc_face;

/* The faces hb-subset works from once prepared (hb_subset_preprocess):
 * the one mutable part of a fontset, filled by bc_fontset_subset. */
typedef struct bc_subset_faces {
  hb_face_t *prepared[BC_STYLE_COUNT]; /* NULL: not (yet) prepared */
  unsigned uses[BC_STYLE_COUNT];       /* subsets made of each face */
  unsigned after; /* prepare a face on this subset of it; 0: never */
} bc_subset_faces;

struct bc_fontset {
  const bc_allocator *alloc;
  FT_Library ft;
  bc_face faces[BC_STYLE_COUNT];
  bc_subset_faces *subset; /* owned; written through a const fontset */
};

/* The fontset sh shapes with (borrowed). */
const bc_fontset *bc_text__shaper_fonts(const bc_shaper *sh);

/* Big-endian integers of a font file (OpenType is big-endian). */
static inline unsigned bc_be16(const unsigned char *p) {
  return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t bc_be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

#endif
