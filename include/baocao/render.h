/* baocao/render.h: rendering one report from the database to a PDF file,
 * or one of its pages to a PNG image (a preview drawn from the same pages). */
#ifndef BAOCAO_RENDER_H
#define BAOCAO_RENDER_H

#include "baocao/export.h"

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "baocao/temp.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A worker's context: fonts, shaper and compiled templates, loaded once and
 * reused for every report the worker renders. Not thread-safe: one context
 * per thread. Nothing outside it is mutable, so workers run in parallel.
 */
typedef struct bc_context bc_context;

typedef struct bc_context_options {
  unsigned version;
  const char *font_dir;      /* holds the four Liberation Serif files;
                                NULL (and no font_family): Liberation Serif
                                from the system's fonts (fontconfig) */
  const char *template_dir;  /* holds <template>.md and partials; required:
                                NULL is an error (BC_ERROR), not a crash */
  const bc_allocator *alloc; /* NULL: the C library's */
  /* Told each temporary file's name (render, preview, sign), or NULL;
   * must outlive the context. */
  const bc_temp_hook *temp_hook;
  const char *font_family;   /* NULL: the files in font_dir. Else the
                                regular, bold, italic and bold italic faces
                                of this family among the system's fonts
                                (fontconfig), by exactly this name
                                (bc_font_family_find); font_dir is then
                                not read */
  /* Nonzero: each face is prepared for subsetting (HarfBuzz's
   * hb_subset_preprocess, about 20 M instructions a face, once) the first
   * time a render embeds it, which makes every later render about 4.5 M
   * instructions cheaper (a tenth of a 2-page report): for a context that
   * renders many reports (baocao bulk's workers set it). 0: a face is
   * prepared on the context's BC_CONTEXT_PREPARE_FONTS_AFTER-th render that
   * embeds it, so one render pays nothing. The PDFs' bytes are the same
   * either way. */
  int prepare_fonts;
  /* How many threads one render may use: 0 or 1, the calling thread
   * alone; more (at most 8), independent parts of a render (lines of
   * separate paragraphs, deflating streams, subsetting fonts) also run on
   * threads the render starts and joins before it returns. The bytes
   * written are the same for every value. With more than 1, alloc is
   * called from those threads too, so it must be thread-safe (the C
   * library's is). baocao render and preview use one per CPU they may
   * run on, up to 4; check 1 (bc_check lays nothing out); bulk's workers
   * 1 each, as they already run in parallel. */
  unsigned threads;
} bc_context_options;

/* The render that embeds a face after which a context prepares that face
 * without prepare_fonts: where preparing has paid for itself. */
#define BC_CONTEXT_PREPARE_FONTS_AFTER 16

#define BC_CONTEXT_OPTIONS_VERSION 1
/* Every field's default is zero (docs/architecture.md, "Public API
 * conventions"): the macro, or bc_context_options_init, sets the version
 * and nothing else. */
#define BC_CONTEXT_OPTIONS_INIT { .version = BC_CONTEXT_OPTIONS_VERSION }
BC_EXPORT void bc_context_options_init(bc_context_options *opts);

/* The family of the bundled fonts: Times New Roman's metrics. */
#define BC_FONT_FAMILY_DEFAULT "Liberation Serif"

/*
 * Whether the system's fonts (fontconfig's default configuration) have the
 * four faces of family (regular, bold, italic, bold italic) under exactly
 * that name, ASCII case and blanks aside, as bc_context_new would load
 * them with font_family. On success the regular face's file goes into path
 * (size bytes; path may be NULL) and the lowest font revision of the four
 * faces (the OpenType head table's fontRevision, 16.16 fixed point:
 * 0x20000 is 2.0) into *revision (may be NULL). Errors: BC_EFONT naming
 * the family and the face it lacks (fontconfig would substitute another
 * family or style), BC_ENOMEM. Thread-safe.
 */
BC_EXPORT int bc_font_family_find(char *path,
                        size_t size,
                        unsigned *revision,
                        const char *family,
                        bc_error *err);

/*
 * Frees what finding families loaded (fontconfig's configuration and font
 * list; fontsets already open keep their files). Call at exit, when no
 * thread finds a family or makes a context with font_family; a later call
 * loads them again. Not thread-safe.
 */
BC_EXPORT void bc_font_family_release(void);

/*
 * Loads the fonts. Errors: BC_EFONT naming the file (or the family that is
 * not installed), BC_ENOMEM.
 * Free with bc_context_free.
 */
BC_EXPORT int bc_context_new(bc_context **out,
                   const bc_context_options *opts,
                   bc_error *err);
BC_EXPORT void bc_context_free(bc_context *ctx);

