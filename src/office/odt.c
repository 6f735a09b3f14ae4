/* office/odt.c: the report as an OpenDocument text (ODF 1.3, .odt): named
 * paragraph, text and list styles in styles.xml; the header and closing
 * blocks as borderless tables; a first-page master page without the page
 * number that leads to one with it, and for each phụ lục the same pair
 * (landscape where the PDF's is) with numbering from 1; the report's data
 * as a file of the package, listed in the manifest, and as a custom
 * property in meta.xml (which survives an edit in LibreOffice). */
#include "office/office_int.h"

#include "common/error.h"

#include <string.h>

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NAMESPACES                                                             \
  " xmlns:office=\"" NS_OFFICE "\""                                            \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""           \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""             \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""           \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""  \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""    \
  " office:version=\"1.3\""
#define MIMETYPE "application/vnd.oasis.opendocument.text"
#define FONT_DECLS                                                             \
  "<office:font-face-decls><style:font-face style:name=\"Times New Roman\" "   \
  "svg:font-family=\"&apos;Times New Roman&apos;\" "                           \
  "style:font-family-generic=\"roman\" style:font-pitch=\"variable\"/>"        \
  "</office:font-face-decls>"

/* The master pages (styles.xml): the report's first page without the page
 * number, then the others with it; the same for landscape phụ lục. */
#define MASTER_FIRST "TrangDau"
#define MASTER_LAND_FIRST "TrangNgangDau"

enum { P_MIMETYPE, P_MANIFEST, P_CONTENT, P_STYLES, P_META, P_DATA, P_COUNT };

typedef struct odt {
  office_draft *d;
  bc_buf parts[P_COUNT];
  bc_buf autos; /* content.xml's automatic styles */
  bc_buf body;  /* content.xml's text */
  bc_buf *b;    /* = &body */
  int next_style;  /* automatic paragraph styles P1, P2, ... */
  int next_table;  /* tables T1, T2, ... */
  bool space;      /* the last character written was white space, or
                      nothing yet in the paragraph: spaces must be text:s */
} odt;

static void length(bc_buf *b, const char *attr, double pt) {
  bc_buf_printf(b, " %s=\"", attr);
  bc_office__pt(b, pt);
  bc_buf_putc(b, '"');
}

/* ---- styles.xml ---- */

static const char *const align_names[] = {"start", "center", "end",
                                          "justify"};

static void text_props(bc_buf *b, double size, unsigned style) {
  bc_buf_puts(b, "<style:text-properties");
  length(b, "fo:font-size", size);
  length(b, "style:font-size-complex", size);
  bc_buf_printf(b,
                " fo:font-weight=\"%s\" style:font-weight-complex=\"%s\" "
                "fo:font-style=\"%s\" style:font-style-complex=\"%s\"/>",
                style & BC_DOC_BOLD ? "bold" : "normal",
                style & BC_DOC_BOLD ? "bold" : "normal",
                style & BC_DOC_ITALIC ? "italic" : "normal",
                style & BC_DOC_ITALIC ? "italic" : "normal");
}

static const char *const list_ids[3] = {"DSGach", "DSCong", "DSCham"};

static void paragraph_style(bc_buf *b, const office_pstyle *s, int index) {
  bc_buf_printf(b, "<style:style style:name=\"%s\" style:display-name=\"",
                s->id);
  bc_office__xml(b, s->name, strlen(s->name));
  bc_buf_puts(b, "\" style:family=\"paragraph\" "
                 "style:parent-style-name=\"Standard\"");
  if (s->outline)
    bc_buf_printf(b,
                  " style:next-style-name=\"NoiDung\" "
                  "style:default-outline-level=\"%d\"",
                  s->outline);
  if (index >= PS_DASH && index <= PS_DOT)
    bc_buf_printf(b, " style:list-style-name=\"%s\"",
                  list_ids[index - PS_DASH]);
  bc_buf_puts(b, " style:class=\"text\"><style:paragraph-properties");
  length(b, "fo:margin-top", s->before);
  length(b, "fo:margin-bottom", s->after);
  length(b, "fo:margin-left", s->left);
  length(b, "fo:margin-right", s->right);
  length(b, "fo:text-indent", s->first);
  length(b, "fo:line-height", s->line); /* a length: exactly this */
  bc_buf_printf(b,
                " fo:text-align=\"%s\" style:justify-single-word=\"false\" "
                "fo:orphans=\"2\" fo:widows=\"2\" fo:keep-with-next=\"%s\"",
                align_names[s->align], s->keep_next ? "always" : "auto");
  if (s->rule) {
    bc_buf_puts(b, " fo:border-bottom=\"");
    bc_office__pt(b, 0.6);
    bc_buf_puts(b, " solid #000000\" fo:padding=\"0pt\"");
  }
  bc_buf_puts(b, "/>");
  text_props(b, s->size, s->style);
  bc_buf_puts(b, "</style:style>");
}

