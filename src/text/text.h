/* text/text.h: fonts (FreeType for face metrics, HarfBuzz for shaping and
 * hb-subset for embedding) and line breaking over box/glue/penalty items.
 * Knows fonts and break items, not documents. */
#ifndef BC_TEXT_H
#define BC_TEXT_H

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "common/arena.h"
#include "common/version.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bit flags: bold = 1, italic = 2. */
typedef enum bc_style {
  BC_STYLE_REGULAR = 0,
  BC_STYLE_BOLD = 1,
  BC_STYLE_ITALIC = 2,
  BC_STYLE_BOLD_ITALIC = 3
} bc_style;

#define BC_STYLE_COUNT 4

/* The default file names in a font directory: the Liberation Serif family,
 * metric-compatible with Times New Roman. */
extern const char *const bc_default_font_files[BC_STYLE_COUNT];

/* Four faces (regular, bold, italic, bold italic); immutable once open
 * but for the faces bc_fontset_subset prepares (bc_fontset_prepare_subsets,
 * off unless asked): one thread at a time (a context's). */
typedef struct bc_fontset bc_fontset;

/*
 * Loads dir/files[style] for every style (files NULL = the defaults).
 * Errors: BC_EFONT naming the file (missing, unreadable, not a font, no
 * Unicode cmap), BC_ENOMEM. Close with bc_fontset_close.
 */
int bc_fontset_open(bc_fontset **out,
                    const char *dir,
                    const char *const files[BC_STYLE_COUNT],
                    const bc_allocator *alloc,
                    bc_error *err);
void bc_fontset_close(bc_fontset *fs);

/* One face's file as the system's fontconfig names it (system.c). */
typedef struct bc_font_file {
  char path[4096];
  int index;         /* the face in a collection (.ttc), else 0 */
  unsigned revision; /* the head table's fontRevision, 16.16 fixed point
                        (0x20000 is 2.0) */
} bc_font_file;

/*
 * The file of family's face in style among the system's fonts, through
 * fontconfig's default configuration, by exactly that family name (ASCII
 * case and blanks aside): fontconfig's substitute for a family it lacks,
 * or another style for a face the family lacks (synthetic bold included),
 * is BC_EFONT naming the family. Also BC_ENOMEM. Thread-safe.
 */
int bc_font_system_find(bc_font_file *out,
                        const char *family,
                        bc_style style,
                        bc_error *err);

/*
 * Where Debian's fonts-liberation2 puts Liberation Serif
 * ("/usr/share/fonts/truetype/liberation2"), when the four files of
 * bc_default_font_files are there, each a TrueType file whose head table
 * says version 2.0 or later: the directory fontconfig would answer with,
 * found without loading fontconfig's configuration (29 M instructions, most
 * of a short render's process). NULL otherwise. dir_override, when not
 * NULL, is looked in instead (the tests). Reads at most a few hundred bytes
 * of each file; thread-safe.
 */
const char *bc_font_system_known_dir(const char *dir_override);

/* Frees fontconfig's default configuration (FcFini): at exit, when no
 * thread uses it. A later bc_font_system_find loads it again. Not
 * thread-safe. */
void bc_font_system_release(void);

/*
 * The four faces of family as bc_font_system_find finds them, opened as
 * bc_fontset_open opens files. Errors: those two functions'.
 */
int bc_fontset_open_family(bc_fontset **out,
                           const char *family,
                           const bc_allocator *alloc,
                           bc_error *err);

/* What a PDF font descriptor needs; lengths in font units. */
typedef struct bc_face_info {
  const char *path;
  int index; /* the face in the file (a .ttc collection), else 0 */
  const char *postscript_name; /* LiberationSerif-Bold */
  unsigned upem;
  unsigned glyph_count;
  int ascender;
  int descender; /* negative */
  int cap_height;
  int bbox[4]; /* xmin ymin xmax ymax */
  double italic_angle;
  int stem_v;
  bool italic;
  bool bold;
} bc_face_info;

const bc_face_info *bc_fontset_info(const bc_fontset *fs, bc_style style);

/* The font file's bytes, as loaded (to tell whether the fonts changed). */
const unsigned char *
bc_fontset_bytes(const bc_fontset *fs, bc_style style, size_t *len);

/* Natural advance width of a glyph, in font units. */
int bc_fontset_advance(const bc_fontset *fs, bc_style style, uint32_t gid);

