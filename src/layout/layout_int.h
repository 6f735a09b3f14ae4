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
  double ratio;   /* adjustment ratio of its glue */
  double space;   /* its spaces as set over their natural width (1: none
                     stretched), for statistics */
  double expansion; /* its glyphs drawn 1 + expansion wide */
  double tracking;  /* points after each of its characters but the last */
  bool justified; /* filled to the measure (not a last or forced line) */
  size_t label_runs; /* the first runs show a list item's marker */
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
  uint32_t elem;       /* structure: the P, H or Table it is */
  uint32_t label_elem; /* the Lbl of a list item's marker, or 0 */
} lay_block;

/* Nested lists the structure follows; deeper ones count as the deepest. */
#define LIST_DEPTH_MAX 16

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
  double *spaces; /* each justified body line's space ratio, for the p95 */
  size_t space_count, space_cap;
  /* Space glyph per style, shaped once. */
  uint32_t space_gid[BC_STYLE_COUNT];
  int32_t space_advance_fu[BC_STYLE_COUNT];
  double upem[BC_STYLE_COUNT]; /* each face's units per em */
  /* body.c's arrays for one paragraph, kept for the next (NULL at first):
   * growing them afresh for each was a tenth of the line breaking. They
   * are bc_realloc'd, not in the arena (bc_layout__para_free). */
  struct lay_para_arrays *para;
  /* What body.c needs for one paragraph only (its words' shaped glyphs,
   * the line breaker's nodes and breaks), emptied once its lines are
   * made: kept in arena, they were most of a long report's memory. */
  bc_arena scratch;
  /* Structure (structure.c): the elements so far, in reading order; the
   * one the runs added now belong to (0: artifacts) and the Lbl for a
   * line's marker; where body blocks go (the document or a phụ lục); the
   * lists open around the block being placed. */
  bc_struct_elem *elems;
  size_t elem_count, elem_cap;
  uint32_t elem;
  uint32_t label_elem;
  uint32_t section;
  struct {
    uint32_t list, item, body;
  } lists[LIST_DEPTH_MAX];
  unsigned list_open;
} lay;

/* A lay with no pages yet (portrait), its space glyphs shaped. */
int bc_layout__init(lay *l,
                    const bc_frame *frame,
                    const bc_fontset *fonts,
                    bc_shaper *shaper,
                    bc_arena *arena,
                    bc_error *err);

/* Frees what the lay holds outside the arena (its scratch arena, the
 * paragraph arrays). */
void bc_layout__fini(lay *l);
/* Makes body.c's paragraph arrays now (as their first paragraph would),
 * on the calling thread: with glibc, what a thread allocates is freed
 * into that thread's own malloc arena, where the calling thread cannot
 * use it again, while a block that realloc moves stays in the arena it
 * was first taken from. */
int bc_layout__para_new(lay *l);
/* Frees body.c's paragraph arrays. */
void bc_layout__para_free(lay *l);

/* Text block edges. */
double bc_layout__left(const lay *l);
double bc_layout__right(const lay *l);
double bc_layout__bottom(const lay *l);

/* Font units to points at size. */
/* Font units fu of a style's face at size, in points. */
static inline double
bc_layout__fu(const lay *l, unsigned style, double fu, double size) {
  return fu * size / l->upem[style];
}

/* Distance from the top of a line box to its baseline. */
double bc_layout__baseline_offset(const lay *l, double size, double leading);

/* Adds a heading to the outline at the cursor. title must outlive the
 * pages (arena). */
int bc_layout__outline_add(lay *l, int level, const char *title);

/* Starts a new page and puts the cursor at its top margin. */
int bc_layout__new_page(lay *l);

/* Appends a run (y in points from the top) / a rule to the current page;
 * the run is content of l->elem. */
int bc_layout__add_run(lay *l, const bc_run *run_template, double y_top);
int bc_layout__add_rule(
    lay *l, double x0, double x1, double y_top, double width);
/* A line from (x0, y0) to (x1, y1), y in points from the top. */
int bc_layout__add_line(
    lay *l, double x0, double y0, double x1, double y1, double width);

/*
 * Ends run with the word space of a line break: the text goes on, after a
 * space, on the next line. The space is drawn over the end of the run's
 * last glyph (it has no ink), so that the run's width and where its glyphs
 * are drawn stay the same, while text extraction and the structure's text
 * (pdfinfo -struct-text) read "word word" across the break, not
 * "wordword". Nothing when the run ends with a space already. spare:
 * NULL (the glyphs are copied to a new array one longer), or the run's
 * own glyph array when it has room for one more glyph after them.
 */
int bc_layout__space_after(bc_run *run, bc_placed_glyph *spare, lay *l);

/* The glyphs of run that show its first `bytes` bytes of text (whole
 * clusters only). */
size_t bc_layout__prefix_glyphs(const bc_run *run, size_t bytes);

/* Splits head after its first k glyphs: *tail gets the others, at the x
 * where they were drawn; head keeps k. 0 < k < head->count. */
void bc_layout__split_run(bc_run *head, bc_run *tail, size_t k);

/* BC_ELAYOUT when a glyph of sh (len bytes of text shaped) shows more
 * than BC_CLUSTER_MAX bytes, which bc_placed_glyph cannot hold: only a
 * word that long can have such a cluster. */
int bc_layout__check_long_clusters(lay *l, const bc_shaped *sh, size_t len);
static inline int
bc_layout__check_clusters(lay *l, const bc_shaped *sh, size_t len) {
  return len > BC_CLUSTER_MAX ? bc_layout__check_long_clusters(l, sh, len) : 0;
}

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

/* ---- structure (structure.c) ---- */

/* The document element, element 0; before anything else. */
int bc_layout__struct_begin(lay *l);

/* Appends an element; *out (may be NULL) gets its index. */
int bc_layout__elem_add(uint32_t *out,
                        lay *l,
                        bc_struct_type type,
                        uint32_t parent);

/* The elements of a body block about to be placed, inside the lists and
 * the section it is in: b->elem (its P, H or Table, or the LBody of a
 * list item that is this paragraph alone) and b->label_elem (the Lbl of
 * its marker when it begins a list item). next: the next block with
 * content, or NULL. */
int bc_layout__block_elems(lay_block *b, lay *l, const lay_block *next);

/* Body blocks from now on go into parent (a phụ lục's Sect), outside
 * any list. */
void bc_layout__set_section(lay *l, uint32_t parent);

/* Breaks a body block into lines (body.c). Reads l's frame, fonts and
 * page width; writes *out and, of l, only what it allocates from (arena,
 * scratch, para), its shaper and its err: blocks are broken on the
 * render's threads, each with a lay of its own for those (layout.c's
 * all_lines). Keep it so: no pages, structure, statistics or outline. */
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