/* A list style per marker: the marker where the first line's indent
 * puts it, a space after it, lines after the first at the margin. */
static void list_style(bc_buf *b, const office_pstyle *s, const char *id) {
  bc_buf_printf(b, "<text:list-style style:name=\"%s\" style:display-name=\"",
                id);
  bc_office__xml(b, s->name, strlen(s->name));
  bc_buf_printf(b,
                "\"><text:list-level-style-bullet text:level=\"1\" "
                "text:bullet-char=\"%s\"><style:list-level-properties "
                "text:list-level-position-and-space-mode=\"label-alignment\">"
                "<style:list-level-label-alignment "
                "text:label-followed-by=\"space\"",
                s->bullet);
  length(b, "fo:text-indent", s->first);
  bc_buf_puts(b, " fo:margin-left=\"0pt\"/></style:list-level-properties>"
                 "<style:text-properties style:font-name=\"Times New Roman\"/>"
                 "</text:list-level-style-bullet></text:list-style>");
}

/* A page layout: A4 with the decree's margins; with a header, the page
 * number sits in the top margin and the body still starts at it. */
static void page_layout(bc_buf *b,
                        const bc_frame *f,
                        const char *name,
                        bool landscape,
                        bool header) {
  double header_top = f->margin_top * 0.6 - f->page_number_size;
  bc_buf_printf(b, "<style:page-layout style:name=\"%s\">"
                   "<style:page-layout-properties",
                name);
  length(b, "fo:page-width", landscape ? f->page_height : f->page_width);
  length(b, "fo:page-height", landscape ? f->page_width : f->page_height);
  bc_buf_printf(b, " style:print-orientation=\"%s\" style:num-format=\"1\"",
                landscape ? "landscape" : "portrait");
  length(b, "fo:margin-top", header ? header_top : f->margin_top);
  length(b, "fo:margin-bottom", f->margin_bottom);
  length(b, "fo:margin-left", f->margin_left);
  length(b, "fo:margin-right", f->margin_right);
  bc_buf_puts(b, "/><style:header-style>");
  if (header) {
    bc_buf_puts(b, "<style:header-footer-properties");
    length(b, "fo:min-height", f->margin_top - header_top);
    bc_buf_puts(b, " fo:margin-bottom=\"0pt\" style:dynamic-spacing=\"false\"/>");
  }
  bc_buf_puts(b, "</style:header-style><style:footer-style/>"
                 "</style:page-layout>");
}

static void page_number_header(bc_buf *b, const char *style) {
  bc_buf_printf(b, "<style:header><text:p text:style-name=\"%s\">"
                   "<text:page-number text:select-page=\"current\">2"
                   "</text:page-number></text:p></style:header>",
                style);
}

