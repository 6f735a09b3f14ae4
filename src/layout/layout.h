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
 * Writes the page model as text, one line per run:
 *   page 1 run x=85.04 y=780.00 size=14 style=R|B|I|BI "text"
 *   page 1 rule x0=... y0=... x1=... y1=... width=0.6
 * for goldens and tests (the idea of HarfBuzz's shaping test files).
 */
void bc_pages_dump(bc_buf *out, const bc_pages *pages);

#endif
