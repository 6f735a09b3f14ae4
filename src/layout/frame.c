/* layout/frame.c: the parts of the Decree 30 frame around the body: page 1's
 * two-column header (ô 1-4), "BÁO CÁO" and the trích yếu (ô 5a), Nơi nhận
 * (ô 9b) beside the signature block (ô 7a-7c), and page numbers (PL I, I.7).
 * Sizes come from bc_frame; positions follow decree30-layout.md §3-8. Each
 * part is also an element of the structure, in the decree's reading order;
 * page numbers are artifacts. */
#include "layout/layout_int.h"

#include "common/error.h"

#include <stdio.h>
#include <string.h>

/* Distance from a baseline down to a rule under that line: clear of the
 * descenders (0.22 em in Times metrics) by about 2 pt. */
static double rule_drop(double size) {
  return size * 0.35 + 1.5;
}

/* Draws text centred on centre_x with its baseline at y (from the top);
 * returns its width. */
static int centred(double *width_out,
                   lay *l,
                   const char *text,
                   unsigned style,
                   double size,
                   double centre_x,
                   double y) {
  bc_run run;
  double w;
  int rc =
      bc_layout__shape_run(&run, &w, l, text, strlen(text), style, size, 0);
  if (rc)
    return rc;
  run.x_pt = (float)(centre_x - w / 2);
  if ((rc = bc_layout__add_run(l, &run, y)))
    return rc;
  if (width_out)
    *width_out = w;
  return 0;
}

/* Ends the last run drawn with a word space: the element's text goes on
 * in the next line drawn (bc_layout__space_after). */
static int space_after_last(lay *l) {
  page_builder *p = &l->pages[l->page];
  return p->run_count ? bc_layout__space_after(&p->runs[p->run_count - 1], NULL, l)
                      : 0;
}

/* Where a wrapped block goes: centred in [x, x + width) with balanced
 * lines, or flush left at x with a hanging indent for later lines. */
typedef struct column {
  double x;
  double width;
  bool centred;
  double indent;
  double step; /* baseline to baseline */
  size_t label_bytes; /* the text starts with a list marker this long
                         ("- " in Nơi nhận): runs of its own, content of
                         l->label_elem */
} column;

/* Draws the first glyphs of run, those showing its first `bytes` bytes,
 * as content of l->label_elem, and leaves the rest in run. */
static int add_label(lay *l, bc_run *run, size_t bytes, double y) {
  size_t k = bc_layout__prefix_glyphs(run, bytes);
  uint32_t elem = l->elem;
  bc_run rest;
  int rc;
  if (k == 0 || k >= run->count)
    return 0;
  bc_layout__split_run(run, &rest, k);
  l->elem = l->label_elem;
  rc = bc_layout__add_run(l, run, y);
  l->elem = elem;
  *run = rest;
  return rc;
}

/*
 * Wraps text into the column and draws it, the first baseline at *y (or
 * one step below when !first); leaves *y on the last baseline and raises
 * *widest to the widest line.
 */
static int wrapped_line(double *widest,
                         lay *l,
                         const char *text,
                         unsigned style,
                         double size,
                         const column *c,
                         double *y,
                         bool first) {
  bc_wrap how = {(bc_style)style, size, c->width, c->width - c->indent,
                c->centred};
  bc_text_line *lines;
  size_t count;
  int rc = bc_shaper_wrap(&lines, &count, l->shaper, text, &how, l->arena,
                          l->err);
  if (rc)
    return rc;
  for (size_t i = 0; i < count; i++) {
    bc_run run;
    double w;
    if (!(first && i == 0))
      *y += c->step;
    if ((rc = bc_layout__shape_run(&run, &w, l, lines[i].text, lines[i].len,
                                   style, size, c->x + (i ? c->indent : 0))))
      return rc;
    if (c->centred)
      run.x_pt = (float)(c->x + (c->width - w) / 2);
    if (i == 0 && c->label_bytes && l->label_elem &&
        (rc = add_label(l, &run, c->label_bytes, *y)))
      return rc;
    if (i + 1 < count && (rc = bc_layout__space_after(&run, NULL, l)))
      return rc;
    if ((rc = bc_layout__add_run(l, &run, *y)))
      return rc;
    if (widest && w > *widest)
      *widest = w;
  }
  return 0;
}