static void styles_xml(odt *o) {
  const office_draft *d = o->d;
  const bc_frame *f = d->frame;
  bc_buf *b = &o->parts[P_STYLES];
  bc_buf_puts(b, XML_DECL "<office:document-styles" NAMESPACES ">" FONT_DECLS
                          "<office:styles>");
  /* Times New Roman, as the decree says (LibreOffice on Debian draws it
   * with Liberation Serif, its metric twin); Vietnamese; no
   * hyphenation. */
  bc_buf_puts(b, "<style:default-style style:family=\"paragraph\">"
                 "<style:paragraph-properties style:writing-mode=\"lr-tb\"/>"
                 "<style:text-properties style:font-name=\"Times New Roman\" "
                 "style:font-name-complex=\"Times New Roman\"");
  length(b, "fo:font-size", f->body_size);
  bc_buf_puts(b, " fo:language=\"vi\" fo:country=\"VN\" fo:hyphenate=\"false\"/>"
                 "</style:default-style>"
                 "<style:default-style style:family=\"table\">"
                 "<style:table-properties table:border-model=\"collapsing\"/>"
                 "</style:default-style>"
                 "<style:style style:name=\"Standard\" style:family=\"paragraph\" "
                 "style:class=\"text\"/>");
  for (int i = 0; i < PS_COUNT; i++)
    paragraph_style(b, &d->styles[i], i);
  for (int k = 1; k < 4; k++) {
    bc_buf_printf(b, "<style:style style:name=\"%s\" style:display-name=\"",
                  bc_office__char_ids[k]);
    bc_office__xml(b, bc_office__char_names[k],
                   strlen(bc_office__char_names[k]));
    bc_buf_puts(b, "\" style:family=\"text\"><style:text-properties");
    if (k & BC_DOC_BOLD)
      bc_buf_puts(b, " fo:font-weight=\"bold\" style:font-weight-complex=\"bold\"");
    if (k & BC_DOC_ITALIC)
      bc_buf_puts(b, " fo:font-style=\"italic\" style:font-style-complex=\"italic\"");
    bc_buf_puts(b, "/></style:style>");
  }
  for (int i = PS_DASH; i <= PS_DOT; i++)
    list_style(b, &d->styles[i], list_ids[i - PS_DASH]);
  bc_buf_puts(b, "</office:styles><office:automatic-styles>");
  page_layout(b, f, "Mdoc", false, true);
  page_layout(b, f, "Mdau", false, false);
  page_layout(b, f, "Mngang", true, true);
  page_layout(b, f, "Mngangdau", true, false);
  bc_buf_puts(b, "</office:automatic-styles><office:master-styles>"
                 "<style:master-page style:name=\"Standard\" "
                 "style:page-layout-name=\"Mdoc\">");
  page_number_header(b, d->styles[PS_PAGE_NUMBER].id);
  bc_buf_puts(b, "</style:master-page><style:master-page style:name=\"" MASTER_FIRST
                 "\" style:display-name=\"Trang đầu\" "
                 "style:page-layout-name=\"Mdau\" "
                 "style:next-style-name=\"Standard\"/>"
                 "<style:master-page style:name=\"TrangNgang\" "
                 "style:display-name=\"Trang ngang\" "
                 "style:page-layout-name=\"Mngang\">");
  page_number_header(b, d->styles[PS_PAGE_NUMBER].id);
  bc_buf_puts(b, "</style:master-page><style:master-page style:name=\"" MASTER_LAND_FIRST
                 "\" style:display-name=\"Trang ngang đầu\" "
                 "style:page-layout-name=\"Mngangdau\" "
                 "style:next-style-name=\"TrangNgang\"/>"
                 "</office:master-styles></office:document-styles>");
}

/* ---- content.xml ---- */

/* An automatic paragraph style: s with insets, keep-with-next, or the
 * start of a page sequence (a master page, numbering from 1). Returns its
 * number. */
static int auto_paragraph(odt *o,
                          office_style s,
                          double inset_left,
                          double inset_right,
                          bool keep_next,
                          const char *master) {
  const office_pstyle *st = &o->d->styles[s];
  bc_buf *b = &o->autos;
  int n = ++o->next_style;
  bc_buf_printf(b,
                "<style:style style:name=\"P%d\" style:family=\"paragraph\" "
                "style:parent-style-name=\"%s\"",
                n, st->id);
  if (master)
    bc_buf_printf(b, " style:master-page-name=\"%s\"", master);
  bc_buf_puts(b, "><style:paragraph-properties");
  if (inset_left != 0 || inset_right != 0) {
    length(b, "fo:margin-left", st->left + inset_left);
    length(b, "fo:margin-right", st->right + inset_right);
  }
  if (keep_next)
    bc_buf_puts(b, " fo:keep-with-next=\"always\"");
  if (master)
    bc_buf_puts(b, " style:page-number=\"1\"");
  bc_buf_puts(b, "/></style:style>");
  return n;
}

/* Opens a paragraph (or heading) of style s, or of automatic style P<n>
 * when n > 0. */
