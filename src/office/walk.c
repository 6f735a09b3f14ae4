/* office/walk.c: the one walk over the report both drafts share: the
 * header block and the title (ô 1-5a), the body with its lists and tables,
 * Nơi nhận beside the signature block (ô 7, 9b), then each phụ lục as a
 * page sequence of its own. What each part is made of and where it goes is
 * decided here once; docx.c and odt.c only write it (office_ops), as
 * cmark's renderers write one tree. */
#include "office/office_int.h"

#include "common/error.h"

#include <string.h>

/* What the walk's functions need. */
typedef struct walk {
  const office_ops *ops;
  void *w;
  office_draft *d;
} walk;

/* A paragraph of style s holding text (NULL: empty; a line feed breaks
 * the line, as in the frame's texts), set in by inset; the text checked as
 * the PDF would draw it. */
static int text(const walk *k, office_style s, const char *t, double inset) {
  int rc;
  if (t && (rc = bc_office__check(k->d, t, strlen(t), k->d->styles[s].style,
                                  " \n")))
    return rc;
  k->ops->para_start(k->w, s, inset, false);
  if (t)
    k->ops->run(k->w, t, strlen(t), 0, false);
  k->ops->para_end(k->w, s);
  return 0;
}

/* A paragraph of style s holding spans (their style on top of the
 * paragraph's, headings bold, for the check). As in the PDF's body, tabs
 * and line feeds in the text are spaces between words (body.c), but a
 * centred heading is set as one line of text (its words split at spaces
 * only). */
static int spans(
    const walk *k, office_style s, const bc_span *sp, size_t n, bool keep) {
  unsigned base = k->d->styles[s].style;
  const char *separators = s == PS_H1 ? " " : " \t\n";
  int rc;
  for (size_t i = 0; i < n; i++)
    if ((rc = bc_office__check(k->d, sp[i].text, sp[i].len,
                               sp[i].style | base, separators)))
      return rc;
  k->ops->para_start(k->w, s, 0, keep);
  for (size_t i = 0; i < n; i++) {
    const char *t = sp[i].text;
    if (memchr(t, '\t', sp[i].len) || memchr(t, '\n', sp[i].len)) {
      char *copy = bc_arena_strndup(k->d->arena, t, sp[i].len);
      if (!copy)
        return bc_error_oom(k->d->err);
      for (size_t j = 0; j < sp[i].len; j++)
        if (copy[j] == '\t' || copy[j] == '\n')
          copy[j] = ' ';
      t = copy;
    }
    k->ops->run(k->w, t, sp[i].len, sp[i].style,
                (sp[i].flags & BC_SPAN_LINEBREAK) != 0);
  }
  k->ops->para_end(k->w, s);
  return 0;
}

/* A rule: an empty paragraph of style s (a bottom border) set in so that
 * it is length long, centred in a column width wide. */
static void rule(const walk *k, office_style s, double width, double length) {
  double inset = (width - length) / 2;
  k->ops->para_start(k->w, s, inset > 0 ? inset : 0, false);
  k->ops->para_end(k->w, s);
}

/* Page 1's header block: a borderless table hanging into the left margin
 * as the PDF's columns do; then BÁO CÁO, the trích yếu and its rule. */
static int header_block(const walk *k) {
  const office_ops *ops = k->ops;
  void *w = k->w;
  office_draft *d = k->d;
  const bc_frame *f = d->frame;
  const bc_doc *doc = d->doc;
  double cols[2] = {f->header_left_width, f->header_right_width};
  int rc;

  if ((rc = ops->table(w, cols, 2, OFFICE_TABLE_PLAIN, d->header_indent, 0)))
    return rc;
  ops->row_start(w, false);
  ops->cell_start(w, 0);
  if (doc->parent_name && doc->parent_name[0] &&
      (rc = text(k, PS_PARENT, doc->parent_name, d->parent_inset)))
    return rc;
  if ((rc = text(k, PS_AGENCY, doc->agency_name, d->agency_inset)))
    return rc;
  rule(k, PS_RULE, cols[0], d->agency_rule);
  ops->cell_end(w);
  ops->cell_start(w, 1);
  if ((rc = text(k, PS_NATIONAL, BC_FRAME_NATIONAL_NAME, 0)) ||
      (rc = text(k, PS_MOTTO, BC_FRAME_MOTTO, 0)))
    return rc;
  rule(k, PS_RULE, cols[1], d->motto_rule);
  ops->cell_end(w);
  ops->row_end(w);
  ops->row_start(w, false);
  ops->cell_start(w, 0);
  if ((rc = text(k, PS_NUMBER, doc->number_line, 0)))
    return rc;
  ops->cell_end(w);
  ops->cell_start(w, 1);
  if ((rc = text(k, PS_DATE, doc->place_date, 0)))
    return rc;
  ops->cell_end(w);
  ops->row_end(w);
  ops->table_end(w);
  if ((rc = text(k, PS_TYPE, doc->doc_type, 0)) ||
      (rc = text(k, PS_SUBJECT, doc->subject, d->subject_inset)))
    return rc;
  rule(k, PS_TITLE_RULE, bc_office__text_width(d, false),
            d->subject_rule);
  return 0;
}

/* A GFM table: the PDF's column widths, header rows first, cells in the
 * styles that align them as the PDF does. */
