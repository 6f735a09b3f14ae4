/* office/draft.c: bc_office_write, and what the .docx and .odt writers
 * share: the named styles with their sizes and spacing taken from the
 * PDF's frame, the frame's texts measured as the layout measures them,
 * the check that every text can be drawn, XML text and dates. */
#include "office/office_int.h"

#include "common/error.h"
#include "common/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const bc_office__char_ids[4] = {NULL, "Dam", "Nghieng",
                                            "DamNghieng"};
const char *const bc_office__char_names[4] = {NULL, "Đậm", "Nghiêng",
                                              "Đậm nghiêng"};

/* Room a centred paragraph keeps beyond its widest line, for a word
 * processor's rounding and kerning: less than any word, so it never lets
 * one more word onto a line. */
#define INSET_SLACK 2.0

/* The rule paragraph's height: its bottom border falls about where the
 * PDF draws the rule under the line above (0.35 em + 1.5 pt below the
 * baseline, frame.c). */
#define RULE_LINE 3.0

static void set(office_pstyle *s,
                const char *id,
                const char *name,
                double size,
                unsigned style,
                office_align align,
                double line) {
  memset(s, 0, sizeof *s);
  s->id = id;
  s->name = name;
  s->size = size;
  s->style = style;
  s->align = align;
  s->line = line;
}

/* The styles, with the PDF's figures (layout/frame.c, body.c, table.c).
 * Where the frame puts a baseline at a distance from a rule, the space
 * before the paragraph is worked out for a word processor that sets a line
 * of exact height with the descender at its bottom (LibreOffice does). */