static void para_open(odt *o, office_style s, int n) {
  const office_pstyle *st = &o->d->styles[s];
  if (st->outline)
    bc_buf_printf(o->b, "<text:h text:outline-level=\"%d\" ", st->outline);
  else
    bc_buf_puts(o->b, "<text:p ");
  if (n)
    bc_buf_printf(o->b, "text:style-name=\"P%d\">", n);
  else
    bc_buf_printf(o->b, "text:style-name=\"%s\">", st->id);
  o->space = true;
}

static void para_close(odt *o, office_style s) {
  bc_buf_puts(o->b, o->d->styles[s].outline ? "</text:h>" : "</text:p>");
}

/* Text with ODF's white space kept: a run of spaces after the first (or
 * at the start of a line) as text:s, line feeds as line breaks. */
static void put_text(odt *o, const char *s, size_t len) {
  bc_buf *b = o->b;
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && s[j] != ' ' && s[j] != '\n' && s[j] != '\t')
      j++;
    if (j > i) {
      bc_office__xml(b, s + i, j - i);
      o->space = false;
    }
    if (j == len)
      break;
    if (s[j] == '\n') {
      bc_buf_puts(b, "<text:line-break/>");
      o->space = true;
      i = j + 1;
    } else if (s[j] == '\t') {
      bc_buf_puts(b, "<text:tab/>");
      o->space = true;
      i = j + 1;
    } else {
      size_t k = j;
      while (k < len && s[k] == ' ')
        k++;
      size_t n = k - j;
      if (!o->space) {
        bc_buf_putc(b, ' ');
        n--;
      }
      if (n)
        bc_buf_printf(b, "<text:s text:c=\"%zu\"/>", n);
      o->space = true;
      i = k;
    }
  }
}

/* A span of text in a character style (0: none); checked as the PDF
 * would draw it. */
static int span(odt *o,
                const char *text,
                size_t len,
                unsigned style,
                unsigned shape_style,
                bool break_before) {
  int rc;
  if ((rc = bc_office__check(o->d, text, len, shape_style)))
    return rc;
  if (break_before) {
    bc_buf_puts(o->b, "<text:line-break/>");
    o->space = true;
  }
  if (style & 3u)
    bc_buf_printf(o->b, "<text:span text:style-name=\"%s\">",
                  bc_office__char_ids[style & 3u]);
  put_text(o, text, len);
  if (style & 3u)
    bc_buf_puts(o->b, "</text:span>");
  return 0;
}

static int text_para(odt *o,
                     office_style s,
                     const char *text,
                     double inset_left,
                     double inset_right,
                     const char *master) {
  int n = inset_left != 0 || inset_right != 0 || master
              ? auto_paragraph(o, s, inset_left, inset_right, false, master)
              : 0;
  int rc;
  para_open(o, s, n);
  if (text &&
      (rc = span(o, text, strlen(text), 0, o->d->styles[s].style, false)))
    return rc;
  para_close(o, s);
  return 0;
}

static void rule_para(odt *o, office_style s, double width, double length) {
  double inset = (width - length) / 2;
  int n = auto_paragraph(o, s, inset > 0 ? inset : 0, inset > 0 ? inset : 0,
                         false, NULL);
  para_open(o, s, n);
  para_close(o, s);
}

static int spans(odt *o, const bc_span *sp, size_t n, unsigned base) {
  int rc;
  for (size_t i = 0; i < n; i++)
    if ((rc = span(o, sp[i].text, sp[i].len, sp[i].style, sp[i].style | base,
                   (sp[i].flags & BC_SPAN_LINEBREAK) != 0)))
      return rc;
  return 0;
}

/* A table's automatic styles: T<n> (width, margin, a master page for the
 * document's first one), T<n>.<k> per column. Returns n. */
