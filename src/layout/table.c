/* layout/table.c: tables (GFM tables, and indicator tables made by
 * templates): column widths from content, cells broken into lines and
 * aligned (numbers right, STT centred, text left), rows placed page by page
 * with the header rows repeated, and the full grid of borders official
 * phụ lục tables have.
 *
 * Design notes:
 *  1. Widths follow the automatic table layout of HTML: each column has a
 *     minimum (its widest word) and a maximum (its longest cell on one
 *     line). Columns whose maximum is within a fair share get it (units,
 *     numbers, STT stay on one line); the others share the rest, each
 *     getting its minimum plus room in proportion to what it could still
 *     use. The table always fills the measure.
 *  2. A row is never split across pages unless it is taller than a page;
 *     then it continues on the next page below the repeated header.
 *  3. In the structure, each row is a TR of TH (header rows) or TD cells,
 *     made when the row is first placed; the header rows repeated on later
 *     pages are artifacts, so a reader meets them once.
 */
#include "layout/layout_int.h"

#include "common/error.h"

#include <math.h>
#include <string.h>

struct lay_table {
  size_t columns, rows, header_rows;
  double *col_x;      /* columns + 1 edges, points */
  lay_line **lines;   /* rows * columns cells */
  size_t *line_count; /* rows * columns */
  size_t *row_lines;  /* rows: the most lines of any cell */
  double size, leading, pad_x, pad_y;
  uint32_t *elems; /* structure: rows TR, then rows * columns TH or TD;
                      0 until the row is first placed */
};

static double row_height(const lay_table *t, size_t r, size_t lines) {
  (void)r;
  return lines * t->leading + 2 * t->pad_y;
}

/* Text of a cell, without styles, for the alignment heuristics. */
static bool cell_is_number(const bc_cell *c) {
  bool digit = false;
  for (size_t i = 0; i < c->span_count; i++)
    for (size_t j = 0; j < c->spans[i].len; j++) {
      char ch = c->spans[i].text[j];
      if (ch >= '0' && ch <= '9')
        digit = true;
      else if (!strchr(".,%-+ ", ch))
        return false;
    }
  return digit;
}