static void fill_styles(office_draft *d, double dash_width) {
  const bc_frame *f = d->frame;
  const bc_face_info *fi = bc_fontset_info(d->fonts, BC_STYLE_REGULAR);
  double asc = (double)fi->ascender / fi->upem, desc = -(double)fi->descender / fi->upem;
  office_pstyle *s = d->styles;
  const unsigned B = BC_DOC_BOLD, I = BC_DOC_ITALIC;
  double header_line = f->agency_size * f->header_step;
  double table_line = f->table_size * 1.2;
  /* Where a line of size pt sits in a line of the body's leading: from
   * its top to its baseline, in the PDF (layout.c) and in the draft. */
  double pdf_base = (f->leading - asc * f->body_size - desc * f->body_size) / 2 +
                    asc * f->body_size;

  set(&s[PS_BODY], "NoiDung", "Nội dung", f->body_size, 0, OFFICE_JUSTIFY,
      f->leading);
  s[PS_BODY].first = f->first_indent;
  s[PS_BODY].after = f->paragraph_space;
  /* Headings: level 1 centred, the others flush with the first-line
   * indent, ragged right; bold, level 4 and below bold italic. */
  static const char *const hid[4] = {"TieuDe1", "TieuDe2", "TieuDe3",
                                     "TieuDe4"};
  static const char *const hname[4] = {"Tiêu đề 1", "Tiêu đề 2", "Tiêu đề 3",
                                       "Tiêu đề 4"};
  for (int k = 0; k < 4; k++) {
    office_pstyle *h = &s[PS_H1 + k];
    set(h, hid[k], hname[k], f->body_size, k == 3 ? B | I : B,
        k ? OFFICE_LEFT : OFFICE_CENTER, f->leading);
    h->first = k ? f->first_indent : 0;
    h->after = f->paragraph_space;
    h->outline = k + 1;
    h->keep_next = true;
  }
  static const char *const lid[3] = {"GachDauDong", "DauCong", "ChamTron"};
  static const char *const lname[3] = {"Gạch đầu dòng", "Dấu cộng",
                                       "Chấm tròn"};
  static const char *const mark[3] = {"-", "+", "●"};
  for (int k = 0; k < 3; k++) {
    s[PS_DASH + k] = s[PS_BODY];
    s[PS_DASH + k].id = lid[k];
    s[PS_DASH + k].name = lname[k];
    s[PS_DASH + k].bullet = mark[k];
  }

  set(&s[PS_PARENT], "CoQuanChuQuan", "Cơ quan chủ quản", f->agency_size, 0,
      OFFICE_CENTER, header_line);
  set(&s[PS_AGENCY], "CoQuanBanHanh", "Cơ quan ban hành", f->agency_size, B,
      OFFICE_CENTER, header_line);
  set(&s[PS_NATIONAL], "QuocHieu", "Quốc hiệu", f->national_size, B,
      OFFICE_CENTER, f->motto_size * f->header_step);
  set(&s[PS_MOTTO], "TieuNgu", "Tiêu ngữ", f->motto_size, B, OFFICE_CENTER,
      f->motto_size * f->header_step);
  set(&s[PS_RULE], "DuongKe", "Đường kẻ", 1, 0, OFFICE_CENTER, RULE_LINE);
  s[PS_RULE].rule = true;
  /* Số and the date: a row whose baselines are 1.6 lines of the date's
   * size below the lower rule (frame.c). */
  set(&s[PS_NUMBER], "SoKyHieu", "Số, ký hiệu", f->number_size, 0,
      OFFICE_CENTER, f->leading);
  s[PS_NUMBER].before =
      f->date_size * 1.6 - (f->leading - desc * f->number_size);
  set(&s[PS_DATE], "DiaDanhNgay", "Địa danh, ngày tháng", f->date_size, I,
      OFFICE_CENTER, f->leading);
  s[PS_DATE].before = f->date_size * 1.6 - (f->leading - desc * f->date_size);
  set(&s[PS_TYPE], "TenLoai", "Tên loại văn bản", f->title_size, B,
      OFFICE_CENTER, f->leading);
  s[PS_TYPE].before = f->title_size * 2.6 - f->leading;
  set(&s[PS_SUBJECT], "TrichYeu", "Trích yếu", f->title_size, B,
      OFFICE_CENTER, f->leading);
  s[PS_TITLE_RULE] = s[PS_RULE];
  s[PS_TITLE_RULE].id = "DuongKeTrichYeu";
  s[PS_TITLE_RULE].name = "Đường kẻ dưới trích yếu";
  /* The body's first line starts 0.9 of a line below the rule. */
  s[PS_TITLE_RULE].after =
      f->leading * 0.9 + pdf_base - (f->leading - desc * f->body_size);

  set(&s[PS_RECIPIENTS], "NoiNhan", "Nơi nhận", f->recipients_label_size,
      B | I, OFFICE_LEFT, f->leading);
  set(&s[PS_RECIPIENT], "NoiNhanMuc", "Nơi nhận - từng nơi",
      f->recipients_size, 0, OFFICE_LEFT, f->recipients_size * 1.2);
  s[PS_RECIPIENT].left = dash_width; /* lines after the first under the text */
  s[PS_RECIPIENT].first = -dash_width;
  s[PS_RECIPIENT].right = 5 * 72 / 25.4; /* frame.c: 5 mm short of 75 */
  set(&s[PS_CAPACITY], "ChucVuNguoiKy", "Chức vụ người ký", f->signer_size, B,
      OFFICE_CENTER, f->leading);
  set(&s[PS_SIGNER], "NguoiKy", "Họ tên người ký", f->signer_size, B,
      OFFICE_CENTER, f->leading);
  s[PS_SIGNER].before = f->signature_space; /* the blank for the signature */

  set(&s[PS_APPENDIX], "PhuLuc", "Phụ lục", f->title_size, B, OFFICE_CENTER,
      f->leading);
  set(&s[PS_APPENDIX_TITLE], "TenPhuLuc", "Tên phụ lục", f->title_size, B,
      OFFICE_CENTER, f->leading);
  set(&s[PS_APPENDIX_REF], "KemTheo", "Kèm theo văn bản", f->title_size, I,
      OFFICE_CENTER, f->leading);

  set(&s[PS_CELL_HEAD], "BangDongDau", "Bảng - dòng tiêu đề", f->table_size,
      B, OFFICE_CENTER, table_line);
  set(&s[PS_CELL_LEFT], "BangTrai", "Bảng - căn trái", f->table_size, 0,
      OFFICE_LEFT, table_line);
  set(&s[PS_CELL_CENTER], "BangGiua", "Bảng - căn giữa", f->table_size, 0,
      OFFICE_CENTER, table_line);
  set(&s[PS_CELL_RIGHT], "BangPhai", "Bảng - căn phải", f->table_size, 0,
      OFFICE_RIGHT, table_line);
  set(&s[PS_PAGE_NUMBER], "SoTrang", "Số trang", f->page_number_size, 0,
      OFFICE_CENTER, f->leading);
  set(&s[PS_SECTION_END], "CuoiPhan", "Cuối phần", 1, 0, OFFICE_LEFT, 1);
}