/* An embedding subset of one face (bc_fontset_subset). */
typedef struct bc_font_subset {
  const unsigned char *data; /* the OpenType font */
  size_t len;
  uint32_t glyph_count;      /* glyphs in the subset, .notdef included */
  const uint32_t *new_gids;  /* [count]: gids[i]'s ID in the subset; NULL
                                when IDs are kept */
  void *owner; /* bc_fontset_subset_bare's: the memory of data */
} bc_font_subset;

/*
 * Makes bc_fontset_subset work from faces prepared once for hb-subset
 * (hb_subset_preprocess: its tables parsed and accelerated), each face on
 * its after-th subset (1: its first; 0, the default: never). The subsets'
 * bytes are the same either way. Preparing costs about 20 M instructions a
 * face, once, and saves about 1 M on each later subset of it: worth it
 * for a fontset that makes many subsets (a context rendering many
 * reports), not for one.
 */
void bc_fontset_prepare_subsets(bc_fontset *fs, unsigned after);

/*
 * An OpenType subset of the face holding gids (plus .notdef and the
 * components of composite glyphs), without hinting or layout tables. With
 * renumber false, glyph IDs are kept (so a PDF can use Identity
 * CIDToGIDMap with CID = the face's GID); with renumber true, the subset's
 * glyphs are numbered 0..glyph_count-1 in the order of their IDs in the
 * face. The bytes come from arena. May prepare the face first
 * (bc_fontset_prepare_subsets): not thread-safe on one fontset. Errors:
 * BC_EFONT, BC_ENOMEM.
 */
int bc_fontset_subset(bc_font_subset *out,
                      const bc_fontset *fs,
                      bc_style style,
                      const uint32_t *gids,
                      size_t count,
                      bool renumber,
                      bc_arena *arena,
                      bc_error *err);

/*
 * bc_fontset_subset without the arena, for a thread that may not use
 * it (the memory is HarfBuzz's, from malloc): renumbered when new_gids
 * (taken before) is not NULL, which then gets count IDs
 * (out->new_gids); out->data stays until bc_fontset_subset_free(out).
 * bc_fontset_subset is this and a copy into the arena. Not thread-safe
 * on one face: one thread makes a face's subsets. Errors: BC_EFONT,
 * BC_ENOMEM.
 */
int bc_fontset_subset_bare(bc_font_subset *out,
                           const bc_fontset *fs,
                           bc_style style,
                           const uint32_t *gids,
                           size_t count,
                           uint32_t *new_gids,
                           bc_error *err);
void bc_fontset_subset_free(bc_font_subset *sub);

/*
 * The IDs bc_fontset_subset renumbered gives gids (increasing, as
 * bc_glyph_set_list makes them) in the subset, and its glyph count,
 * without making it: hb-subset keeps .notdef, the glyphs and the
 * components of the composite glyphs among them (glyf), numbered in the
 * order of their IDs in the face. *known false (and nothing else set)
 * for a face whose subset may hold more (CFF outlines, COLR or MATH
 * tables): only the subset itself tells. new_gids holds count IDs.
 * Errors: BC_ENOMEM.
 */
int bc_fontset_subset_ids(uint32_t *new_gids,
                          uint32_t *glyph_count,
                          bool *known,
                          const bc_fontset *fs,
                          bc_style style,
                          const uint32_t *gids,
                          size_t count,
                          bc_arena *arena,
                          bc_error *err);

/* One shaped glyph; lengths in font units, cluster = byte offset into the
 * shaped text. */
typedef struct bc_glyph {
  uint32_t gid;
  uint32_t cluster;
  int32_t x_advance;
  int32_t x_offset;
  int32_t y_offset;
} bc_glyph;

typedef struct bc_shaped {
  const bc_glyph *glyphs;
  size_t count;
  int32_t width; /* sum of x_advance, font units */
} bc_shaped;

/* Shapes text; holds a HarfBuzz buffer, so one per thread. */
typedef struct bc_shaper bc_shaper;

int bc_shaper_new(bc_shaper **out,
                  const bc_fontset *fs,
                  const bc_allocator *alloc,
                  bc_error *err);
void bc_shaper_free(bc_shaper *sh);

/*
 * Shapes NFC UTF-8 text (one style, no line breaks) with HarfBuzz. Glyphs
 * come from arena. A character the font lacks is BC_EDATA naming it
 * ("U+1F600 is not in LiberationSerif-Regular").
 */
int bc_shaper_shape(bc_shaped *out,
                    bc_shaper *sh,
                    bc_style style,
                    const char *text,
                    size_t len,
                    bc_arena *arena,
                    bc_error *err);

/*
 * Where glyph i's cluster ends in the text_len bytes shaped into sh: the
 * cluster of the next glyph that has another one, else text_len.
 */
