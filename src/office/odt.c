/* office/odt.c: the report as an OpenDocument text (ODF 1.3, .odt): writes
 * what walk.c walks with named paragraph, text and list styles
 * (styles.xml); a first-page master page without the page number that
 * leads to one with it, and for each phụ lục the same pair (landscape
 * where the PDF's is) with numbering from 1; the report's data as a file
 * of the package, listed in the manifest, and as a custom property in
 * meta.xml (which survives an edit in LibreOffice). */
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
  bc_buf autos;   /* content.xml's automatic styles */
  bc_buf body;    /* content.xml's text */
  bc_buf *b;      /* = &body */
  int next_style; /* automatic paragraph styles P1, P2, ... */
  int next_table; /* tables T1, T2, ... */
  bool space;     /* the last character written was white space, or
                     nothing yet in the paragraph: spaces must be text:s */
  int list;       /* the open list's style, or -1 */
  bool header_rows;           /* inside table:table-header-rows */
  const char *cell_style;     /* of the current table's cells */
  const char *pending_master; /* the next paragraph starts this master */
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

/* ---- content.xml: the ops bc_office__walk calls ---- */

/* An automatic paragraph style: s with insets, keep-with-next, or the
 * start of a page sequence (a master page, numbering from 1). Returns its
 * number. */
static int auto_paragraph(odt *o,
                          office_style s,
                          double inset,
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
  if (inset != 0) {
    length(b, "fo:margin-left", st->left + inset);
    length(b, "fo:margin-right", st->right + inset);
  }
  if (keep_next)
    bc_buf_puts(b, " fo:keep-with-next=\"always\"");
  if (master)
    bc_buf_puts(b, " style:page-number=\"1\"");
  bc_buf_puts(b, "/></style:style>");
  return n;
}

/* Opens a paragraph (or heading) of style s, in an automatic style when
 * it is set in, kept with the next, or starts a page sequence (the next
 * paragraph after op_sequence); a list item inside a list. */
static void op_para_start(void *w, office_style s, double inset, bool keep) {
  odt *o = w;
  const office_pstyle *st = &o->d->styles[s];
  const char *master = o->pending_master;
  if (o->list >= 0)
    bc_buf_puts(o->b, "<text:list-item>");
  if (st->outline)
    bc_buf_printf(o->b, "<text:h text:outline-level=\"%d\" ", st->outline);
  else
    bc_buf_puts(o->b, "<text:p ");
  if (inset != 0 || keep || master)
    bc_buf_printf(o->b, "text:style-name=\"P%d\">",
                  auto_paragraph(o, s, inset, keep, master));
  else
    bc_buf_printf(o->b, "text:style-name=\"%s\">", st->id);
  o->pending_master = NULL;
  o->space = true;
}

static void op_para_end(void *w, office_style s) {
  odt *o = w;
  bc_buf_puts(o->b, o->d->styles[s].outline ? "</text:h>" : "</text:p>");
  if (o->list >= 0)
    bc_buf_puts(o->b, "</text:list-item>");
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

/* Text in a character style (0: none). */
static void op_run(void *w,
                   const char *text,
                   size_t len,
                   unsigned style,
                   bool break_before) {
  odt *o = w;
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
}

static void op_list(void *w, int style) {
  odt *o = w;
  if (style >= 0)
    bc_buf_printf(o->b, "<text:list text:style-name=\"%s\">",
                  list_ids[style - PS_DASH]);
  else
    bc_buf_puts(o->b, "</text:list>");
  o->list = style;
}

/* A table's automatic styles, T<n> (width, margin; the document's first
 * table starts its first page, the master page without the number) and
 * T<n>.<k> per column, then the table and its columns. Cells of a grid
 * table have borders and padding (OLuoi), of a frame block none
 * (OTrong). */
static int op_table(void *w,
                    const double *widths,
                    size_t n,
                    office_table how,
                    double indent,
                    double top) {
  odt *o = w;
  bc_buf *b = &o->autos;
  int t = ++o->next_table;
  double total = 0;
  for (size_t k = 0; k < n; k++)
    total += widths[k];
  bc_buf_printf(b, "<style:style style:name=\"T%d\" style:family=\"table\"",
                t);
  if (t == 1)
    bc_buf_puts(b, " style:master-page-name=\"" MASTER_FIRST "\"");
  bc_buf_puts(b, "><style:table-properties");
  length(b, "style:width", total);
  length(b, "fo:margin-left", indent);
  length(b, "fo:margin-top", top);
  bc_buf_puts(b, " table:align=\"left\" table:border-model=\"collapsing\"/>"
                 "</style:style>");
  for (size_t k = 0; k < n; k++) {
    bc_buf_printf(b,
                  "<style:style style:name=\"T%d.%zu\" "
                  "style:family=\"table-column\"><style:table-column-properties",
                  t, k + 1);
    length(b, "style:column-width", widths[k]);
    bc_buf_puts(b, "/></style:style>");
  }
  bc_buf_printf(o->b, "<table:table table:name=\"Bảng%d\" "
                      "table:style-name=\"T%d\">",
                t, t);
  for (size_t k = 0; k < n; k++)
    bc_buf_printf(o->b,
                  "<table:table-column table:style-name=\"T%d.%zu\"/>", t,
                  k + 1);
  o->cell_style = how == OFFICE_TABLE_GRID ? "OLuoi" : "OTrong";
  return 0;
}

/* Header rows go together in table:table-header-rows, which LibreOffice
 * repeats on every page; every row is kept whole (DongLien). */
static void op_row_start(void *w, bool header) {
  odt *o = w;
  if (header && !o->header_rows)
    bc_buf_puts(o->b, "<table:table-header-rows>");
  else if (!header && o->header_rows)
    bc_buf_puts(o->b, "</table:table-header-rows>");
  o->header_rows = header;
  bc_buf_puts(o->b, "<table:table-row table:style-name=\"DongLien\">");
}

static void op_row_end(void *w) {
  bc_buf_puts(((odt *)w)->b, "</table:table-row>");
}

static void op_cell_start(void *w, size_t column) {
  odt *o = w;
  (void)column;
  bc_buf_printf(o->b,
                "<table:table-cell table:style-name=\"%s\" "
                "office:value-type=\"string\">",
                o->cell_style);
}

static void op_cell_end(void *w) {
  bc_buf_puts(((odt *)w)->b, "</table:table-cell>");
}

static void op_table_end(void *w) {
  odt *o = w;
  if (o->header_rows)
    bc_buf_puts(o->b, "</table:table-header-rows>");
  o->header_rows = false;
  bc_buf_puts(o->b, "</table:table>");
}

/* A phụ lục's first paragraph starts a page sequence: its first page
 * without the number (PL I, III.1đ), numbered from 1. */
static void op_sequence(void *w,
                        bool landscape,
                        bool prev_landscape,
                        bool prev_first) {
  (void)prev_landscape;
  (void)prev_first;
  ((odt *)w)->pending_master = landscape ? MASTER_LAND_FIRST : MASTER_FIRST;
}

static void op_end(void *w, bool landscape, bool first) {
  (void)w;
  (void)landscape;
  (void)first;
}

static const office_ops odt_ops = {
    op_para_start, op_run,        op_para_end, op_list,
    op_table,      op_row_start,  op_row_end,  op_cell_start,
    op_cell_end,   op_table_end,  op_sequence, op_end,
};

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

static int content_xml(odt *o) {
  bc_buf *b = &o->parts[P_CONTENT];
  int rc;
  o->b = &o->body;
  o->list = -1;
  shared_styles(o);
  if ((rc = bc_office__walk(&odt_ops, o, o->d)))
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