/* What kind of PDF a report is written as (`--pdf-standard`). */
typedef enum bc_pdf_standard {
  /* The default, for archives and screen readers: PDF/A-3b (ISO 19005-3)
   * with the report's data as an associated file, tagged (the logical
   * structure of the report, language vi-VN; designed to PDF/UA-1). */
  BC_PDF_STANDARD_A3B = 0,
  /* A plain PDF 1.7: no PDF/A metadata or output intent, no tags. */
  BC_PDF_STANDARD_NONE
} bc_pdf_standard;

/* Where the tone mark of hòa/hoà, khỏe/khoẻ, thủy/thuỷ goes: both
 * spellings are correct Vietnamese, and a report prints what its author
 * typed unless one style is asked for. */
typedef enum bc_tones {
  BC_TONES_TEMPLATE = 0, /* the template's `kieu_dau`, else as typed */
  BC_TONES_NEW,          /* kiểu mới, on the first vowel: hòa, khỏe, thủy */
  BC_TONES_OLD,          /* kiểu cũ, on the second vowel: hoà, khoẻ, thuỷ */
  BC_TONES_AS_TYPED      /* as typed, whatever the template says */
} bc_tones;

/* What bc_render writes. */
typedef enum bc_format {
  BC_FORMAT_PDF = 0, /* the report to issue: laid out, typeset, signable */
  BC_FORMAT_DOCX,    /* an editable draft: a Word document (Office Open XML) */
  BC_FORMAT_ODT      /* an editable draft: an OpenDocument text */
} bc_format;

/* "pdf", "docx" or "odt". */
BC_EXPORT const char *bc_format_name(bc_format format);

/* The format named name ("pdf", "docx", "odt"), or -1. */
BC_EXPORT int bc_format_from_name(const char *name);

/* The format a file name's extension names (.pdf, .docx, .odt, in any
 * case), or -1. */
BC_EXPORT int bc_format_from_path(const char *path);

typedef struct bc_render_options {
  unsigned version;
  const char *db_path;
  const char *agency;        /* agency code */
  const char *period;        /* period code, 2023-Q3 */
  const char *template_name; /* NULL: the report's own */
  const char *output_path;   /* the PDF; written atomically */
  long long created;         /* creation date (Unix time); 0 (or any
                                negative value, -1 of version 1's
                                callers): now, or SOURCE_DATE_EPOCH
                                when set */
  int first_fit;             /* break lines first fit instead of total fit,
                                to compare the two (--stats) */
  int blank_number_date;     /* leave "Số" and the day and month blank for
                                the văn thư even when the database has them
                                (the e-office system fills them at issue) */
  int input_digest;          /* fill result->input_sha256 (it costs a hash
                                of the fonts once per context and of the
                                data and templates each time: bulk asks,
                                a single render need not) */
  const char *unless_input;  /* a bc_render_result.input_sha256 from an
                                earlier render: when the inputs still hash
                                to it, nothing is laid out or written and
                                result->unchanged is set. NULL: render.
                                Implies input_digest */
  int no_fsync;              /* do not flush the file to disk before the
                                rename (bulk syncs once at the end) */
  bc_pdf_standard pdf_standard; /* default PDF/A-3b, tagged */
  int no_expansion;          /* glyphs at their natural width: justify by
                                the spaces alone, without font expansion
                                (to compare, with --stats) */
  int tones;                 /* a bc_tones: the tone style of everything
                                the report prints (its text and values) */
  int format;                /* a bc_format: the PDF (0), or an editable
                                draft from the same document tree, not laid
                                out (result->pages and the layout figures
                                are 0); see docs/drafts.md */
  int output_fd;             /* not 0, with output_path NULL: write the
                                bytes to this open descriptor instead
                                (1, standard output, for `-o -`): no
                                temporary file, no rename, the descriptor
                                left open; the whole file is made before
                                the first byte is written. 0 (standard
                                input) cannot be chosen: it is the
                                default, a file */
  int no_sha256;             /* leave result->sha256 "": the bytes written
                                are not hashed (a pass over the whole file,
                                which `baocao render` asks for only to
                                print it, with --json or -v) */
} bc_render_options;

#define BC_RENDER_OPTIONS_VERSION 1
/* Zero defaults: the version and nothing else. */
#define BC_RENDER_OPTIONS_INIT { .version = BC_RENDER_OPTIONS_VERSION }
BC_EXPORT void bc_render_options_init(bc_render_options *opts);

/* Figures about one rendered report. */
typedef struct bc_render_result {
  size_t pages;
  size_t bytes;
  size_t lines;    /* body lines */
  size_t overfull; /* lines wider than the measure */
  size_t loose;    /* justified lines with spaces beyond 1.5x */
  size_t tight;    /* justified lines with spaces below 0.8x */
  size_t widows;
  size_t orphans;
  char sha256[65];       /* of the file written, lower-case hex; "" with
                            no_sha256 */
  char input_sha256[65]; /* with input_digest: of everything the PDF is
                            made from: the report's data, the template
                            files, the fonts, baocao's version and the
                            options that change the layout (not the
                            creation date); "" otherwise */
  int unchanged;         /* unless_input matched: nothing was written */
  size_t very_loose;     /* justified lines with spaces beyond 1.6x */
  double space_p95;      /* 95th percentile, over justified lines, of their
                            spaces over the natural space (1: natural) */
  double expansion_max;  /* the largest font expansion of a line, as a
                            fraction (0.02: glyphs 2 % wider or narrower) */
} bc_render_result;