/* A header name: each line of text (split at line feeds, as in
 * "ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH") wrapped to the column. */
static int wrapped_block(double *widest,
                         lay *l,
                         const char *text,
                         unsigned style,
                         double size,
                         const column *c,
                         double *y,
                         bool first) {
  column rest = *c;
  rest.label_bytes = 0;
  for (;;) {
    const char *nl = strchr(text, '\n');
    char *line;
    int rc;
    if (!nl)
      return wrapped_line(widest, l, text, style, size, c, y, first);
    if (!(line = bc_arena_strndup(l->arena, text, (size_t)(nl - text))))
      return bc_error_oom(l->err);
    if ((rc = wrapped_line(widest, l, line, style, size, c, y, first)) ||
        (rc = space_after_last(l)))
      return rc;
    first = false;
    text = nl + 1;
    c = &rest;
  }
}

int bc_layout__frame_header(lay *l, const bc_doc *doc) {
  const bc_frame *f = l->frame;
  /* The columns: f->header_* (decree30-layout.md §3). */
  double left_c = f->header_x + f->header_left_width / 2;
  double right_x = f->header_x + f->header_left_width;
  double right_c = right_x + f->header_right_width / 2;
  double top = f->margin_top;
  const column left_col = {f->header_x, f->header_left_width, true, 0,
                           f->agency_size * f->header_step, 0};
  double y_left, y_right, w = 0, widest = 0;
  uint32_t header, national, motto, agency, number, place_date, title;
  int rc;

  /* The structure reads the header as the decree numbers its parts: Quốc
   * hiệu and Tiêu ngữ (ô 1), the agency (ô 2), Số (ô 3), place and date
   * (ô 4); then the title (ô 5a), the first heading of the document. */
  if ((rc = bc_layout__elem_add(&header, l, BC_STRUCT_DIV, 0)) ||
      (rc = bc_layout__elem_add(&national, l, BC_STRUCT_P, header)) ||
      (rc = bc_layout__elem_add(&motto, l, BC_STRUCT_P, header)) ||
      (rc = bc_layout__elem_add(&agency, l, BC_STRUCT_P, header)) ||
      (rc = bc_layout__elem_add(&number, l, BC_STRUCT_P, header)) ||
      (rc = bc_layout__elem_add(&place_date, l, BC_STRUCT_P, header)) ||
      (rc = bc_layout__elem_add(&title, l, BC_STRUCT_H1, 0)))
    return rc;

  /* Left column: cơ quan chủ quản (upright), cơ quan ban hành (bold), and a
   * rule of f->short_rule (40%) of the issuing body's widest line. */
  y_left = top + f->agency_size;
  bool first = true;
  l->elem = agency;
  if (doc->parent_name && doc->parent_name[0]) {
    if ((rc = wrapped_block(NULL, l, doc->parent_name, BC_STYLE_REGULAR,
                            f->agency_size, &left_col, &y_left, true)) ||
        (rc = space_after_last(l)))
      return rc;
    first = false;
  }
  if ((rc = wrapped_block(&widest, l, doc->agency_name, BC_STYLE_BOLD,
                          f->agency_size, &left_col, &y_left, first)))
    return rc;
  y_left += rule_drop(f->agency_size);
  if ((rc = bc_layout__add_rule(l, left_c - widest * f->short_rule / 2,
                                left_c + widest * f->short_rule / 2, y_left,
                                f->rule_width)))
    return rc;

  /* Right column: Quốc hiệu, Tiêu ngữ, and a rule as long as the Tiêu ngữ. */
  y_right = top + f->agency_size;
  l->elem = national;
  if ((rc = centred(NULL, l, BC_FRAME_NATIONAL_NAME, BC_STYLE_BOLD,
                    f->national_size, right_c, y_right)))
    return rc;
  y_right += f->motto_size * f->header_step;
  l->elem = motto;
  if ((rc = centred(&w, l, BC_FRAME_MOTTO, BC_STYLE_BOLD,
                    f->motto_size, right_c, y_right)))
    return rc;
  y_right += rule_drop(f->motto_size);
  if ((rc = bc_layout__add_rule(l, right_c - w / 2, right_c + w / 2, y_right,
                                f->rule_width)))
    return rc;

  /* Số and địa danh, ngày on one baseline below both rules. */
  double row = (y_left > y_right ? y_left : y_right) + f->date_size * 1.6;
  l->elem = number;
  if ((rc = centred(NULL, l, doc->number_line, BC_STYLE_REGULAR, f->number_size,
                    left_c, row)))
    return rc;
  l->elem = place_date;
  if ((rc = centred(NULL, l, doc->place_date, BC_STYLE_ITALIC, f->date_size,
                    right_c, row)))
    return rc;

  /* BÁO CÁO, the trích yếu, and its rule, centred on the text block. */
  double body_c = (bc_layout__left(l) + bc_layout__right(l)) / 2;
  double y = row + f->title_size * 2.6;
  l->elem = title;
  if ((rc = centred(NULL, l, doc->doc_type, BC_STYLE_BOLD, f->title_size,
                    body_c, y)) ||
      (rc = space_after_last(l)))
    return rc;
  y += f->leading;
  widest = 0;
  double subject_w = (bc_layout__right(l) - bc_layout__left(l)) * f->title_width;
  const column title_col = {body_c - subject_w / 2, subject_w, true, 0,
                            f->leading, 0};
  if ((rc = wrapped_block(&widest, l, doc->subject, BC_STYLE_BOLD,
                          f->title_size, &title_col, &y, true)))
    return rc;
  y += rule_drop(f->title_size);
  if ((rc = bc_layout__add_rule(l, body_c - widest * f->short_rule / 2,
                                body_c + widest * f->short_rule / 2, y,
                                f->rule_width)))
    return rc;
  l->y = y + f->leading * 0.9;
  l->elem = 0;
  return 0;
}

