/* office/office_int.h: what the two writers (docx.c, odt.c) share: the
 * draft being written, its named styles as data, the frame measured once
 * (draft.c), the walk over the report that drives both (walk.c), XML
 * text, and the zip package (package.c). */
#ifndef BC_OFFICE_INT_H
#define BC_OFFICE_INT_H

#include "office/office.h"

#include "common/buf.h"

#include <stdbool.h>

typedef enum office_align {
  OFFICE_LEFT = 0,
  OFFICE_CENTER,
  OFFICE_RIGHT,
  OFFICE_JUSTIFY
} office_align;

/* A named paragraph style as both formats write it: every property set,
 * none inherited. Lengths in points. */
typedef struct office_pstyle {
  const char *id;   /* ASCII: the .docx styleId and the ODF style:name */
  const char *name; /* Vietnamese: what Word and LibreOffice show */
  double size;
  unsigned style; /* BC_DOC_BOLD | BC_DOC_ITALIC */
  office_align align;
  double first; /* first-line indent; negative: hanging */
  double left, right;
  double line; /* exact line height */
  double before, after;
  int outline;        /* heading level 1..4, or 0 */
  bool keep_next;     /* on the page of the next paragraph */
  bool rule;          /* a rule along the paragraph's bottom edge */
  const char *bullet; /* a list's marker ("-", "+", "●"), or NULL */
} office_pstyle;

/* The paragraph styles, in the order styles.xml lists them. */
typedef enum office_style {
  PS_BODY = 0, /* Nội dung */
  PS_H1,
  PS_H2,
  PS_H3,
  PS_H4,
  PS_DASH, /* lists: "- ", "+ ", "● " */
  PS_PLUS,
  PS_DOT,
  PS_PARENT, /* the header block (ô 1-4) */
  PS_AGENCY,
  PS_NATIONAL,
  PS_MOTTO,
  PS_RULE,
  PS_NUMBER,
  PS_DATE,
  PS_TYPE, /* BÁO CÁO and the trích yếu (ô 5a) */
  PS_SUBJECT,
  PS_TITLE_RULE,
  PS_RECIPIENTS, /* Nơi nhận (ô 9b) */
  PS_RECIPIENT,
  PS_CAPACITY, /* the signature block (ô 7a-7c) */
  PS_SIGNER,
  PS_APPENDIX, /* a phụ lục's heading */
  PS_APPENDIX_TITLE,
  PS_APPENDIX_REF,
  PS_CELL_HEAD, /* tables */
  PS_CELL_LEFT,
  PS_CELL_CENTER,
  PS_CELL_RIGHT,
  PS_PAGE_NUMBER,
  PS_SECTION_END, /* the empty paragraph that ends a section */
  PS_COUNT
} office_style;

/* Character styles by BC_DOC_BOLD | BC_DOC_ITALIC (index 0: none). */
extern const char *const bc_office__char_ids[4];
extern const char *const bc_office__char_names[4];

/* The table styles of a .docx (ODF has no named table styles). */
#define OFFICE_GRID_ID "BangSoLieu"
#define OFFICE_GRID_NAME "Bảng số liệu"
#define OFFICE_PLAIN_ID "KhongVien"
#define OFFICE_PLAIN_NAME "Bảng không viền"

/* The draft being written. */
typedef struct office_draft {
  const bc_doc *doc;
  const bc_frame *frame;
  const bc_fontset *fonts;
  bc_shaper *shaper;
  const bc_office_info *info;
  bc_arena *arena;
  bc_error *err;
  office_pstyle styles[PS_COUNT];
  /* The frame, measured once: insets are taken from each side of the
   * paragraph's column so that it breaks where the PDF does; rules are
   * lengths. Points. */
  double parent_inset, agency_inset, agency_rule;
  double motto_rule;
  double subject_inset, subject_rule;
  double closing_right_width; /* the signature block's column */
  double header_indent;       /* of the header table from the margin */
} office_draft;

/* Fills d->styles and measures the frame (d->doc, frame, fonts, shaper,
 * arena and err set). Errors: those of shaping, BC_ENOMEM. */
int bc_office__draft_init(office_draft *d);

/* A centred header text (a phụ lục's title or reference) in a column
 * width wide: the inset from each side and the widest line. */
int bc_office__centred(double *inset_out,
                       double *widest_out,
                       office_draft *d,
                       const char *text,
                       unsigned style,
                       double size,
                       double width);

/* Shapes every word of text as the PDF would, the words split at the
 * bytes in separators as the PDF's layout splits that kind of text (" \n"
 * for the frame's texts, " \t\n" for body text, " " for a centred
 * heading): BC_EDATA naming a character the font lacks or that cannot be
 * drawn. */