static int table_styles(odt *o,
                        const double *widths,
                        size_t columns,
                        double indent,
                        double top,
                        const char *master) {
  bc_buf *b = &o->autos;
  int n = ++o->next_table;
  double total = 0;
  for (size_t k = 0; k < columns; k++)
    total += widths[k];
  bc_buf_printf(b, "<style:style style:name=\"T%d\" style:family=\"table\"",
                n);
  if (master)
    bc_buf_printf(b, " style:master-page-name=\"%s\"", master);
  bc_buf_puts(b, "><style:table-properties");
  length(b, "style:width", total);
  length(b, "fo:margin-left", indent);
  length(b, "fo:margin-top", top);
  bc_buf_puts(b, " table:align=\"left\" table:border-model=\"collapsing\"/>"
                 "</style:style>");
  for (size_t k = 0; k < columns; k++) {
    bc_buf_printf(b,
                  "<style:style style:name=\"T%d.%zu\" "
                  "style:family=\"table-column\"><style:table-column-properties",
                  n, k + 1);
    length(b, "style:column-width", widths[k]);
    bc_buf_puts(b, "/></style:style>");
  }
  return n;
}

static void table_open(odt *o, int n, size_t columns) {
  bc_buf_printf(o->b, "<table:table table:name=\"Bảng%d\" "
                      "table:style-name=\"T%d\">",
                n, n);
  for (size_t k = 0; k < columns; k++)
    bc_buf_printf(o->b,
                  "<table:table-column table:style-name=\"T%d.%zu\"/>", n,
                  k + 1);
}

/* The shared cell and row styles (content.xml). */
static void shared_styles(odt *o) {
  const bc_frame *f = o->d->frame;
  bc_buf *b = &o->autos;
  bc_buf_puts(b, "<style:style style:name=\"OLuoi\" style:family=\"table-cell\">"
                 "<style:table-cell-properties");
  length(b, "fo:padding-top", f->table_padding * 0.6);
  length(b, "fo:padding-bottom", f->table_padding * 0.6);
  length(b, "fo:padding-left", f->table_padding);
  length(b, "fo:padding-right", f->table_padding);
  bc_buf_puts(b, " fo:border=\"");
  bc_office__pt(b, f->table_rule);
  bc_buf_puts(b, " solid #000000\"/></style:style>"
                 "<style:style style:name=\"OTrong\" "
                 "style:family=\"table-cell\"><style:table-cell-properties "
                 "fo:padding=\"0pt\" fo:border=\"none\"/></style:style>"
                 "<style:style style:name=\"DongLien\" "
                 "style:family=\"table-row\"><style:table-row-properties "
                 "fo:keep-together=\"always\"/></style:style>");
}

/* A GFM table: the PDF's column widths, header rows repeated on every
 * page, no row split across pages, cells aligned as the PDF aligns them. */
static int table(odt *o, const bc_table *t, bool landscape) {
  office_draft *d = o->d;
  bc_buf *b = o->b;
  double *w = bc_arena_calloc(d->arena, t->columns, sizeof *w);
  int rc, n;
  if (!w)
    return bc_error_oom(d->err);
  if ((rc = bc_office__table_widths(w, d, t,
                                     bc_office__text_width(d, landscape))))
    return rc;
  n = table_styles(o, w, t->columns, 0, 0, NULL);
  table_open(o, n, t->columns);
  for (size_t r = 0; r < t->rows; r++) {
    bool head = r < t->header_rows;
    if (r == 0 && head)
      bc_buf_puts(b, "<table:table-header-rows>");
    bc_buf_puts(b, "<table:table-row table:style-name=\"DongLien\">");
    for (size_t k = 0; k < t->columns; k++) {
      const bc_cell *c = &t->cells[r * t->columns + k];
      bc_cell_align a = bc_layout_cell_align(t, r, k);
      office_style s = head                  ? PS_CELL_HEAD
                       : a == BC_CELL_CENTER ? PS_CELL_CENTER
                       : a == BC_CELL_RIGHT  ? PS_CELL_RIGHT
                                             : PS_CELL_LEFT;
      bc_buf_puts(b, "<table:table-cell table:style-name=\"OLuoi\" "
                     "office:value-type=\"string\">");
      para_open(o, s, 0);
      if ((rc = spans(o, c->spans, c->span_count, d->styles[s].style)))
        return rc;
      para_close(o, s);
      bc_buf_puts(b, "</table:table-cell>");
    }
    bc_buf_puts(b, "</table:table-row>");
    if (head && r + 1 == t->header_rows)
      bc_buf_puts(b, "</table:table-header-rows>");
  }
  bc_buf_puts(b, "</table:table>");
  return 0;
}

