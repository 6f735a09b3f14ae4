/* layout/layout.h: the Decree 30 frame (header block, title, body, page
 * numbers, Nơi nhận and signature block) and pagination; turns a bc_doc
 * into pages. See ../shared/docs/decree30-layout.md for the rules. */
#ifndef BC_LAYOUT_H
#define BC_LAYOUT_H

#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"
#include "layout/page.h"
#include "markup/doc.h"
#include "text/text.h"

/* The Quốc hiệu and the Tiêu ngữ (ô 1), as the frame sets them. */
#define BC_FRAME_NATIONAL_NAME "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define BC_FRAME_MOTTO "Độc lập - Tự do - Hạnh phúc"

/* Sizes and distances of the frame, in points; immutable, shared. */
typedef struct bc_frame {
  double page_width, page_height; /* A4 portrait */
  double margin_top, margin_bottom, margin_left, margin_right;
  double body_size;       /* 14 */
  double leading;         /* baseline to baseline in the body */
  double paragraph_space; /* after each paragraph */
  double first_indent;    /* 1,27 cm */
  double national_size;   /* Quốc hiệu 12 */
  double motto_size;      /* Tiêu ngữ 13 */
  double agency_size;     /* cơ quan ban hành 13 */
  double number_size;     /* Số 13 */
  double date_size;       /* địa danh, ngày 14 */
  double title_size;      /* BÁO CÁO and trích yếu 14 */
  double page_number_size;
  double recipients_label_size; /* Nơi nhận: 12 */
  double recipients_size;       /* items 11 */
  double signer_size;           /* 14 */
  double signature_space;       /* blank height for signature and seal */
  double rule_width;
  double table_size;    /* text in tables, 13 */
  double table_padding; /* inside each cell, horizontal */
  double table_rule;    /* cell borders */
  /* Where the frame's columns go: practice measured on issued documents
   * (decree30-layout.md §3): the header block hangs into the left margin
   * so that the Quốc hiệu fits on one line. */
  double header_x;           /* left edge of the header block, from the
                                page's left edge */
  double header_left_width;  /* cơ quan and Số: 75 mm */
  double header_right_width; /* Quốc hiệu and the date: 100 mm */
  double header_step;        /* header lines, baseline to baseline, times
                                their size (single spacing) */
  double closing_left_width; /* Nơi nhận, from the left margin: 75 mm */
  double title_width;        /* trích yếu and phụ lục titles: this share of
                                the text block, centred */
  double short_rule;         /* rules under the cơ quan and the trích yếu:
                                this share of their widest line (the
                                decree: 1/3 to 1/2) */
  double appendix_rule;      /* under the (Kèm theo ...) line: this share */
  bool first_fit;       /* break lines first fit instead of total fit (for
                           comparing the two) */
  double expansion;     /* font expansion: how much wider or narrower the
                           glyphs of a justified line may be drawn, as a
                           fraction (0.02: ±2 %, pdfTeX's and microtype's
                           default); 0 for none */
  double tracking;      /* letter spacing those lines may get or lose after
                           each character, in em (0.01); 0 for none */
} bc_frame;

/* The defaults: A4, margins 20/20/30/20 mm, 14 pt body. */
void bc_frame_default(bc_frame *frame);

/*
 * Lays the document out. Glyph and page memory comes from arena. Errors:
 * BC_EDATA (a character missing from the font), BC_ELAYOUT (a block that
 * cannot be placed), BC_ENOMEM. Thread-safe for distinct shapers/arenas.
 */
int bc_layout_document(bc_pages *out,
                       const bc_doc *doc,
                       const bc_frame *frame,
                       const bc_fontset *fonts,
                       bc_shaper *shaper,
                       bc_arena *arena,
                       bc_error *err);

/*
 * bc_layout_document on up to threads threads (1 to BC_POOL_MAX_THREADS):
 * the lines of separate blocks are broken on threads of their own, shaper
 * k serving thread k (shapers[0..threads-1], distinct; the fontset is
 * shared). The pages, and the error when one block fails (the first
 * block's, as with one thread), are the same for every threads. With more
 * than one, arena's allocator is called from those threads too.
 */
int bc_layout_document_threads(bc_pages *out,
                               const bc_doc *doc,
                               const bc_frame *frame,
                               const bc_fontset *fonts,
                               bc_shaper *const *shapers,
                               unsigned threads,
                               bc_arena *arena,
                               bc_error *err);

/*
 * Writes the page model as text, one line per run:
 *   page 1 run x=85.04 y=780.00 size=14 style=R|B|I|BI "text"
 *   page 1 rule x0=... y0=... x1=... y1=... width=0.6
 * for goldens and tests (the idea of HarfBuzz's shaping test files).
 */
void bc_pages_dump(bc_buf *out, const bc_pages *pages);

/* ---- figures for the editable drafts (office/) ----
 * A .docx or .odt of the report is not laid out by baocao: Word or
 * LibreOffice breaks its lines and pages. These give the figures the
 * drafts need to set the frame as the PDF has it, measured with the same
 * fonts and the same rules. Thread-safe for distinct shapers/arenas. */

/* A centred header text (the cơ quan, the trích yếu, a phụ lục's title)
 * and the column the frame sets it in. */
typedef struct bc_centred_text {
  const char *text; /* UTF-8; a line feed starts a new part */
  unsigned style;   /* BC_DOC_BOLD | BC_DOC_ITALIC */
  double size;      /* points */
  double width;     /* the column's, points */
} bc_centred_text;

/*
 * The widest line of what->text as the frame sets it in what->width
 * points: split at line feeds, each part wrapped at spaces into balanced
 * lines (lines_out: how many in all). A paragraph that wide breaks into
 * the same lines in a word processor that breaks first fit. Errors: those
 * of shaping (BC_EDATA), BC_ENOMEM.
 */
int bc_layout_centred_width(double *widest_out,
                            size_t *lines_out,
                            const bc_frame *frame,
                            const bc_fontset *fonts,
                            bc_shaper *shaper,
                            const bc_centred_text *what,
                            bc_arena *arena,
                            bc_error *err);

/* The column widths (table->columns of them, points) of a table set
 * measure points wide, as table.c sets them. Errors as above. */
int bc_layout_table_widths(double *widths_out,
                           const bc_frame *frame,
                           const bc_fontset *fonts,
                           bc_shaper *shaper,
                           const bc_table *table,
                           double measure,
                           bc_arena *arena,
                           bc_error *err);

/* Where the text of a table cell goes: header rows centred, otherwise the
 * column's alignment, or for AUTO numbers right, STT centred, text left.
 * Never BC_CELL_AUTO. */
bc_cell_align
bc_layout_cell_align(const bc_table *table, size_t row, size_t column);

#endif
