/* pdf/pdf.h: writing the page model as PDF 1.7 with libharu: embedded font
 * subsets drawn by glyph ID (Type0/Identity-H) with a ToUnicode built from
 * the text each glyph shows, document information, an associated data
 * file, PDF/A-3b and tagged by default, same bytes for the same input. */
#ifndef BC_PDF_H
#define BC_PDF_H

#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"
#include "layout/page.h"
#include "text/text.h"
#include "common/version.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct bc_pdf_info {
  const char *title;    /* UTF-8 */
  const char *author;   /* UTF-8: the issuing agency */
  const char *subject;  /* UTF-8 */
  const char *keywords; /* UTF-8, may be NULL */
  time_t created;       /* creation and modification date */
  bool compress;        /* Flate streams (default true) */
  /* A plain PDF 1.7. Otherwise (the default) PDF/A-3b (ISO 19005-3: XMP
   * metadata, an sRGB output intent) and tagged (ISO 32000-1 14.8: the
   * structure of bc_pages in marked content, its language vi-VN). */
  bool plain;
  /* A file to carry inside the PDF, or attachment NULL: listed in the
   * /EmbeddedFiles name tree and in the catalog's /AF with
   * /AFRelationship /Data, as PDF/A-3 associates a document's source data
   * (ISO 32000-2 14.13). name is ASCII; description UTF-8. */
  const unsigned char *attachment;
  size_t attachment_len;
  const char *attachment_name;        /* baocao-data.json */
  const char *attachment_mime;        /* application/json */
  const char *attachment_description; /* Số liệu của báo cáo */
  /* Threads writing may use (the render's: bc_context_options.threads);
   * 0 or 1: this one alone. The bytes do not depend on it. */
  unsigned threads;
} bc_pdf_info;

/*
 * Writes pages as a complete PDF into memory from arena. Errors: BC_EFONT
 * (a subset that cannot be made), BC_ENOMEM, BC_ERROR (libharu failure,
 * with its error number). Thread-safe for distinct arenas.
 */
int bc_pdf_write(const unsigned char **data_out,
                 size_t *len_out,
                 const bc_pages *pages,
                 const bc_fontset *fonts,
                 const bc_pdf_info *info,
                 bc_arena *arena,
                 bc_error *err);

/* The glyphs of one face a PDF font must hold, and the text each shows
 * (the first cluster it was drawn for). Arrays from the arena. */
typedef struct bc_glyph_set {
  bc_style style;
  unsigned glyph_count;
  double scale;         /* 1000 / upem */
  unsigned char *drawn; /* [glyph_count] */
  const char **text;    /* [glyph_count], NULL when none */
  uint32_t *text_len;   /* [glyph_count] */
  double *width;        /* [glyph_count]: bc_glyph_set_width's values as
                           they are asked for, 0 until then */
} bc_glyph_set;

int bc_glyph_set_init(bc_glyph_set *set,
                      const bc_fontset *fonts,
                      bc_style style,
                      bc_arena *arena,
                      bc_error *err);
/* BC_EFONT for a glyph ID the face does not have. */
int bc_glyph_set_add(bc_glyph_set *set,
                     uint32_t gid,
                     const char *text,
                     uint32_t text_len,
                     bc_error *err);
/* Natural width in 1/1000 em, rounded to 2 decimals as written in a W
 * array (bc_pdf_width_text): at 1/1000 em, a report's widths would be off
 * by up to half a unit each, and the pen corrected every few glyphs. */
double bc_glyph_set_width(const bc_glyph_set *set,
                       const bc_fontset *fonts,
                       uint32_t gid);
/* The drawn glyph IDs in increasing order. */
int bc_glyph_set_list(uint32_t **gids_out,
                      size_t *count_out,
                      const bc_glyph_set *set,
                      bc_arena *arena,
                      bc_error *err);