/* Half a line above the block, then the taller of its two columns. */
double bc_layout__closing_height(const lay *l, const bc_doc *doc) {
  const bc_frame *f = l->frame;
  double left = f->recipients_label_size * 0.3 +
                (doc->recipient_count + 1) * f->recipients_size * 1.2;
  double right =
      doc->signer_line_count * f->leading + f->signature_space + f->leading;
  return f->leading * 0.5 + f->leading + (left > right ? left : right);
}

/* Records a signature field on the current page, a Form element of the
 * signature block; y in points from the top. */
static int add_field(lay *l,
                     const char *name,
                     const char *label,
                     uint32_t block,
                     double x0,
                     double y0,
                     double x1,
                     double y1) {
  bc_sig_field *f = &l->fields[l->field_count];
  int rc = bc_layout__elem_add(&f->elem, l, BC_STRUCT_FORM, block);
  if (rc)
    return rc;
  l->field_count++;
  f->name = name;
  f->label = label;
  f->page = l->page;
  f->x0_pt = (float)x0;
  f->x1_pt = (float)x1;
  f->y0_pt = (float)(l->page_height - y1);
  f->y1_pt = (float)(l->page_height - y0);
  return 0;
}

/* The structure of Nơi nhận: its label, then a list with an item per
 * recipient; *items_out gets the list. */
static int recipients_elems(uint32_t *label_out, uint32_t *items_out, lay *l) {
  uint32_t block;
  int rc;
  if ((rc = bc_layout__elem_add(&block, l, BC_STRUCT_DIV, 0)) ||
      (rc = bc_layout__elem_add(label_out, l, BC_STRUCT_P, block)) ||
      (rc = bc_layout__elem_add(items_out, l, BC_STRUCT_L, block)))
    return rc;
  return 0;
}

/* A recipient's LI: its "- " as the Lbl, the rest as the LBody; they
 * become l->label_elem and l->elem. */