/* The blocks of the body or of a phụ lục: bulleted items grouped into
 * lists; the last paragraph keeps with the closing block when keep_last. */
static int blocks(odt *o,
                  const bc_block *bl,
                  size_t n,
                  bool landscape,
                  bool keep_last) {
  int rc, open_list = -1;
  for (size_t i = 0; i < n; i++) {
    const bc_block *blk = &bl[i];
    int bullet = bc_office__bullet(blk);
    if (open_list >= 0 && bullet != open_list) {
      bc_buf_puts(o->b, "</text:list>");
      open_list = -1;
    }
    if (blk->kind == BC_BLOCK_TABLE) {
      if ((rc = table(o, blk->table, landscape)))
        return rc;
      continue;
    }
    office_style s = blk->kind == BC_BLOCK_HEADING
                         ? bc_office__heading(blk->level)
                     : bullet >= 0 ? (office_style)bullet
                                   : PS_BODY;
    size_t skip = bullet >= 0 ? 1 : 0; /* the marker: the list draws it */
    if (bullet >= 0 && open_list < 0) {
      bc_buf_printf(o->b, "<text:list text:style-name=\"%s\">",
                    list_ids[bullet - PS_DASH]);
      open_list = bullet;
    }
    if (bullet >= 0)
      bc_buf_puts(o->b, "<text:list-item>");
    bool keep = keep_last && i + 1 == n && blk->kind == BC_BLOCK_PARAGRAPH;
    para_open(o, s, keep ? auto_paragraph(o, s, 0, 0, true, NULL) : 0);
    if ((rc = spans(o, blk->spans + skip, blk->span_count - skip,
                    o->d->styles[s].style)))
      return rc;
    para_close(o, s);
    if (bullet >= 0)
      bc_buf_puts(o->b, "</text:list-item>");
  }
  if (open_list >= 0)
    bc_buf_puts(o->b, "</text:list>");
  return 0;
}

static void cell_open(odt *o) {
  bc_buf_puts(o->b, "<table:table-cell table:style-name=\"OTrong\" "
                    "office:value-type=\"string\">");
}

static int header_block(odt *o) {
  office_draft *d = o->d;
  const bc_frame *f = d->frame;
  const bc_doc *doc = d->doc;
  bc_buf *b = o->b;
  double cols[2] = {f->header_left_width, f->header_right_width};
  int rc;
  /* The first table starts the first page: its master page has no
   * number. */
  int n = table_styles(o, cols, 2, d->header_indent, 0, MASTER_FIRST);
  table_open(o, n, 2);
  bc_buf_puts(b, "<table:table-row table:style-name=\"DongLien\">");
  cell_open(o);
  if (doc->parent_name && doc->parent_name[0] &&
      (rc = text_para(o, PS_PARENT, doc->parent_name, d->parent_inset,
                      d->parent_inset, NULL)))
    return rc;
  if ((rc = text_para(o, PS_AGENCY, doc->agency_name, d->agency_inset,
                      d->agency_inset, NULL)))
    return rc;
  rule_para(o, PS_RULE, cols[0], d->agency_rule);
  bc_buf_puts(b, "</table:table-cell>");
  cell_open(o);
  if ((rc = text_para(o, PS_NATIONAL, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0,
                      0, NULL)) ||
      (rc = text_para(o, PS_MOTTO, "Độc lập - Tự do - Hạnh phúc", 0, 0,
                      NULL)))
    return rc;
  rule_para(o, PS_RULE, cols[1], d->motto_rule);
  bc_buf_puts(b, "</table:table-cell></table:table-row>"
                 "<table:table-row table:style-name=\"DongLien\">");
  cell_open(o);
  if ((rc = text_para(o, PS_NUMBER, doc->number_line, 0, 0, NULL)))
    return rc;
  bc_buf_puts(b, "</table:table-cell>");
  cell_open(o);
  if ((rc = text_para(o, PS_DATE, doc->place_date, 0, 0, NULL)))
    return rc;
  bc_buf_puts(b, "</table:table-cell></table:table-row></table:table>");
  if ((rc = text_para(o, PS_TYPE, doc->doc_type, 0, 0, NULL)) ||
      (rc = text_para(o, PS_SUBJECT, doc->subject, d->subject_inset,
                      d->subject_inset, NULL)))
    return rc;
  rule_para(o, PS_TITLE_RULE, bc_office__text_width(d, false),
            d->subject_rule);
  return 0;
}