/* Six capitals from the glyph set: the subset tag of PDF 9.6.4. */
void bc_glyph_set_tag(char tag[7], const bc_glyph_set *set);
/* The ToUnicode CMap (PDF 9.10.3) for the drawn glyphs, with codes[gid]
 * (NULL: the glyph ID) for each drawn glyph's code, in code_bytes (1 or 2)
 * bytes. */
void bc_glyph_set_tounicode(bc_buf *out,
                            const bc_glyph_set *set,
                            const uint32_t *codes,
                            unsigned code_bytes);
/* ---- one embedded font (fontobj.c) ---- */

/* w as a W array writes it: at most 2 decimals, no trailing zeros; into
 * s (at least 16 bytes), returning its length. */
int bc_pdf_width_text(char *s, double w);

/* Widths (1/1000 em) of count consecutive glyph IDs from first: one
 * "first [w1 w2 ...]" of a W array. */
typedef struct bc_pdf_width_run {
  uint32_t first;
  size_t count;
  const double *widths;
} bc_pdf_width_run;

#define BC_PDF_NO_GLYPH UINT32_MAX

/* What the objects of a Type0 font embedding a subset of one face hold,
 * for the document (pdf.c) and a signature's appearance (sign) alike. */
typedef struct bc_pdf_font {
  char base_font[128];        /* subset tag + PostScript name: ABCDEF+Name */
  const unsigned char *file;  /* the subset (FontFile2) */
  size_t file_len;
  int flags;                  /* FontDescriptor /Flags */
  double italic_angle;        /* degrees */
  long bbox[4];               /* 1/1000 em, as are the three below */
  long ascent;
  long descent;
  long cap_height;
  int stem_v;
  const bc_pdf_width_run *w;  /* the CIDFont's W array */
  size_t w_count;
  const char *tounicode;      /* the ToUnicode CMap's text */
  size_t tounicode_len;
  /* How the content streams draw a glyph: codes[gid] (NULL: the glyph ID
   * itself) in code_bytes bytes; the code is the CID. 2: /Encoding
   * /Identity-H; 1: the embedded CMap BC_PDF_ONE_BYTE_CMAP (code = CID).
   * The CID is the glyph's ID in the subset (CIDToGIDMap /Identity) but
   * in a one-byte font with a space (space_gid) whose ID in the subset
   * (space_sub_gid) is not 32: the space is CID 32, so that word spacing
   * (Tw, for one-byte code 32) applies to it and readers that take CID 32
   * for a space (poppler's text extraction) are right, and the glyph 32
   * of the subset is CID space_sub_gid (bc_pdf_cid_to_gid_map). */
  const uint32_t *codes;      /* [glyph_count of the face] */
  unsigned code_bytes;
  uint32_t space_gid;         /* BC_PDF_NO_GLYPH: none drawn or 2 bytes */
  uint32_t space_sub_gid;     /* 32: CIDToGIDMap /Identity */
} bc_pdf_font;

/* The font holding set's glyphs; everything from arena. Errors: BC_EFONT
 * (a subset that cannot be made), BC_ENOMEM. */
int bc_pdf_font_make(bc_pdf_font *out,
                     const bc_glyph_set *set,
                     const bc_fontset *fonts,
                     bc_arena *arena,
                     bc_error *err);

/* The same with the subset's glyphs renumbered 0..n-1 (hmtx and loca only
 * as long as they must be): drawn with one-byte codes when the subset has
 * at most 256 glyphs, else with Identity-H. For the document (pdf.c), not
 * for bc_pdf_font_dict, which writes Identity-H. */
int bc_pdf_font_make_compact(bc_pdf_font *out,
                             const bc_glyph_set *set,
                             const bc_fontset *fonts,
                             bc_arena *arena,
                             bc_error *err);