/*
 * Renders the agency's report for the period into opts->output_path (or
 * opts->output_fd), as PDF or, with opts->format, as an editable .docx or
 * .odt draft. The file appears complete or not at all (temporary file,
 * then rename; to a descriptor, one write of the finished bytes). The
 * context keeps the database open between calls for the same db_path (and
 * opens it again if the file was replaced).
 * Errors (see baocao/error.h): BC_EDB, BC_ESCHEMA (database), BC_ENOTFOUND
 * (agency, period, report), BC_EDATA (missing indicator, bad value, a
 * character the font lacks), BC_ESYNTAX / BC_EINPUT (template), BC_EIO
 * (output), BC_ELAYOUT, BC_ENOMEM. result may be NULL.
 */
BC_EXPORT int bc_render(bc_render_result *result,
              bc_context *ctx,
              const bc_render_options *opts,
              bc_error *err);

typedef struct bc_preview_options {
  unsigned version;
  const char *db_path;
  const char *agency;        /* agency code */
  const char *period;        /* period code, 2023-Q3 */
  const char *template_name; /* NULL: the report's own */
  size_t page;               /* 1-based; 0: the first page */
  double dpi;                /* pixels per inch, 1..2400; 0: 100 */
  unsigned width_px;         /* not 0: instead of dpi, the resolution that
                                makes the page this many pixels wide */
  const char *output_path;   /* the PNG, written atomically; NULL: none */
  int keep_pixels;           /* hand the grey pixels back in the result */
  int keep_png;              /* hand the PNG back in the result (for a
                                terminal's graphics protocol) */
  int tones;                 /* a bc_tones, as for bc_render */
  int output_fd;             /* not 0, with output_path NULL: the PNG to
                                this open descriptor, as for bc_render */
} bc_preview_options;

#define BC_PREVIEW_OPTIONS_VERSION 1
/* Zero defaults: the version and nothing else. */
#define BC_PREVIEW_OPTIONS_INIT { .version = BC_PREVIEW_OPTIONS_VERSION }
BC_EXPORT void bc_preview_options_init(bc_preview_options *opts);

/* One previewed page: read it with the getters below, free it with
 * bc_preview_result_free. */
typedef struct bc_preview_result bc_preview_result;

/*
 * Draws one page of the agency's report for the period, from the same
 * pages bc_render writes as PDF (data, templates and layout run exactly
 * as for bc_render), as 8-bit grey: into opts->output_path as PNG (whole
 * or not at all; or to opts->output_fd) and/or, with keep_pixels or
 * keep_png, into the result. On success *out is the page's result (from
 * the context's allocator), which the caller frees with
 * bc_preview_result_free; on failure *out is left as it was. The context
 * keeps its own FreeType faces for drawing, opened on the first preview
 * and reused. Errors: those of bc_render, and BC_ENOTFOUND for a page the
 * report does not have ("page 12 is out of range: the report has 11
 * pages"), BC_ERROR for a resolution outside 1..2400 dpi. Not thread-safe
 * for one context.
 */
BC_EXPORT int bc_preview(bc_preview_result **out,
                         bc_context *ctx,
                         const bc_preview_options *opts,
                         bc_error *err);
/* Pages in the report. */
BC_EXPORT size_t bc_preview_result_pages(const bc_preview_result *r);
/* Size of the PNG written to opts->output_path or opts->output_fd, 0 if
 * none. */
BC_EXPORT size_t bc_preview_result_bytes(const bc_preview_result *r);
/* The page's size in pixels, and the resolution it was drawn at. */
BC_EXPORT unsigned bc_preview_result_width(const bc_preview_result *r);
BC_EXPORT unsigned bc_preview_result_height(const bc_preview_result *r);
BC_EXPORT double bc_preview_result_dpi(const bc_preview_result *r);
/* With keep_pixels: width * height bytes of grey (0 black, 255 white),
 * rows top to bottom, borrowed from r. NULL otherwise. */
BC_EXPORT const unsigned char *
bc_preview_result_pixels(const bc_preview_result *r);
/* With keep_png: the page as PNG, bc_preview_result_png_len bytes (for a
 * terminal's graphics protocol), borrowed from r. NULL and 0 otherwise. */
BC_EXPORT const unsigned char *
bc_preview_result_png(const bc_preview_result *r);
BC_EXPORT size_t bc_preview_result_png_len(const bc_preview_result *r);
/* Frees r, its pixels and its PNG. Accepts NULL. */
BC_EXPORT void bc_preview_result_free(bc_preview_result *r);

#ifdef __cplusplus
}
#endif

#endif