static int recipient_elems(lay *l, uint32_t list, const char *text) {
  uint32_t item;
  int rc;
  if ((rc = bc_layout__elem_add(&item, l, BC_STRUCT_LI, list)))
    return rc;
  l->label_elem = 0;
  if (!strncmp(text, "- ", 2) &&
      (rc = bc_layout__elem_add(&l->label_elem, l, BC_STRUCT_LBL, item)))
    return rc;
  return bc_layout__elem_add(&l->elem, l, BC_STRUCT_LBODY, item);
}

int bc_layout__frame_closing(lay *l, const bc_doc *doc) {
  const bc_frame *f = l->frame;
  double left = bc_layout__left(l), right = bc_layout__right(l);
  double col_w = f->closing_left_width;
  double sig_c = (left + col_w + right) / 2;
  double step = f->recipients_size * 1.2;
  int rc;

  /* Keep the block whole: start a page when it does not fit. */
  if (l->y + bc_layout__closing_height(l, doc) > bc_layout__bottom(l) + 1e-6) {
    if ((rc = bc_layout__new_page(l)))
      return rc;
  } else {
    l->y += f->leading * 0.5;
  }
  double base =
      l->y + bc_layout__baseline_offset(l, f->signer_size, f->leading);

  /* Left: "Nơi nhận:" level with the first capacity line, then items. */
  double y = base;
  bc_run run;
  double w;
  const char *label = "Nơi nhận:";
  uint32_t list, block;
  if ((rc = recipients_elems(&l->elem, &list, l)))
    return rc;
  if ((rc = bc_layout__shape_run(&run, &w, l, label, strlen(label),
                                 BC_STYLE_BOLD_ITALIC, f->recipients_label_size,
                                 left)) ||
      (rc = bc_layout__add_run(l, &run, y)))
    return rc;
  y += f->recipients_label_size * 0.3;
  double dash_w;
  if ((rc = bc_layout__shape_run(&run, &dash_w, l, "- ", 2, BC_STYLE_REGULAR,
                                 f->recipients_size, 0)))
    return rc;
  const column rec_col = {left,   col_w - MM_TO_PT(5), false, dash_w, step,
                          /* "- " */ 2};
  for (size_t i = 0; i < doc->recipient_count; i++)
    if ((rc = recipient_elems(l, list, doc->recipients[i])) ||
        (rc = wrapped_block(NULL, l, doc->recipients[i], BC_STYLE_REGULAR,
                            f->recipients_size, &rec_col, &y, false)))
      return rc;
  double left_bottom = y;

  /* Right: capacity lines and title (bold caps), the blank space for the
   * signature and seal, then the name (bold). */
  y = base;
  if ((rc = bc_layout__elem_add(&block, l, BC_STRUCT_DIV, 0)))
    return rc;
  for (size_t i = 0; i < doc->signer_line_count; i++) {
    if (i)
      y += f->leading;
    if ((rc = bc_layout__elem_add(&l->elem, l, BC_STRUCT_P, block)) ||
        (rc = centred(NULL, l, doc->signer_lines[i], BC_STYLE_BOLD,
                      f->signer_size, sig_c, y)))
      return rc;
  }
  /* The signer's field fills the blank between the title and the name;
   * the seal's (a 36 mm square, the size of a round seal) covers the
   * left third of it, as the decree puts the seal over the signature. */
  double name_y = y + f->signature_space + f->leading;
  double sig_top = y + f->signer_size * 0.3,
         sig_bottom = name_y - f->signer_size;
  double half_w = MM_TO_PT(35.0), seal = MM_TO_PT(36.0);
  double sx0 = sig_c - half_w, sx1 = sig_c + half_w;
  double seal_x1 = sx0 + (sx1 - sx0) / 3, seal_cy = (sig_top + sig_bottom) / 2;
  if ((rc = add_field(l, BC_FIELD_SIGNER, "Chữ ký của người có thẩm quyền",
                      block, sx0, sig_top, sx1, sig_bottom)) ||
      (rc = add_field(l, BC_FIELD_SEAL, "Chữ ký số của cơ quan", block,
                      seal_x1 - seal, seal_cy - seal / 2, seal_x1,
                      seal_cy + seal / 2)))
    return rc;
  y = name_y;
  if (doc->signer_name &&
      ((rc = bc_layout__elem_add(&l->elem, l, BC_STRUCT_P, block)) ||
       (rc = centred(NULL, l, doc->signer_name, BC_STYLE_BOLD, f->signer_size,
                     sig_c, y))))
    return rc;
  l->y = (y > left_bottom ? y : left_bottom) + f->leading;
  l->elem = l->label_elem = 0;
  return 0;
}