/*
 * bc_pdf_font_make_compact in three steps, so that the subset, the slow
 * part, is made on another thread while the caller writes what draws
 * with the font: bc_pdf_font_plan makes everything but out->file (the
 * codes from the subset's glyph IDs as bc_fontset_subset_ids foresees
 * them) and takes from the arena what job needs;
 * bc_pdf_font_subset_run(job) makes the subset on any thread (no arena:
 * HarfBuzz's memory; one thread for a face); bc_pdf_font_attach, back
 * on the arena's thread, puts it in out->file (checking that its IDs are
 * the foreseen ones: BC_EFONT else). When the IDs cannot be foreseen,
 * plan makes the subset itself and the other two do nothing.
 * bc_pdf_font_subset_free frees what run made when attach is not called.
 */
typedef struct bc_pdf_font_subset {
  bool pending; /* run makes the subset, attach puts it in */
  const bc_fontset *fonts;
  bc_style style;
  const uint32_t *gids;   /* [count], increasing */
  size_t count;
  const uint32_t *expect; /* [count]: the IDs the codes were made from */
  uint32_t expect_count;  /* the subset's glyphs */
  uint32_t *new_gids;     /* [count]: the IDs run finds */
  bc_font_subset sub;     /* run's */
  int rc;                 /* run's result, its error in err */
  bc_error err;
} bc_pdf_font_subset;

int bc_pdf_font_plan(bc_pdf_font *out,
                     bc_pdf_font_subset *job,
                     const bc_glyph_set *set,
                     const bc_fontset *fonts,
                     bc_arena *arena,
                     bc_error *err);
void bc_pdf_font_subset_run(bc_pdf_font_subset *job);
int bc_pdf_font_attach(bc_pdf_font *out,
                       bc_pdf_font_subset *job,
                       bc_arena *arena,
                       bc_error *err);
void bc_pdf_font_subset_free(bc_pdf_font_subset *job);

/* The embedded CMap (PDF 9.7.5.3) of a one-byte font: codespace <00>-<FF>,
 * code c = CID c, WMode 0, CIDSystemInfo Adobe-Identity-0 as the CIDFont's;
 * its text and, below, its /CMapName. */
#define BC_PDF_ONE_BYTE_CMAP "Baocao-OneByte-H"
const char *bc_pdf_one_byte_cmap(size_t *len_out);
/* The CIDToGIDMap stream (PDF 9.7.4.2) of a one-byte font whose space is
 * glyph `space` of the subset: CIDs 0-255 to the same glyph IDs but CID 32
 * to `space` and CID `space` to 32. */
void bc_pdf_cid_to_gid_map(unsigned char out[512], uint32_t space);

/* The five objects of a font. */
typedef enum bc_pdf_font_obj {
  BC_PDF_FONT_TYPE0,
  BC_PDF_FONT_CID,
  BC_PDF_FONT_DESCRIPTOR,
  BC_PDF_FONT_FILE,      /* a stream: the subset */
  BC_PDF_FONT_TOUNICODE, /* a stream: the CMap */
  BC_PDF_FONT_OBJECTS
} bc_pdf_font_obj;

/* The CIDFont's W entry of f: "/W [ first [w1 w2 ...] ... ]". */
void bc_pdf_font_w(bc_buf *out, const bc_pdf_font *f);

/* Object `which` of f (from bc_pdf_font_make: Identity-H) in PDF syntax,
 * for a writer of raw objects: the
 * dictionary, or for a stream the entries beside /Length and /Filter
 * (/Length1 for the file, none for the CMap). refs[k] is the reference to
 * object k ("12 0 R"). */
void bc_pdf_font_dict(bc_buf *out,
                      const bc_pdf_font *f,
                      bc_pdf_font_obj which,
                      const char *const refs[BC_PDF_FONT_OBJECTS]);

/* UTF-8 text as UTF-16BE hex digits (no BOM, no brackets). */
void bc_utf16_hex(bc_buf *out, const char *s, size_t len);

/* The run-time version of libharu, zlib and libqpdf (bc_library_versions). */
bc_versions_fn bc_pdf_versions;

#endif