int bc_office__check(office_draft *d,
                     const char *text,
                     size_t len,
                     unsigned style,
                     const char *separators);

/* A table's column widths at measure, as the PDF's layout chooses them
 * with a point more room in each cell: a word processor's cell keeps its
 * borders inside, and a column that just fits its longest text in the PDF
 * must not wrap it. widths_out has table->columns entries. */
int bc_office__table_widths(double *widths_out,
                            office_draft *d,
                            const bc_table *table,
                            double measure);

/* The width of the text block on a portrait or landscape page. */
double bc_office__text_width(const office_draft *d, bool landscape);

/* The list style (PS_DASH, PS_PLUS, PS_DOT) of a bulleted list item, whose
 * first span is then its marker; -1 for any other block (numbered items
 * keep their typed number as text). */
int bc_office__bullet(const bc_block *b);

/* The paragraph style of a body block (paragraph, heading, list item);
 * *skip: how many of its first spans the style draws (a list's marker). */
office_style bc_office__block_style(const bc_block *b, size_t *skip);

/* The paragraph style of a table cell: the header rows', or aligned as the
 * PDF aligns the cell. */
office_style bc_office__cell_style(const bc_table *t, size_t row, size_t column);

/* UTF-8 as XML character data, also safe inside double-quoted attribute
 * values: & < > " escaped, a character XML 1.0 cannot hold (controls
 * other than tab and line feed: checked text has none) left out. */
void bc_office__xml(bc_buf *b, const char *s, size_t len);

/* t as ISO 8601 UTC without a zone letter: "2023-11-14T22:13:20". */
void bc_office__date(char out[32], time_t t);

/* A number of points with at most three decimals, no trailing zeros. */
void bc_office__pt(bc_buf *b, double pt);

/* One file of the package. */
typedef struct office_part {
  const char *name;
  const bc_buf *data;
  bool store; /* uncompressed (ODF's mimetype) */
} office_part;

/*
 * The parts as a zip archive made with libzip, in order, every entry
 * dated `when` (UTC) and nothing else varying, into memory from arena.
 * Errors: BC_ENOMEM, BC_ERROR naming libzip's failure.
 */
int bc_office__zip(const unsigned char **out,
                   size_t *len_out,
                   const office_part *parts,
                   size_t count,
                   time_t when,
                   bc_arena *arena,
                   bc_error *err);

/* How a table is drawn. */
typedef enum office_table {
  OFFICE_TABLE_GRID = 0, /* a data table: the full grid, padded cells */
  OFFICE_TABLE_PLAIN     /* a block of the frame: no borders, no padding */
} office_table;

/*
 * What a format writes, called by bc_office__walk in document order. The
 * walk checks every text before it hands it over; the calls cannot fail
 * but for a table's memory (buffers keep a sticky failure).
 */
typedef struct office_ops {
  /* A paragraph of style s, set in by inset from both sides of its column;
   * keep: on the page of what follows (the last paragraph before the
   * closing block). */
  void (*para_start)(void *w, office_style s, double inset, bool keep);
  /* Text in a character style (BC_DOC_BOLD | BC_DOC_ITALIC, 0: none),
   * after a forced line break when break_before; line feeds break lines. */
  void (*run)(void *w,
              const char *text,
              size_t len,
              unsigned style,
              bool break_before);
  void (*para_end)(void *w, office_style s);
  /* Bulleted items of list style `style` follow, or (-1) they end. */
  void (*list)(void *w, int style);
  /* A table of n columns this wide, indent from the margin, space above;
   * then rows of cells, then table_end. */
  int (*table)(void *w,
               const double *widths,
               size_t n,
               office_table how,
               double indent,
               double top);
  void (*row_start)(void *w, bool header); /* header rows come first */
  void (*row_end)(void *w);
  void (*cell_start)(void *w, size_t column);
  void (*cell_end)(void *w);
  void (*table_end)(void *w);
  /* A phụ lục starts a page sequence: its orientation, the one before,
   * and whether the one before was the report's. */
  void (*sequence)(void *w, bool landscape, bool prev_landscape, bool prev_first);
  /* The end of the document: the last sequence's orientation, and whether
   * it is the report's. */
  void (*end)(void *w, bool landscape, bool first);
} office_ops;

/* Walks the whole report through ops (walk.c). Errors: those of the ops
 * and of measuring, BC_ENOMEM. */
int bc_office__walk(const office_ops *ops, void *w, office_draft *d);

/* The two writers: the whole package. */
int bc_office__docx(const unsigned char **out, size_t *len, office_draft *d);
int bc_office__odt(const unsigned char **out, size_t *len, office_draft *d);

#endif