/* Width of text in one style, points. */
static int text_width(double *out,
                      office_draft *d,
                      const char *text,
                      unsigned style,
                      double size) {
  bc_shaped sh;
  int rc = bc_shaper_shape(&sh, d->shaper, (bc_style)style, text, strlen(text),
                           d->arena, d->err);
  if (rc)
    return rc;
  *out = sh.width * size / bc_fontset_info(d->fonts, (bc_style)style)->upem;
  return 0;
}

int bc_office__centred(double *inset_out,
                       double *widest_out,
                       office_draft *d,
                       const char *text,
                       unsigned style,
                       double size,
                       double width) {
  const bc_centred_text what = {text, style, size, width};
  double widest;
  size_t lines, parts = 1;
  int rc = bc_layout_centred_width(&widest, &lines, d->frame, d->fonts,
                                   d->shaper, &what, d->arena, d->err);
  if (rc)
    return rc;
  for (const char *p = text; *p; p++)
    parts += *p == '\n';
  /* Balanced lines come out of first-fit breaking at their own width; a
   * text on one line keeps the whole column, to be edited. */
  *inset_out = lines > parts && widest + INSET_SLACK < width
                   ? (width - widest - INSET_SLACK) / 2
                   : 0;
  *widest_out = widest;
  return 0;
}

int bc_office__table_widths(double *widths_out,
                            office_draft *d,
                            const bc_table *table,
                            double measure) {
  bc_frame f = *d->frame;
  f.table_padding += 1;
  return bc_layout_table_widths(widths_out, &f, d->fonts, d->shaper, table,
                                measure, d->arena, d->err);
}

double bc_office__text_width(const office_draft *d, bool landscape) {
  const bc_frame *f = d->frame;
  double page = landscape ? f->page_height : f->page_width;
  return page - f->margin_left - f->margin_right;
}

int bc_office__draft_init(office_draft *d) {
  const bc_frame *f = d->frame;
  const bc_doc *doc = d->doc;
  double dash, widest, column, inner;
  int rc;

  if ((rc = text_width(&dash, d, "- ", 0, f->recipients_size)))
    return rc;
  fill_styles(d, dash);
  d->header_indent = f->header_x - f->margin_left;
  d->closing_right_width =
      bc_office__text_width(d, false) - f->closing_left_width;
  if (doc->parent_name && doc->parent_name[0] &&
      (rc = bc_office__centred(&d->parent_inset, &widest, d, doc->parent_name,
                               0, f->agency_size, f->header_left_width)))
    return rc;
  if ((rc = bc_office__centred(&d->agency_inset, &widest, d, doc->agency_name,
                               BC_DOC_BOLD, f->agency_size,
                               f->header_left_width)))
    return rc;
  d->agency_rule = widest * f->short_rule;
  if ((rc = text_width(&d->motto_rule, d, BC_FRAME_MOTTO, BC_DOC_BOLD,
                        f->motto_size)))
    return rc;
  column = bc_office__text_width(d, false) * f->title_width;
  if ((rc = bc_office__centred(&inner, &widest, d, doc->subject, BC_DOC_BOLD,
                               f->title_size, column)))
    return rc;
  d->subject_inset = (bc_office__text_width(d, false) - column) / 2 + inner;
  d->subject_rule = widest * f->short_rule;
  return 0;
}