static int closing_block(odt *o) {
  office_draft *d = o->d;
  const bc_doc *doc = d->doc;
  bc_buf *b = o->b;
  double cols[2] = {d->frame->closing_left_width, d->closing_right_width};
  int rc;
  int n = table_styles(o, cols, 2, 0, d->frame->leading * 0.5, NULL);
  table_open(o, n, 2);
  bc_buf_puts(b, "<table:table-row table:style-name=\"DongLien\">");
  cell_open(o);
  if ((rc = text_para(o, PS_RECIPIENTS, "Nơi nhận:", 0, 0, NULL)))
    return rc;
  for (size_t i = 0; i < doc->recipient_count; i++)
    if ((rc = text_para(o, PS_RECIPIENT, doc->recipients[i], 0, 0, NULL)))
      return rc;
  bc_buf_puts(b, "</table:table-cell>");
  cell_open(o);
  for (size_t i = 0; i < doc->signer_line_count; i++)
    if ((rc = text_para(o, PS_CAPACITY, doc->signer_lines[i], 0, 0, NULL)))
      return rc;
  if ((rc = text_para(o, PS_SIGNER, doc->signer_name, 0, 0, NULL)))
    return rc;
  bc_buf_puts(b, "</table:table-cell></table:table-row></table:table>");
  return 0;
}

static int appendix(odt *o, const bc_appendix *a) {
  office_draft *d = o->d;
  const bc_frame *f = d->frame;
  double width = bc_office__text_width(d, a->landscape);
  double column = width * f->title_width, side = (width - column) / 2;
  double inset, widest;
  int rc;
  /* A new page sequence: its first page without the number, numbered
   * from 1 (PL I, III.1đ). */
  if ((rc = text_para(o, PS_APPENDIX, a->label, 0, 0,
                      a->landscape ? MASTER_LAND_FIRST : MASTER_FIRST)) ||
      (rc = bc_office__centred(&inset, &widest, d, a->title, BC_DOC_BOLD,
                               f->title_size, column)) ||
      (rc = text_para(o, PS_APPENDIX_TITLE, a->title, side + inset,
                      side + inset, NULL)) ||
      (rc = bc_office__centred(&inset, &widest, d, a->reference,
                               BC_DOC_ITALIC, f->title_size, column)) ||
      (rc = text_para(o, PS_APPENDIX_REF, a->reference, side + inset,
                      side + inset, NULL)))
    return rc;
  rule_para(o, PS_TITLE_RULE, width, widest * f->appendix_rule);
  return blocks(o, a->blocks, a->block_count, a->landscape, false);
}

static int content_xml(odt *o) {
  const bc_doc *doc = o->d->doc;
  bc_buf *b = &o->parts[P_CONTENT];
  int rc;
  o->b = &o->body;
  shared_styles(o);
  if ((rc = header_block(o)) ||
      (rc = blocks(o, doc->blocks, doc->block_count, false, true)) ||
      (rc = closing_block(o)))
    return rc;
  for (size_t i = 0; i < doc->appendix_count; i++)
    if ((rc = appendix(o, &doc->appendices[i])))
      return rc;
  bc_buf_puts(b, XML_DECL "<office:document-content" NAMESPACES ">" FONT_DECLS
                          "<office:automatic-styles>");
  bc_buf_put(b, o->autos.data, o->autos.len);
  bc_buf_puts(b, "</office:automatic-styles><office:body><office:text>");
  bc_buf_put(b, o->body.data, o->body.len);
  bc_buf_puts(b, "</office:text></office:body></office:document-content>");
  return 0;
}

/* ---- the other parts ---- */

static void element(bc_buf *b, const char *name, const char *text) {
  if (!text)
    return;
  bc_buf_printf(b, "<%s>", name);
  bc_office__xml(b, text, strlen(text));
  bc_buf_printf(b, "</%s>", name);
}