static bool cell_is_stt(const bc_cell *c) {
  char t[8];
  size_t n = 0;
  for (size_t i = 0; i < c->span_count; i++)
    for (size_t j = 0; j < c->spans[i].len; j++) {
      char ch = c->spans[i].text[j];
      if (ch == ' ')
        continue;
      if (n == sizeof t - 1)
        return false;
      t[n++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    }
  t[n] = '\0';
  return !strcmp(t, "STT") || !strcmp(t, "TT");
}

/* Widest word and whole width of a cell, points. */
static int measure_cell(double *min_w,
                        double *max_w,
                        lay *l,
                        const bc_cell *c,
                        unsigned style,
                        double size) {
  double word = 0, total = 0, space = 0;
  bool in_word = false;
  *min_w = *max_w = 0;
  for (size_t i = 0; i < c->span_count; i++) {
    const bc_span *sp = &c->spans[i];
    unsigned st = (sp->style | style) & 3u;
    for (size_t j = 0; j < sp->len;) {
      if (sp->text[j] == ' ') {
        if (in_word) {
          *min_w = fmax(*min_w, word);
          total += word;
          word = 0;
          in_word = false;
          space = bc_layout__fu(l, st, l->space_advance_fu[st], size);
        }
        j++;
        continue;
      }
      size_t k = j;
      while (k < sp->len && sp->text[k] != ' ')
        k++;
      bc_shaped sh;
      int rc = bc_shaper_shape(&sh, l->shaper, (bc_style)st, sp->text + j,
                               k - j, l->arena, l->err);
      if (rc)
        return rc;
      if (!in_word && total > 0)
        total += space;
      word += bc_layout__fu(l, st, sh.width, size);
      in_word = true;
      j = k;
    }
  }
  *min_w = fmax(*min_w, word);
  *max_w = total + word;
  return 0;
}

/* Design note 1. */
static void column_widths(double *widths,
                          const double *mins,
                          const double *maxs,
                          size_t nc,
                          double measure) {
  bool fixed[64] = {false};
  double room = measure, sum_min = 0, sum_gap = 0, sum_max = 0;
  size_t open = nc;
  bool changed = true;
  if (nc > 64) {
    for (size_t k = 0; k < nc; k++)
      widths[k] = measure / nc;
    return;
  }
  while (changed && open) {
    changed = false;
    double fair = room / open;
    for (size_t k = 0; k < nc; k++)
      if (!fixed[k] && maxs[k] <= fair) {
        widths[k] = maxs[k];
        fixed[k] = true;
        room -= maxs[k];
        open--;
        changed = true;
      }
  }
  for (size_t k = 0; k < nc; k++) {
    sum_max += maxs[k];
    if (!fixed[k]) {
      sum_min += mins[k];
      sum_gap += maxs[k] - mins[k];
    }
  }
  if (!open) { /* everything fits on one line: spread the spare room */
    for (size_t k = 0; k < nc; k++)
      widths[k] = maxs[k] + (measure - sum_max) * maxs[k] / sum_max;
    return;
  }
  for (size_t k = 0; k < nc; k++) {
    if (fixed[k])
      continue;
    if (sum_min <= room)
      widths[k] = mins[k] + (sum_gap > 0 ? (room - sum_min) *
                                               (maxs[k] - mins[k]) / sum_gap
                                         : (room - sum_min) / open);
    else /* words too long for any fit: they break inside (emergency) */
      widths[k] = room * mins[k] / sum_min;
  }
}

/* Column widths of the table at measure (design note 1), from the arena. */
static int table_widths(double **out,
                        lay *l,
                        const bc_table *tb,
                        double measure) {
  size_t nc = tb->columns, nr = tb->rows;
  double *mins = bc_arena_calloc(l->arena, nc, sizeof *mins);
  double *maxs = bc_arena_calloc(l->arena, nc, sizeof *maxs);
  double *widths = bc_arena_calloc(l->arena, nc, sizeof *widths);
  double size = l->frame->table_size, pad = l->frame->table_padding;
  int rc;
  if (!mins || !maxs || !widths)
    return bc_error_oom(l->err);
  for (size_t r = 0; r < nr; r++)
    for (size_t k = 0; k < nc; k++) {
      double lo, hi;
      unsigned style = r < tb->header_rows ? BC_STYLE_BOLD : 0;
      if ((rc = measure_cell(&lo, &hi, l, &tb->cells[r * nc + k], style,
                             size)))
        return rc;
      mins[k] = fmax(mins[k], lo + 2 * pad);
      maxs[k] = fmax(maxs[k], hi + 2 * pad);
    }
  column_widths(widths, mins, maxs, nc, measure);
  *out = widths;
  return 0;
}

int bc_layout_table_widths(double *widths_out,
                           const bc_frame *frame,
                           const bc_fontset *fonts,
                           bc_shaper *shaper,
                           const bc_table *table,
                           double measure,
                           bc_arena *arena,
                           bc_error *err) {
  lay l;
  double *widths;
  int rc;
  if (!(rc = bc_layout__init(&l, frame, fonts, shaper, arena, err)) &&
      !(rc = table_widths(&widths, &l, table, measure)))
    memcpy(widths_out, widths, table->columns * sizeof *widths_out);
  bc_layout__fini(&l);
  return rc;
}

bc_cell_align
bc_layout_cell_align(const bc_table *tb, size_t row, size_t column) {
  bc_cell_align a = tb->align[column];
  if (row < tb->header_rows)
    return BC_CELL_CENTER;
  if (a != BC_CELL_AUTO)
    return a;
  return cell_is_stt(&tb->cells[column])                      ? BC_CELL_CENTER
         : cell_is_number(&tb->cells[row * tb->columns + column]) ? BC_CELL_RIGHT
                                                                  : BC_CELL_LEFT;
}

int bc_layout__table_lines(lay_block *out, lay *l, const bc_block *b) {
  const bc_table *tb = b->table;
  const bc_frame *f = l->frame;
  size_t nc = tb->columns, nr = tb->rows;
  lay_table *t = bc_arena_calloc(l->arena, 1, sizeof *t);
  double *widths;
  double left = bc_layout__left(l), measure = bc_layout__right(l) - left;
  int rc;

  if (!t)
    return bc_error_oom(l->err);
  t->columns = nc;
  t->rows = nr;
  t->header_rows = tb->header_rows;
  t->size = f->table_size;
  t->leading = f->table_size * 1.2;
  t->pad_x = f->table_padding;
  t->pad_y = f->table_padding * 0.6;
  t->col_x = bc_arena_calloc(l->arena, nc + 1, sizeof *t->col_x);
  t->lines = bc_arena_calloc(l->arena, nr * nc, sizeof *t->lines);
  t->line_count = bc_arena_calloc(l->arena, nr * nc, sizeof *t->line_count);
  t->row_lines = bc_arena_calloc(l->arena, nr, sizeof *t->row_lines);
  t->elems = bc_arena_calloc(l->arena, nr + nr * nc, sizeof *t->elems);
  if (!t->col_x || !t->lines || !t->line_count || !t->row_lines || !t->elems)
    return bc_error_oom(l->err);

  /* 1. Column widths (design note 1). */
  if ((rc = table_widths(&widths, l, tb, measure)))
    return rc;
  t->col_x[0] = left;
  for (size_t k = 0; k < nc; k++)
    t->col_x[k + 1] = t->col_x[k] + widths[k];
  t->col_x[nc] = left + measure; /* no rounding gap at the right edge */

  /* 2. Cell lines, aligned. */
  for (size_t r = 0; r < nr; r++)
    for (size_t k = 0; k < nc; k++) {
      const bc_cell *c = &tb->cells[r * nc + k];
      bool header = r < tb->header_rows;
      bc_break_style st;
      lay_line *lines;
      size_t n;
      st.style = header ? BC_STYLE_BOLD : 0;
      st.size = t->size;
      st.measure = widths[k] - 2 * t->pad_x;
      st.indent = 0;
      st.x = t->col_x[k] + t->pad_x;
      st.justify = false;
      if ((rc = bc_layout__break_spans(&lines, &n, l, c->spans, c->span_count,
                                       &st, b->source_line)))
        return rc;
      bc_cell_align a = bc_layout_cell_align(tb, r, k);
      for (size_t i = 0; i < n; i++) {
        double used = lines[i].right - st.x;
        double shift = a == BC_CELL_RIGHT    ? st.measure - used
                       : a == BC_CELL_CENTER ? (st.measure - used) / 2
                                             : 0;
        for (size_t j = 0; j < lines[i].run_count; j++)
          lines[i].runs[j].x_pt += (float)shift;
        lines[i].right += shift;
      }
      t->lines[r * nc + k] = lines;
      t->line_count[r * nc + k] = n;
      if (n > t->row_lines[r])
        t->row_lines[r] = n;
    }
  for (size_t r = 0; r < nr; r++)
    if (!t->row_lines[r])
      t->row_lines[r] = 1; /* an empty row keeps one line's height */
  out->table = t;
  out->size = t->size;
  out->leading = t->leading;
  out->line_count = 0;
  return 0;
}

/* The height the first rows need on a page: header rows and one row. */
double bc_layout__table_head_height(const lay_block *b) {
  const lay_table *t = b->table;
  double h = 0;
  for (size_t r = 0; r < t->header_rows && r < t->rows; r++)
    h += row_height(t, r, t->row_lines[r]);
  if (t->header_rows < t->rows)
    h += row_height(t, t->header_rows, t->row_lines[t->header_rows]);
  return h;
}

/* The structure of row r, made when it is first placed: a TR in the
 * table element, with a TH (header rows) or TD for every cell, empty or
 * not, so that readers see a regular grid. */
static int row_elems(lay *l, const lay_table *t, size_t r, uint32_t table) {
  bc_struct_type cell = r < t->header_rows ? BC_STRUCT_TH : BC_STRUCT_TD;
  uint32_t *cells = t->elems + t->rows + r * t->columns;
  int rc;
  if (t->elems[r])
    return 0;
  if ((rc = bc_layout__elem_add(&t->elems[r], l, BC_STRUCT_TR, table)))
    return rc;
  for (size_t k = 0; k < t->columns; k++)
    if ((rc = bc_layout__elem_add(&cells[k], l, cell, t->elems[r])))
      return rc;
  return 0;
}

/* Draws lines [from, from + count) of row r at the cursor, with the row's
 * borders, and moves the cursor below it. The text is content of the
 * row's cells in element table, or an artifact when table is 0 (header
 * rows repeated on a later page). */
static int place_row(lay *l,
                     const lay_table *t,
                     size_t r,
                     size_t from,
                     size_t count,
                     uint32_t table) {
  double top = l->y, h = row_height(t, r, count);
  double base = bc_layout__baseline_offset(l, t->size, t->leading);
  double rw = l->frame->table_rule;
  int rc;
  if (table && (rc = row_elems(l, t, r, table)))
    return rc;
  for (size_t k = 0; k < t->columns; k++) {
    const lay_line *lines = t->lines[r * t->columns + k];
    size_t n = t->line_count[r * t->columns + k];
    l->elem = table ? t->elems[t->rows + r * t->columns + k] : 0;
    for (size_t i = from; i < from + count && i < n; i++) {
      double y = top + t->pad_y + (i - from) * t->leading + base;
      for (size_t j = 0; j < lines[i].run_count; j++)
        if ((rc = bc_layout__add_run(l, &lines[i].runs[j], y)))
          return rc;
      if (lines[i].right > t->col_x[k + 1] - t->pad_x + 0.01)
        l->stats.overfull++;
    }
  }
  /* The row's top rule and its column rules; the bottom rule is drawn by
   * the next row or by close_segment. */
  if ((rc = bc_layout__add_rule(l, t->col_x[0], t->col_x[t->columns], top, rw)))
    return rc;
  for (size_t k = 0; k <= t->columns; k++)
    if ((rc = bc_layout__add_line(l, t->col_x[k], top, t->col_x[k], top + h,
                                  rw)))
      return rc;
  l->y = top + h;
  return 0;
}

/* The bottom rule of the table's part on this page. */
static int close_segment(lay *l, const lay_table *t) {
  return bc_layout__add_rule(l, t->col_x[0], t->col_x[t->columns], l->y,
                             l->frame->table_rule);
}

/* The header rows: content of table the first time, then (table 0)
 * artifacts. */
static int place_header(lay *l, const lay_table *t, uint32_t table) {
  int rc;
  for (size_t r = 0; r < t->header_rows && r < t->rows; r++)
    if ((rc = place_row(l, t, r, 0, t->row_lines[r], table)))
      return rc;
  return 0;
}

int bc_layout__place_table(lay *l, const lay_block *b) {
  const lay_table *t = b->table;
  double header_h = 0;
  int rc;

  for (size_t r = 0; r < t->header_rows && r < t->rows; r++)
    header_h += row_height(t, r, t->row_lines[r]);
  /* The header goes with the first row (or alone when it is all there is). */
  if (l->y + bc_layout__table_head_height(b) > bc_layout__bottom(l) + 1e-6 &&
      l->y > l->frame->margin_top + 1e-6 && (rc = bc_layout__new_page(l)))
    return rc;
  if ((rc = place_header(l, t, b->elem)))
    return rc;
  for (size_t r = t->header_rows; r < t->rows; r++) {
    size_t done = 0, total = t->row_lines[r];
    while (done < total) {
      double room = bc_layout__bottom(l) - l->y - 2 * t->pad_y;
      size_t fit = room < t->leading ? 0 : (size_t)((room + 1e-6) / t->leading);
      bool page_top = l->y <= l->frame->margin_top + header_h + 1e-6;
      size_t take = total - done;
      if (fit < take) {
        /* Design note 2: move the row whole unless it cannot fit a page. */
        if (!page_top) {
          if ((rc = close_segment(l, t)) || (rc = bc_layout__new_page(l)) ||
              (rc = place_header(l, t, 0)))
            return rc;
          continue;
        }
        take = fit ? fit : 1;
      }
      if ((rc = place_row(l, t, r, done, take, b->elem)))
        return rc;
      done += take;
    }
  }
  return close_segment(l, t);
}