static int table(const walk *k, const bc_table *t, bool landscape) {
  const office_ops *ops = k->ops;
  void *w = k->w;
  office_draft *d = k->d;
  double *widths = bc_arena_calloc(d->arena, t->columns, sizeof *widths);
  int rc;
  if (!widths)
    return bc_error_oom(d->err);
  if ((rc = bc_office__table_widths(widths, d, t,
                                    bc_office__text_width(d, landscape))) ||
      (rc = ops->table(w, widths, t->columns, OFFICE_TABLE_GRID, 0, 0)))
    return rc;
  for (size_t r = 0; r < t->rows; r++) {
    ops->row_start(w, r < t->header_rows);
    for (size_t col = 0; col < t->columns; col++) {
      const bc_cell *c = &t->cells[r * t->columns + col];
      ops->cell_start(w, col);
      if ((rc = spans(k, bc_office__cell_style(t, r, col), c->spans,
                      c->span_count, false)))
        return rc;
      ops->cell_end(w);
    }
    ops->row_end(w);
  }
  ops->table_end(w);
  return 0;
}

/* The blocks of the body or of a phụ lục: bulleted items of one marker
 * form a list; the last paragraph stays with the closing block when
 * keep_last. */
static int blocks(const walk *k,
                  const bc_block *bl,
                  size_t n,
                  bool landscape,
                  bool keep_last) {
  const office_ops *ops = k->ops;
  void *w = k->w;
  int rc, list = -1;
  for (size_t i = 0; i < n; i++) {
    const bc_block *b = &bl[i];
    int bullet = bc_office__bullet(b);
    size_t skip;
    if (bullet != list) {
      if (list >= 0)
        ops->list(w, -1);
      if (bullet >= 0)
        ops->list(w, bullet);
      list = bullet;
    }
    if (b->kind == BC_BLOCK_TABLE) {
      if ((rc = table(k, b->table, landscape)))
        return rc;
      continue;
    }
    office_style s = bc_office__block_style(b, &skip);
    if ((rc = spans(k, s, b->spans + skip, b->span_count - skip,
                         keep_last && i + 1 == n &&
                             b->kind == BC_BLOCK_PARAGRAPH)))
      return rc;
  }
  if (list >= 0)
    ops->list(w, -1);
  return 0;
}

/* Nơi nhận beside the signature block: a borderless table of one row,
 * half a line below the body; the capacity lines, the blank for the
 * signature and seal, the name (an empty line when the report shows
 * none, so that the blank stays). */
static int closing_block(const walk *k) {
  const office_ops *ops = k->ops;
  void *w = k->w;
  office_draft *d = k->d;
  const bc_doc *doc = d->doc;
  double cols[2] = {d->frame->closing_left_width, d->closing_right_width};
  int rc;
  if ((rc = ops->table(w, cols, 2, OFFICE_TABLE_PLAIN, 0,
                       d->frame->leading * 0.5)))
    return rc;
  ops->row_start(w, false);
  ops->cell_start(w, 0);
  if ((rc = text(k, PS_RECIPIENTS, "Nơi nhận:", 0)))
    return rc;
  for (size_t i = 0; i < doc->recipient_count; i++)
    if ((rc = text(k, PS_RECIPIENT, doc->recipients[i], 0)))
      return rc;
  ops->cell_end(w);
  ops->cell_start(w, 1);
  for (size_t i = 0; i < doc->signer_line_count; i++)
    if ((rc = text(k, PS_CAPACITY, doc->signer_lines[i], 0)))
      return rc;
  if ((rc = text(k, PS_SIGNER, doc->signer_name, 0)))
    return rc;
  ops->cell_end(w);
  ops->row_end(w);
  ops->table_end(w);
  return 0;
}

/* A phụ lục: "Phụ lục", its title and the (Kèm theo ...) line, balanced
 * in 85 % of the text width as the PDF sets them, a short rule, its
 * blocks. */
static int appendix(const walk *k, const bc_appendix *a) {
  office_draft *d = k->d;
  const bc_frame *f = d->frame;
  double width = bc_office__text_width(d, a->landscape);
  double column = width * f->title_width, side = (width - column) / 2;
  double inset, widest;
  int rc;
  if ((rc = text(k, PS_APPENDIX, a->label, 0)) ||
      (rc = bc_office__centred(&inset, &widest, d, a->title, BC_DOC_BOLD,
                               f->title_size, column)) ||
      (rc = text(k, PS_APPENDIX_TITLE, a->title, side + inset)) ||
      (rc = bc_office__centred(&inset, &widest, d, a->reference,
                               BC_DOC_ITALIC, f->title_size, column)) ||
      (rc = text(k, PS_APPENDIX_REF, a->reference, side + inset)))
    return rc;
  rule(k, PS_TITLE_RULE, width, widest * f->appendix_rule);
  return blocks(k, a->blocks, a->block_count, a->landscape, false);
}

int bc_office__walk(const office_ops *ops, void *w, office_draft *d) {
  const walk wk = {ops, w, d}, *k = &wk;
  const bc_doc *doc = d->doc;
  bool landscape = false;
  int rc;
  if ((rc = header_block(k)) ||
      (rc = blocks(k, doc->blocks, doc->block_count, false, true)) ||
      (rc = closing_block(k)))
    return rc;
  for (size_t i = 0; i < doc->appendix_count; i++) {
    ops->sequence(w, doc->appendices[i].landscape, landscape, i == 0);
    if ((rc = appendix(k, &doc->appendices[i])))
      return rc;
    landscape = doc->appendices[i].landscape;
  }
  ops->end(w, landscape, doc->appendix_count == 0);
  return 0;
}