static void meta_xml(odt *o) {
  const bc_office_info *info = o->d->info;
  bc_buf *b = &o->parts[P_META];
  char date[32];
  bc_office__date(date, info->created);
  bc_buf_puts(b, XML_DECL
              "<office:document-meta xmlns:office=\"" NS_OFFICE "\" "
              "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
              "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
              "office:version=\"1.3\"><office:meta>");
  element(b, "meta:generator", info->generator);
  element(b, "dc:title", info->title);
  element(b, "dc:subject", info->subject);
  element(b, "meta:initial-creator", info->author);
  element(b, "dc:creator", info->author);
  bc_buf_printf(b,
                "<meta:creation-date>%s</meta:creation-date>"
                "<dc:date>%s</dc:date><dc:language>vi-VN</dc:language>",
                date, date);
  /* The data again as a custom property: LibreOffice keeps those when it
   * saves an edited draft, and drops files it does not know. */
  if (info->data) {
    bc_buf_puts(b, "<meta:user-defined meta:name=\"baocao-data.json\" "
                   "meta:value-type=\"string\">");
    bc_office__xml(b, (const char *)info->data, info->data_len);
    bc_buf_puts(b, "</meta:user-defined>");
  }
  bc_buf_puts(b, "</office:meta></office:document-meta>");
}

/* Every file but the mimetype and the manifest itself, with its type. */
static void manifest_xml(odt *o) {
  bc_buf *b = &o->parts[P_MANIFEST];
  bc_buf_puts(b, XML_DECL
              "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
              "opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
              "<manifest:file-entry manifest:full-path=\"/\" "
              "manifest:version=\"1.3\" manifest:media-type=\"" MIMETYPE "\"/>"
              "<manifest:file-entry manifest:full-path=\"content.xml\" "
              "manifest:media-type=\"text/xml\"/>"
              "<manifest:file-entry manifest:full-path=\"styles.xml\" "
              "manifest:media-type=\"text/xml\"/>"
              "<manifest:file-entry manifest:full-path=\"meta.xml\" "
              "manifest:media-type=\"text/xml\"/>");
  if (o->d->info->data)
    bc_buf_puts(b, "<manifest:file-entry manifest:full-path=\"baocao-data.json\" "
                   "manifest:media-type=\"application/json\"/>");
  bc_buf_puts(b, "</manifest:manifest>");
}

int bc_office__odt(const unsigned char **out, size_t *len, office_draft *d) {
  static const char *const names[P_COUNT] = {
      "mimetype", "META-INF/manifest.xml", "content.xml",
      "styles.xml", "meta.xml", "baocao-data.json"};
  odt o;
  office_part parts[P_COUNT];
  size_t n = 0;
  int rc;
  memset(&o, 0, sizeof o);
  o.d = d;
  for (int i = 0; i < P_COUNT; i++)
    bc_buf_init(&o.parts[i], d->arena->alloc);
  bc_buf_init(&o.autos, d->arena->alloc);
  bc_buf_init(&o.body, d->arena->alloc);
  if ((rc = content_xml(&o)))
    goto cleanup;
  /* ODF 1.3 part 2, 3.3: the mimetype first, stored, no extra field. */
  bc_buf_puts(&o.parts[P_MIMETYPE], MIMETYPE);
  manifest_xml(&o);
  styles_xml(&o);
  meta_xml(&o);
  if (d->info->data)
    bc_buf_put(&o.parts[P_DATA], d->info->data, d->info->data_len);
  if ((rc = bc_buf_check(&o.autos, d->err)) ||
      (rc = bc_buf_check(&o.body, d->err)))
    goto cleanup;
  for (int i = 0; i < P_COUNT; i++) {
    if ((rc = bc_buf_check(&o.parts[i], d->err)))
      goto cleanup;
    if (i == P_DATA && !d->info->data)
      continue;
    parts[n].name = names[i];
    parts[n].data = &o.parts[i];
    parts[n].store = i == P_MIMETYPE;
    n++;
  }
  rc = bc_office__zip(out, len, parts, n, d->info->created, d->arena, d->err);
cleanup:
  for (int i = 0; i < P_COUNT; i++)
    bc_buf_free(&o.parts[i]);
  bc_buf_free(&o.autos);
  bc_buf_free(&o.body);
  return rc;
}