static inline size_t
bc_shaped_cluster_end(const bc_shaped *sh, size_t i, size_t text_len) {
  for (size_t j = i + 1; j < sh->count; j++)
    if (sh->glyphs[j].cluster != sh->glyphs[i].cluster)
      return sh->glyphs[j].cluster;
  return text_len;
}

/*
 * The bytes of text glyph i shows (a PDF's ToUnicode, the page model's
 * glyph text): its cluster's, from its cluster to bc_shaped_cluster_end,
 * when it is the first glyph of its cluster; 0 for the others.
 */
static inline uint32_t
bc_shaped_cluster_len(const bc_shaped *sh, size_t i, size_t text_len) {
  uint32_t start = sh->glyphs[i].cluster;
  if (i > 0 && sh->glyphs[i - 1].cluster == start)
    return 0;
  size_t end = bc_shaped_cluster_end(sh, i, text_len);
  return end > start ? (uint32_t)(end - start) : 0;
}

/* ---- greedy wrapping (wrap.c) ---- */

/* One wrapped line: a slice of the wrapped text. */
typedef struct bc_text_line {
  const char *text;
  size_t len;
} bc_text_line;

/* How to wrap: widths in points, words measured in style at size. */
typedef struct bc_wrap {
  bc_style style;
  double size;        /* points */
  double first_width; /* the first line's, points */
  double rest_width;  /* the other lines', points */
  bool balanced;      /* even the lines out (centred headers, titles) */
} bc_wrap;

/*
 * Wraps text (one paragraph, no line feeds) greedily at spaces: each line
 * takes as many words as fit, a word measured alone and a space between
 * two. balanced: then the narrowest measure that keeps the number of lines.
 * A word wider than the line stays whole on its own line. *lines_out
 * (slices of text) comes from arena.
 */
int bc_shaper_wrap(bc_text_line **lines_out,
                   size_t *count_out,
                   bc_shaper *sh,
                   const char *text,
                   const bc_wrap *how,
                   bc_arena *arena,
                   bc_error *err);

/* ---- line breaking (linebreak.c) ---- */

typedef enum bc_item_kind {
  BC_ITEM_BOX,    /* unbreakable material of fixed width */
  BC_ITEM_GLUE,   /* space: may stretch or shrink; a break point after a box */
  BC_ITEM_PENALTY /* a possible break with a cost; <= -BC_PENALTY_INF forces */
} bc_item_kind;

#define BC_PENALTY_INF 10000

typedef struct bc_item {
  bc_item_kind kind;
  double width; /* points */
  double stretch; /* glue: how much wider it may get; box: how much wider */
  double shrink;  /* its glyphs may be drawn (font expansion), 0 for none */
  int penalty;
} bc_item;

typedef struct bc_break_params {
  double line_width;    /* points */
  double tolerance;     /* largest adjustment ratio accepted, e.g. 2 */
  int line_penalty;     /* added to each line's badness, e.g. 10 */
  int fitness_demerits; /* for adjacent lines of very different tightness */
} bc_break_params;

/*
 * Total-fit line breaking (Knuth & Plass, "Breaking Paragraphs into Lines",
 * 1981) over items that end with a forced break. Tries params->tolerance,
 * then looser passes, so that a paragraph whose boxes each fit the measure
 * always breaks. *breaks_out gets the item index of each line's break
 * (the last is the final item), from arena. A box wider than the measure is
 * BC_ELAYOUT (the caller splits such words first).
 */
int bc_break_lines(size_t **breaks_out,
                   size_t *count_out,
                   const bc_item *items,
                   size_t count,
                   const bc_break_params *params,
                   bc_arena *arena,
                   bc_error *err);

/*
 * First fit, for comparison: each line takes as many items as fit at their
 * natural width, then the next line starts. Same contract as
 * bc_break_lines.
 */
int bc_break_lines_first_fit(size_t **breaks_out,
                             size_t *count_out,
                             const bc_item *items,
                             size_t count,
                             const bc_break_params *params,
                             bc_arena *arena,
                             bc_error *err);

/*
 * The adjustment ratio of the line items[from..to) (to = break item): how
 * far its glue is stretched (> 0) or shrunk (< 0) to fill line_width. Box
 * stretch (font expansion) takes its share at the same ratio up to 1;
 * beyond, the boxes are at their limit and the ratio is the glue's alone
 * (linebreak.c, design note 5).
 */
double
bc_line_ratio(const bc_item *items, size_t from, size_t to, double line_width);

/* The run-time version of HarfBuzz and FreeType (bc_library_versions). */
bc_versions_fn bc_text_versions;

#endif