int bc_layout__frame_page_numbers(lay *l) {
  const bc_frame *f = l->frame;
  int rc;
  /* The decree: centred in the top margin, from page 2 on; each phụ lục
   * counts again from 1 and, like the report, shows no number on its first
   * page. */
  for (size_t i = 0; i < l->page_count; i++) {
    const page_builder *pg = &l->pages[i];
    double centre = (f->margin_left + pg->width - f->margin_right) / 2;
    char num[24];
    if (pg->number < 2)
      continue;
    snprintf(num, sizeof num, "%d", pg->number);
    l->page = i;
    l->elem = 0; /* an artifact */
    if ((rc = centred(NULL, l, num, BC_STYLE_REGULAR, f->page_number_size,
                      centre, f->margin_top * 0.6)))
      return rc;
  }
  l->page = l->page_count - 1;
  return 0;
}

int bc_layout__frame_appendix(lay *l, const bc_appendix *a) {
  const bc_frame *f = l->frame;
  double left, right, centre, y, widest = 0;
  char *entry;
  int rc;

  uint32_t sect, heading, reference = 0;
  bc_layout__set_orientation(l, a->landscape);
  l->page_number = 0;
  if ((rc = bc_layout__new_page(l)))
    return rc;
  /* A section of the document: its heading, the (Kèm theo ...) line, then
   * its body. */
  if ((rc = bc_layout__elem_add(&sect, l, BC_STRUCT_SECT, 0)) ||
      (rc = bc_layout__elem_add(&heading, l, BC_STRUCT_H1, sect)) ||
      (a->reference[0] &&
       (rc = bc_layout__elem_add(&reference, l, BC_STRUCT_P, sect))))
    return rc;
  bc_layout__set_section(l, sect);
  l->elem = heading;
  left = bc_layout__left(l);
  right = bc_layout__right(l);
  centre = (left + right) / 2;
  size_t n = strlen(a->label) + strlen(a->title) + 3;
  if (!(entry = bc_arena_alloc(l->arena, n)))
    return bc_error_oom(l->err);
  snprintf(entry, n, "%s. %s", a->label, a->title);
  if ((rc = bc_layout__outline_add(l, 1, entry)))
    return rc;
  /* decree30-layout.md §11: "Phụ lục" 14 pt bold, the title in capitals
   * bold, the (Kèm theo ...) line italic, all centred, then a short rule. */
  const column title_col = {left + (right - left) * (1 - f->title_width) / 2,
                            (right - left) * f->title_width, true, 0,
                            f->leading, 0};
  y = l->y + f->title_size;
  if ((rc = centred(NULL, l, a->label, BC_STYLE_BOLD, f->title_size, centre,
                    y)) ||
      (rc = space_after_last(l)))
    return rc;
  y += f->leading;
  if ((rc = wrapped_block(NULL, l, a->title, BC_STYLE_BOLD, f->title_size,
                          &title_col, &y, true)))
    return rc;
  y += f->leading;
  l->elem = reference;
  if ((rc = wrapped_block(&widest, l, a->reference, BC_STYLE_ITALIC,
                          f->title_size, &title_col, &y, true)))
    return rc;
  y += rule_drop(f->title_size);
  if ((rc = bc_layout__add_rule(l, centre - widest * f->appendix_rule / 2,
                                centre + widest * f->appendix_rule / 2, y,
                                f->rule_width)))
    return rc;
  l->y = y + f->leading;
  return 0;
}
