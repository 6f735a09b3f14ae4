/* layout/layout_int.h: the layout state shared by the body (body.c), the
 * Decree 30 frame (frame.c) and page assembly (layout.c). */
#ifndef BC_LAYOUT_INT_H
#define BC_LAYOUT_INT_H

#include "layout/layout.h"

#include <stdbool.h>

#define MM_TO_PT(mm) ((mm)*72.0 / 25.4)

/* A page under construction: growable arrays in the arena. */
typedef struct page_builder {
  double width, height; /* points: A4 portrait or landscape */
  int number; /* in its sequence (report, each phụ lục); 1 is not shown */
  bc_run *runs;
  size_t run_count, run_cap;
  bc_rule *rules;
  size_t rule_count, rule_cap;
} page_builder;

/* A laid-out line before it is put on a page: runs with x set, y relative
 * to the baseline (0). */
typedef struct lay_line {
  bc_run *runs;
  size_t run_count;
  double width;   /* natural width of the material, points */
  double right;   /* x where the last glyph ends, as placed */
  double ratio;   /* adjustment ratio used, for statistics */
  bool justified; /* filled to the measure (not a last or forced line) */
} lay_line;

typedef struct lay_table lay_table;

/* A block broken into lines, waiting for pagination. */
typedef struct lay_block {
  lay_line *lines;
  size_t line_count;
  double leading; /* baseline to baseline */
  double size;    /* font size, for the baseline offset */
  double space_after;
  bool keep_with_next; /* headings */
  const bc_block *source;
  lay_table *table; /* tables: rows instead of lines */
} lay_block;

typedef struct lay {
  const bc_frame *frame;
  const bc_fontset *fonts;
  bc_shaper *shaper;
  bc_arena *arena;
  bc_error *err;
  page_builder *pages;
  size_t page_count, page_cap;
  size_t page;     /* the page runs and rules go to */
  int page_number; /* of the last page made, in its sequence */
  bc_outline_entry *outline;
  size_t outline_count, outline_cap;
  bc_sig_field fields[2]; /* signer, seal */
  size_t field_count;
  double y;                       /* cursor, points from the top of the page */
  double page_width, page_height; /* of the pages being made */
  bc_layout_stats stats;
  /* Space glyph per style, shaped once. */
  uint32_t space_gid[BC_STYLE_COUNT];
  int32_t space_advance_fu[BC_STYLE_COUNT];
} lay;

/* A lay with no pages yet (portrait), its space glyphs shaped. */
int bc_layout__init(lay *l,
                    const bc_frame *frame,
                    const bc_fontset *fonts,
                    bc_shaper *shaper,
                    bc_arena *arena,
                    bc_error *err);

/* Text block edges. */
double bc_layout__left(const lay *l);
double bc_layout__right(const lay *l);
double bc_layout__bottom(const lay *l);

/* Font units to points at size. */
double bc_layout__fu(const lay *l, unsigned style, double fu, double size);

/* Distance from the top of a line box to its baseline. */
double bc_layout__baseline_offset(const lay *l, double size, double leading);

/* Adds a heading to the outline at the cursor. title must outlive the
 * pages (arena). */
int bc_layout__outline_add(lay *l, int level, const char *title);

/* Starts a new page and puts the cursor at its top margin. */
int bc_layout__new_page(lay *l);

/* Appends a run (y in points from the top) / a rule to the current page. */
int bc_layout__add_run(lay *l, const bc_run *run_template, double y_top);
int bc_layout__add_rule(
    lay *l, double x0, double x1, double y_top, double width);
/* A line from (x0, y0) to (x1, y1), y in points from the top. */
int bc_layout__add_line(
    lay *l, double x0, double y0, double x1, double y1, double width);

/* Portrait or landscape A4 for the pages made from now on. */
void bc_layout__set_orientation(lay *l, bool landscape);

/*
 * Shapes text (one style, one line, spaces kept as glyphs) into a run
 * starting at x. *width_out gets its advance width in points.
 */
int bc_layout__shape_run(bc_run *out,
                         double *width_out,
                         lay *l,
                         const char *text,
                         size_t len,
                         unsigned style,
                         double size,
                         double x);

/* A slice of a text: one wrapped line. */
typedef struct text_slice {
  const char *text;
  size_t len;
} text_slice;

/*
 * Wraps text at spaces into lines no wider than first_width (first line)
 * and rest_width (the others). balanced: then evens the lines out (for
 * centred headers and titles). A word wider than the line stays whole on
 * its own line (header texts are short). Lines come from the arena.
 */
int bc_layout__wrap(text_slice **lines_out,
                    size_t *count_out,
                    lay *l,
                    const char *text,
                    unsigned style,
                    double size,
                    double first_width,
                    double rest_width,
                    bool balanced);

/* Page 1's header block, title and subject; leaves the cursor below. */
int bc_layout__frame_header(lay *l, const bc_doc *doc);
/* Nơi nhận beside the signature block, after the body. */
int bc_layout__frame_closing(lay *l, const bc_doc *doc);
/* The height the closing block needs, for keeping it with the last lines
 * of the closing paragraph. */
double bc_layout__closing_height(const lay *l, const bc_doc *doc);
/* A new page (portrait or landscape) with the phụ lục heading. */
int bc_layout__frame_appendix(lay *l, const bc_appendix *appendix);
/* Page numbers on pages 2.. */
int bc_layout__frame_page_numbers(lay *l);

/* How bc_layout__break_spans sets text. */
typedef struct bc_break_style {
  unsigned style; /* added to every span's style (headings: bold) */
  double size;    /* points */
  double measure; /* line width */
  double indent;  /* first-line indent */
  double x;       /* where lines start */
  bool justify;   /* else ragged right */
} bc_break_style;

/*
 * Shapes spans into words and breaks them into lines at st->measure
 * (Knuth-Plass, or first fit when the frame says so). No lines for spans
 * with no words.
 */
int bc_layout__break_spans(lay_line **lines_out,
                           size_t *count_out,
                           lay *l,
                           const bc_span *spans,
                           size_t span_count,
                           const bc_break_style *st,
                           int source_line);

/* Breaks a body block into lines (body.c). */
int bc_layout__block_lines(lay_block *out, lay *l, const bc_block *block);

/* A table's column widths and cell lines (table.c). */
int bc_layout__table_lines(lay_block *out, lay *l, const bc_block *block);

/* What must follow a heading on its page: header rows and one row. */
double bc_layout__table_head_height(const lay_block *block);

/* Places a table row by row, repeating the header rows on each page, with
 * borders (table.c). */
int bc_layout__place_table(lay *l, const lay_block *block);
/* Places blocks on pages with widow/orphan and keep-with-next rules;
 * the last two lines of the last paragraph stay on the page where
 * tail_reserve points (the closing block) still fit after them. */
int bc_layout__paginate(lay *l,
                        lay_block *blocks,
                        size_t count,
                        double tail_reserve);

#endif