int bc_office__check(office_draft *d,
                     const char *text,
                     size_t len,
                     unsigned style,
                     const char *separators) {
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && !strchr(separators, text[j]))
      j++;
    if (j > i) {
      bc_shaped sh;
      int rc = bc_shaper_shape(&sh, d->shaper, (bc_style)(style & 3u),
                               text + i, j - i, d->arena, d->err);
      if (rc)
        return rc;
    }
    i = j + 1;
  }
  return 0;
}

int bc_office__bullet(const bc_block *b) {
  const char *m;
  if (b->kind != BC_BLOCK_PARAGRAPH || !(b->list_flags & BC_LIST_ITEM) ||
      !b->span_count)
    return -1;
  m = b->spans[0].text;
  if (b->spans[0].len == 2 && !memcmp(m, "- ", 2))
    return PS_DASH;
  if (b->spans[0].len == 2 && !memcmp(m, "+ ", 2))
    return PS_PLUS;
  if (b->spans[0].len == 4 && !memcmp(m, "\xe2\x97\x8f ", 4))
    return PS_DOT;
  return -1;
}

office_style bc_office__block_style(const bc_block *b, size_t *skip) {
  int bullet = bc_office__bullet(b);
  *skip = bullet >= 0 ? 1 : 0; /* the marker: the list draws it */
  if (b->kind == BC_BLOCK_HEADING)
    return b->level <= 1   ? PS_H1
           : b->level >= 4 ? PS_H4
                           : (office_style)(PS_H1 + b->level - 1);
  return bullet >= 0 ? (office_style)bullet : PS_BODY;
}

office_style bc_office__cell_style(const bc_table *t, size_t row, size_t column) {
  bc_cell_align a = bc_layout_cell_align(t, row, column);
  return row < t->header_rows  ? PS_CELL_HEAD
         : a == BC_CELL_CENTER ? PS_CELL_CENTER
         : a == BC_CELL_RIGHT  ? PS_CELL_RIGHT
                               : PS_CELL_LEFT;
}

void bc_office__xml(bc_buf *b, const char *s, size_t len) {
  size_t from = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep = NULL;
    size_t skip = 1;
    if (c == '&')
      rep = "&amp;";
    else if (c == '<')
      rep = "&lt;";
    else if (c == '>')
      rep = "&gt;";
    else if (c == '"')
      rep = "&quot;";
    else if (c < 0x20 && c != '\t' && c != '\n')
      rep = "";
    else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
             ((unsigned char)s[i + 2] == 0xBE ||
              (unsigned char)s[i + 2] == 0xBF)) {
      rep = ""; /* U+FFFE, U+FFFF */
      skip = 3;
    }
    if (!rep)
      continue;
    bc_buf_put(b, s + from, i - from);
    bc_buf_puts(b, rep);
    i += skip - 1;
    from = i + 1;
  }
  bc_buf_put(b, s + from, len - from);
}

void bc_office__date(char out[32], time_t t) {
  struct tm tm;
  gmtime_r(&t, &tm);
  if (!strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm))
    out[0] = '\0';
}

void bc_office__pt(bc_buf *b, double pt) {
  char num[48];
  int n = snprintf(num, sizeof num, "%.3f", fabs(pt) < 0.0005 ? 0.0 : pt);
  while (n > 0 && num[n - 1] == '0')
    num[--n] = '\0';
  if (n > 0 && num[n - 1] == '.')
    num[--n] = '\0';
  bc_buf_puts(b, num);
  bc_buf_puts(b, "pt");
}

int bc_office_write(const unsigned char **data_out,
                    size_t *len_out,
                    bc_office_kind kind,
                    const bc_doc *doc,
                    const bc_office_setting *set,
                    const bc_office_info *info,
                    bc_arena *arena,
                    bc_error *err) {
  office_draft d;
  int rc;
  memset(&d, 0, sizeof d);
  d.doc = doc;
  d.frame = set->frame;
  d.fonts = set->fonts;
  d.shaper = set->shaper;
  d.info = info;
  d.arena = arena;
  d.err = err;
  if ((rc = bc_office__draft_init(&d)))
    return rc;
  return kind == BC_OFFICE_ODT ? bc_office__odt(data_out, len_out, &d)
                               : bc_office__docx(data_out, len_out, &d);
}
