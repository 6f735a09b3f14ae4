/* markup/doc.h: the document tree layout typesets: the Decree 30 header
 * fields, body blocks made of styled spans, Nơi nhận and the signer. */
#ifndef BC_DOC_H
#define BC_DOC_H

#include <stdbool.h>
#include <stddef.h>

/* Span style bits; the same values as text's bc_style. */
#define BC_DOC_BOLD 1u
#define BC_DOC_ITALIC 2u

/* A span flag: a forced line break before this span's text. */
#define BC_SPAN_LINEBREAK 1u
/* A span flag: the marker of a list item ("- ", "1. "), its label. */
#define BC_SPAN_LABEL 2u

/* Block flags for lists: the block begins a list item (its first span is
 * the item's marker, flagged BC_SPAN_LABEL); that item begins its list. */
#define BC_LIST_ITEM 1u
#define BC_LIST_FIRST 2u

typedef struct bc_span {
  const char *text; /* NFC UTF-8, not NUL-terminated */
  size_t len;
  unsigned style; /* BC_DOC_BOLD | BC_DOC_ITALIC */
  unsigned flags; /* BC_SPAN_* */
} bc_span;

typedef enum bc_block_kind {
  BC_BLOCK_PARAGRAPH = 0,
  BC_BLOCK_HEADING, /* level 1 part (centred), 2 section, 3 item, 4 point */
  BC_BLOCK_TABLE
} bc_block_kind;

/* Column alignment from the table's delimiter row (:--, :-:, --:); AUTO
 * lets the layout choose: numbers right, STT centred, text left. */
typedef enum bc_cell_align {
  BC_CELL_AUTO = 0,
  BC_CELL_LEFT,
  BC_CELL_CENTER,
  BC_CELL_RIGHT
} bc_cell_align;

typedef struct bc_cell {
  const bc_span *spans;
  size_t span_count;
} bc_cell;

/* A GFM table: rows of cells, the first header_rows repeated on every page
 * the table spans. */
typedef struct bc_table {
  size_t columns;
  size_t rows; /* header rows included */
  size_t header_rows;
  const bc_cell *cells;       /* rows * columns, row-major */
  const bc_cell_align *align; /* per column */
} bc_table;

typedef struct bc_block {
  bc_block_kind kind;
  int level; /* headings: 1..6 */
  const bc_span *spans;
  size_t span_count;
  const bc_table *table; /* BC_BLOCK_TABLE */
  int source_line;       /* line in the expanded Markdown */
  /* Lists: items are laid out as paragraphs that start with their marker
   * (the first span: "- ", "+ ", "● " for *, "1. ", "2) "), as Vietnamese
   * documents write them; this keeps the list for the structure of a
   * tagged PDF and for an editable draft, which turns it into a list. list_depth lists hold the block (0: it is
   * in none); list_flags: BC_LIST_*. */
  unsigned list_depth;
  unsigned list_flags;
} bc_block;

/* A phụ lục after the report, on pages of its own (decree30-layout.md
 * §11): it is covered by the report's signature, so it has no stamp. */
typedef struct bc_appendix {
  const char *label; /* "Phụ lục", or "Phụ lục II" when several */
  const char *title; /* in capitals */
  const char *reference; /* "(Kèm theo Báo cáo số …/BC-… ngày … của …)" */
  bool landscape; /* A4 landscape pages, for wide tables */
  const bc_block *blocks;
  size_t block_count;
} bc_appendix;

/* Everything the layout needs, already worded; memory from the arena. */
typedef struct bc_doc {
  /* Header, left column (ô 2, ô 3). */
  const char *parent_name; /* UBND TỈNH TRÀ VINH, or NULL */
  const char *agency_name; /* SỞ THÔNG TIN VÀ TRUYỀN THÔNG */
  const char *number_line; /* "Số:       /BC-STTTT" or "Số: 05/BC-STTTT" */
  /* Header, right column (ô 1, ô 4). */
  const char *place_date; /* "Trà Vinh, ngày      tháng 9 năm 2023" */
  /* Title (ô 5a). */
  const char *doc_type; /* BÁO CÁO */
  const char *subject;  /* trích yếu */
  /* Body (ô 6). */
  const bc_block *blocks;
  size_t block_count;
  /* Nơi nhận (ô 9b): full lines with "- " and the final ";" or ".". */
  const char *const *recipients;
  size_t recipient_count;
  /* Signature block (ô 7a, 7b): capacity lines, then the name. */
  const char *const *signer_lines; /* "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" */
  size_t signer_line_count;
  const char *signer_name;
  /* Phụ lục, in order. */
  const bc_appendix *appendices;
  size_t appendix_count;
  /* Document information. */
  const char *title; /* "BÁO CÁO Công tác cải cách ..." for PDF /Title */
  const char *author; /* the agency in running text */
} bc_doc;

#endif
