/* office/docx.c: the report as a Word document (Office Open XML,
 * WordprocessingML): writes what walk.c walks as paragraphs with named
 * styles and tables, one section for the report and one per phụ lục, the
 * page number in a header part shown from page 2, the report's data as a
 * custom XML part, and the package around them. Element order follows
 * the ECMA-376 schema, which Word enforces. */
#include "office/office_int.h"

#include "common/error.h"
#include "common/hash.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R                                                                   \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL NS_R "/"
#define XML_DECL                                                               \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_DATA "urn:baocao:data:1"

/* The package's parts, in the order the zip lists them. */
enum {
  P_TYPES,
  P_RELS,
  P_CORE,
  P_APP,
  P_DOCUMENT,
  P_DOC_RELS,
  P_STYLES,
  P_SETTINGS,
  P_NUMBERING,
  P_HEADER,
  P_HEADER_FIRST,
  P_DATA,
  P_DATA_PROPS,
  P_DATA_RELS,
  P_COUNT
};

static const char *const part_names[P_COUNT] = {
    "[Content_Types].xml",  "_rels/.rels",
    "docProps/core.xml",    "docProps/app.xml",
    "word/document.xml",    "word/_rels/document.xml.rels",
    "word/styles.xml",      "word/settings.xml",
    "word/numbering.xml",   "word/header1.xml",
    "word/header2.xml",     "customXml/item1.xml",
    "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"};

typedef struct docx {
  office_draft *d;
  bc_buf parts[P_COUNT];
  bc_buf *b;        /* word/document.xml */
  long *col_twips;  /* the current table's column widths */
} docx;

/* Points as twentieths of a point (twips), the unit of lengths. */
static void twips(bc_buf *b, double pt) {
  bc_buf_printf(b, "%ld", lround(pt * 20));
}

static void half_points(bc_buf *b, double pt) {
  bc_buf_printf(b, "%ld", lround(pt * 2));
}

/* ---- styles.xml ---- */

static void put_rpr(bc_buf *b, double size, unsigned style) {
  bc_buf_puts(b, "<w:rPr>");
  if (style & BC_DOC_BOLD)
    bc_buf_puts(b, "<w:b/><w:bCs/>");
  if (style & BC_DOC_ITALIC)
    bc_buf_puts(b, "<w:i/><w:iCs/>");
  bc_buf_puts(b, "<w:sz w:val=\"");
  half_points(b, size);
  bc_buf_puts(b, "\"/><w:szCs w:val=\"");
  half_points(b, size);
  bc_buf_puts(b, "\"/></w:rPr>");
}

static const char *const jc[] = {"left", "center", "right", "both"};

/* A style's paragraph properties, all of them. */
static void put_ppr(bc_buf *b, const office_pstyle *s, int num_id) {
  bc_buf_puts(b, "<w:pPr>");
  if (s->keep_next)
    bc_buf_puts(b, "<w:keepNext/>");
  bc_buf_puts(b, "<w:widowControl/>");
  if (num_id)
    bc_buf_printf(b, "<w:numPr><w:numId w:val=\"%d\"/></w:numPr>", num_id);
  if (s->rule)
    bc_buf_puts(b, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"5\" "
                   "w:space=\"0\" w:color=\"000000\"/></w:pBdr>");
  bc_buf_puts(b, "<w:spacing w:before=\"");
  twips(b, s->before);
  bc_buf_puts(b, "\" w:after=\"");
  twips(b, s->after);
  bc_buf_puts(b, "\" w:line=\"");
  twips(b, s->line);
  bc_buf_puts(b, "\" w:lineRule=\"exact\"/><w:ind w:left=\"");
  twips(b, s->left);
  bc_buf_puts(b, "\" w:right=\"");
  twips(b, s->right);
  bc_buf_puts(b, s->first < 0 ? "\" w:hanging=\"" : "\" w:firstLine=\"");
  twips(b, fabs(s->first));
  bc_buf_printf(b, "\"/><w:jc w:val=\"%s\"/>", jc[s->align]);
  if (s->outline)
    bc_buf_printf(b, "<w:outlineLvl w:val=\"%d\"/>", s->outline - 1);
  bc_buf_puts(b, "</w:pPr>");
}

/* The numbering instance of a list style: 1, 2, 3 for PS_DASH.. */
static int num_id(int style) {
  return style >= PS_DASH && style <= PS_DOT ? style - PS_DASH + 1 : 0;
}

static void borders(bc_buf *b, const char *val, int size) {
  static const char *const sides[] = {"top",    "left",    "bottom",
                                      "right",  "insideH", "insideV"};
  bc_buf_puts(b, "<w:tblBorders>");
  for (size_t i = 0; i < 6; i++)
    bc_buf_printf(b,
                  "<w:%s w:val=\"%s\" w:sz=\"%d\" w:space=\"0\" "
                  "w:color=\"000000\"/>",
                  sides[i], val, size);
  bc_buf_puts(b, "</w:tblBorders>");
}

static void cell_margins(bc_buf *b, double top, double side) {
  bc_buf_puts(b, "<w:tblCellMar><w:top w:w=\"");
  twips(b, top);
  bc_buf_puts(b, "\" w:type=\"dxa\"/><w:left w:w=\"");
  twips(b, side);
  bc_buf_puts(b, "\" w:type=\"dxa\"/><w:bottom w:w=\"");
  twips(b, top);
  bc_buf_puts(b, "\" w:type=\"dxa\"/><w:right w:w=\"");
  twips(b, side);
  bc_buf_puts(b, "\" w:type=\"dxa\"/></w:tblCellMar>");
}

static void styles_xml(docx *x) {
  bc_buf *b = &x->parts[P_STYLES];
  const office_draft *d = x->d;
  const bc_frame *f = d->frame;
  bc_buf_puts(b, XML_DECL "<w:styles xmlns:w=\"" NS_W "\">");
  /* Times New Roman, as the decree says: Word on Windows has it;
   * LibreOffice on Debian substitutes Liberation Serif, its metric twin. */
  bc_buf_puts(b,
              "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts "
              "w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
              "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
              "<w:sz w:val=\"");
  half_points(b, f->body_size);
  bc_buf_puts(b, "\"/><w:szCs w:val=\"");
  half_points(b, f->body_size);
  bc_buf_puts(b, "\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" "
                 "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault>"
                 "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
                 "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
                 "</w:docDefaults>");
  bc_buf_puts(b,
              "<w:style w:type=\"paragraph\" w:default=\"1\" "
              "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
              "<w:pPr><w:widowControl/></w:pPr></w:style>"
              "<w:style w:type=\"character\" w:default=\"1\" "
              "w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
              "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
              "<w:unhideWhenUsed/></w:style>"
              "<w:style w:type=\"table\" w:default=\"1\" "
              "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
              "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
              "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>");
  cell_margins(b, 0, 5.4);
  bc_buf_puts(b, "</w:tblPr></w:style>"
                 "<w:style w:type=\"numbering\" w:default=\"1\" "
                 "w:styleId=\"NoList\"><w:name w:val=\"No List\"/>"
                 "<w:uiPriority w:val=\"99\"/><w:semiHidden/>"
                 "<w:unhideWhenUsed/></w:style>");
  for (int i = 0; i < PS_COUNT; i++) {
    const office_pstyle *s = &d->styles[i];
    /* After a heading comes body text; other styles continue. */
    const char *next = i >= PS_H1 && i <= PS_H4 ? d->styles[PS_BODY].id : s->id;
    bc_buf_printf(b,
                  "<w:style w:type=\"paragraph\" w:customStyle=\"1\" "
                  "w:styleId=\"%s\"><w:name w:val=\"",
                  s->id);
    bc_office__xml(b, s->name, strlen(s->name));
    bc_buf_printf(b, "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"%s\"/>",
                  next);
    if (i <= PS_DOT)
      bc_buf_puts(b, "<w:qFormat/>");
    put_ppr(b, s, num_id(i));
    put_rpr(b, s->size, s->style);
    bc_buf_puts(b, "</w:style>");
  }
  for (int k = 1; k < 4; k++) {
    bc_buf_printf(b,
                  "<w:style w:type=\"character\" w:customStyle=\"1\" "
                  "w:styleId=\"%s\"><w:name w:val=\"",
                  bc_office__char_ids[k]);
    bc_office__xml(b, bc_office__char_names[k],
                   strlen(bc_office__char_names[k]));
    bc_buf_puts(b, "\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
                   "<w:qFormat/><w:rPr>");
    if (k & BC_DOC_BOLD)
      bc_buf_puts(b, "<w:b/><w:bCs/>");
    if (k & BC_DOC_ITALIC)
      bc_buf_puts(b, "<w:i/><w:iCs/>");
    bc_buf_puts(b, "</w:rPr></w:style>");
  }
  /* Tables: the full grid of official tables (table.c), and none for the
   * header and closing blocks. */
  bc_buf_puts(b, "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" OFFICE_GRID_ID
                 "\"><w:name w:val=\"" OFFICE_GRID_NAME
                 "\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr>");
  borders(b, "single", (int)lround(f->table_rule * 8));
  cell_margins(b, f->table_padding * 0.6, f->table_padding);
  bc_buf_puts(b, "</w:tblPr></w:style>"
                 "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" OFFICE_PLAIN_ID
                 "\"><w:name w:val=\"" OFFICE_PLAIN_NAME
                 "\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr>");
  borders(b, "nil", 0);
  cell_margins(b, 0, 0);
  bc_buf_puts(b, "</w:tblPr></w:style></w:styles>");
}

/* Lists: one bullet level per marker, the marker where the first line's
 * indent puts it and a space after it, as the PDF prints "- " typed. */
static void numbering_xml(docx *x) {
  bc_buf *b = &x->parts[P_NUMBERING];
  bc_buf_puts(b, XML_DECL "<w:numbering xmlns:w=\"" NS_W "\">");
  for (int i = PS_DASH; i <= PS_DOT; i++) {
    const office_pstyle *s = &x->d->styles[i];
    bc_buf_printf(b,
                  "<w:abstractNum w:abstractNumId=\"%d\">"
                  "<w:multiLevelType w:val=\"singleLevel\"/>"
                  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                  "<w:numFmt w:val=\"bullet\"/><w:pStyle w:val=\"%s\"/>"
                  "<w:suff w:val=\"space\"/><w:lvlText w:val=\"%s\"/>"
                  "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" "
                  "w:firstLine=\"",
                  num_id(i) - 1, s->id, s->bullet);
    twips(b, s->first);
    bc_buf_puts(b, "\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
                   "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
                   "</w:rPr></w:lvl></w:abstractNum>");
  }
  for (int i = PS_DASH; i <= PS_DOT; i++)
    bc_buf_printf(b,
                  "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/>"
                  "</w:num>",
                  num_id(i), num_id(i) - 1);
  bc_buf_puts(b, "</w:numbering>");
}

/* ---- document.xml: the ops bc_office__walk calls ---- */

/* A paragraph of style s, set in by inset from both sides of its column;
 * keep for the paragraph before the closing block. */
static void op_para_start(void *w, office_style s, double inset, bool keep) {
  docx *x = w;
  const office_pstyle *st = &x->d->styles[s];
  bc_buf_printf(x->b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", st->id);
  if (keep)
    bc_buf_puts(x->b, "<w:keepNext/>");
  if (inset != 0) {
    bc_buf_puts(x->b, "<w:ind w:left=\"");
    twips(x->b, st->left + inset);
    bc_buf_puts(x->b, "\" w:right=\"");
    twips(x->b, st->right + inset);
    bc_buf_puts(x->b, "\"/>");
  }
  bc_buf_puts(x->b, "</w:pPr>");
}

/* A run in a character style (0: none); line feeds become breaks. */
static void op_run(void *w,
                   const char *text,
                   size_t len,
                   unsigned style,
                   bool break_before) {
  bc_buf *b = ((docx *)w)->b;
  bc_buf_puts(b, "<w:r>");
  if (style & 3u)
    bc_buf_printf(b, "<w:rPr><w:rStyle w:val=\"%s\"/></w:rPr>",
                  bc_office__char_ids[style & 3u]);
  if (break_before)
    bc_buf_puts(b, "<w:br/>");
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && text[j] != '\n')
      j++;
    if (j > i) {
      bc_buf_puts(b, "<w:t xml:space=\"preserve\">");
      bc_office__xml(b, text + i, j - i);
      bc_buf_puts(b, "</w:t>");
    }
    if (j < len)
      bc_buf_puts(b, "<w:br/>");
    i = j + 1;
  }
  bc_buf_puts(b, "</w:r>");
}

static void op_para_end(void *w, office_style s) {
  (void)s;
  bc_buf_puts(((docx *)w)->b, "</w:p>");
}

/* Lists are the list styles' numbering: nothing to open or close. */
static void op_list(void *w, int style) {
  (void)w;
  (void)style;
}

/* Column widths in twips that add up to the table's width exactly. */
static int op_table(void *w,
                    const double *widths,
                    size_t n,
                    office_table how,
                    double indent,
                    double top) {
  docx *x = w;
  bc_buf *b = x->b;
  double total = 0;
  long sum = 0;
  if (!(x->col_twips = bc_arena_calloc(x->d->arena, n, sizeof *x->col_twips)))
    return bc_error_oom(x->d->err);
  for (size_t k = 0; k < n; k++) {
    total += widths[k];
    x->col_twips[k] = lround(total * 20) - sum;
    sum += x->col_twips[k];
  }
  bc_buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"%s\"/><w:tblW w:w=\"",
                how == OFFICE_TABLE_GRID ? OFFICE_GRID_ID : OFFICE_PLAIN_ID);
  twips(b, total);
  bc_buf_puts(b, "\" w:type=\"dxa\"/><w:tblInd w:w=\"");
  twips(b, indent);
  bc_buf_puts(b, "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>");
  if (top > 0)
    cell_margins(b, top, 0);
  bc_buf_puts(b, "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
                 "w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                 "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
  for (size_t k = 0; k < n; k++)
    bc_buf_printf(b, "<w:gridCol w:w=\"%ld\"/>", x->col_twips[k]);
  bc_buf_puts(b, "</w:tblGrid>");
  return 0;
}

/* Rows never split across pages; header rows repeat on every page. */
static void op_row_start(void *w, bool header) {
  docx *x = w;
  bc_buf_printf(x->b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
                header ? "<w:tblHeader/>" : "");
}

static void op_row_end(void *w) {
  bc_buf_puts(((docx *)w)->b, "</w:tr>");
}

static void op_cell_start(void *w, size_t column) {
  docx *x = w;
  bc_buf_printf(x->b,
                "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>"
                "</w:tcPr>",
                x->col_twips[column]);
}

static void op_cell_end(void *w) {
  bc_buf_puts(((docx *)w)->b, "</w:tc>");
}

static void op_table_end(void *w) {
  bc_buf_puts(((docx *)w)->b, "</w:tbl>");
}

/* A section's properties: A4 portrait or landscape with the decree's
 * margins (the same four numbers on a landscape page, as the PDF), the
 * header 7 mm from the top edge, numbering from 1, the first page
 * without its number. Later sections use the first one's headers. */
static void sect_pr(docx *x, bool landscape, bool first) {
  const bc_frame *f = x->d->frame;
  bc_buf *b = x->b;
  double w = landscape ? f->page_height : f->page_width;
  double h = landscape ? f->page_width : f->page_height;
  bc_buf_puts(b, "<w:sectPr>");
  if (first)
    bc_buf_puts(b, "<w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
                   "<w:headerReference w:type=\"first\" r:id=\"rId5\"/>");
  bc_buf_puts(b, "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"");
  twips(b, w);
  bc_buf_puts(b, "\" w:h=\"");
  twips(b, h);
  bc_buf_printf(b, "\"%s/><w:pgMar w:top=\"",
                landscape ? " w:orient=\"landscape\"" : "");
  twips(b, f->margin_top);
  bc_buf_puts(b, "\" w:right=\"");
  twips(b, f->margin_right);
  bc_buf_puts(b, "\" w:bottom=\"");
  twips(b, f->margin_bottom);
  bc_buf_puts(b, "\" w:left=\"");
  twips(b, f->margin_left);
  /* The number's baseline where the PDF puts it, 0.6 of the top margin. */
  bc_buf_puts(b, "\" w:header=\"");
  twips(b, f->margin_top * 0.6 - f->page_number_size);
  bc_buf_puts(b, "\" w:footer=\"");
  twips(b, f->margin_bottom / 2);
  bc_buf_puts(b, "\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/>"
                 "<w:titlePg/></w:sectPr>");
}

/* The empty paragraph that ends a section; a section's properties go in
 * its last paragraph (the body's last section has them at the end of the
 * body instead). */
static void section_end(docx *x, bool landscape, bool first, bool props) {
  bc_buf_printf(x->b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>",
                x->d->styles[PS_SECTION_END].id);
  if (props)
    sect_pr(x, landscape, first);
  bc_buf_puts(x->b, "</w:pPr></w:p>");
}

static void op_sequence(void *w,
                        bool landscape,
                        bool prev_landscape,
                        bool prev_first) {
  (void)landscape; /* said by the section's own properties, at its end */
  section_end(w, prev_landscape, prev_first, true);
}

static void op_end(void *w, bool landscape, bool first) {
  docx *x = w;
  section_end(x, false, false, false);
  sect_pr(x, landscape, first);
}

static const office_ops docx_ops = {
    op_para_start, op_run,        op_para_end, op_list,
    op_table,      op_row_start,  op_row_end,  op_cell_start,
    op_cell_end,   op_table_end,  op_sequence, op_end,
};

static int document_xml(docx *x) {
  int rc;
  x->b = &x->parts[P_DOCUMENT];
  bc_buf_puts(x->b, XML_DECL "<w:document xmlns:w=\"" NS_W
                             "\" xmlns:r=\"" NS_R "\"><w:body>");
  if ((rc = bc_office__walk(&docx_ops, x, x->d)))
    return rc;
  bc_buf_puts(x->b, "</w:body></w:document>");
  return 0;
}

/* ---- the other parts ---- */

static void header_xml(bc_buf *b, const char *style_id, bool number) {
  bc_buf_printf(b,
                XML_DECL "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R
                         "\"><w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
                style_id);
  if (number)
    bc_buf_puts(b, "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>2</w:t></w:r>"
                   "</w:fldSimple>");
  bc_buf_puts(b, "</w:p></w:hdr>");
}

static void element(bc_buf *b, const char *name, const char *text) {
  bc_buf_printf(b, "<%s>", name);
  if (text)
    bc_office__xml(b, text, strlen(text));
  bc_buf_printf(b, "</%s>", name);
}

static void core_xml(bc_buf *b, const bc_office_info *info) {
  char date[32];
  bc_office__date(date, info->created);
  bc_buf_puts(
      b, XML_DECL
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
      "package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
  element(b, "dc:title", info->title);
  element(b, "dc:subject", info->subject);
  element(b, "dc:creator", info->author);
  element(b, "cp:lastModifiedBy", info->author);
  bc_buf_puts(b, "<dc:language>vi-VN</dc:language>");
  bc_buf_printf(b,
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%sZ"
                "</dcterms:created><dcterms:modified "
                "xsi:type=\"dcterms:W3CDTF\">%sZ</dcterms:modified>"
                "</cp:coreProperties>",
                date, date);
}

/* A GUID for the custom XML part, from its data (no randomness). */
static void data_guid(char out[39], const unsigned char *data, size_t len) {
  uint32_t h[4];
  for (uint32_t k = 0; k < 4; k++) {
    uint32_t seed = BC_FNV1A_INIT ^ (k * 0x9E3779B9u);
    h[k] = bc_fnv1a(seed, data, len);
  }
  snprintf(out, 39, "{%08X-%04X-%04X-%04X-%04X%08X}", h[0], h[1] >> 16,
           (h[1] & 0x0FFF) | 0x4000, (h[2] >> 16 & 0x3FFF) | 0x8000,
           h[2] & 0xFFFF, h[3]);
}

static void data_parts(docx *x) {
  const bc_office_info *info = x->d->info;
  char guid[39];
  bc_buf *b = &x->parts[P_DATA];
  data_guid(guid, info->data, info->data_len);
  /* The JSON as the text of one element: baocao-data.json exactly, once
   * the XML is read. */
  bc_buf_puts(b, XML_DECL "<baocao-data xmlns=\"" NS_DATA
                          "\" file=\"baocao-data.json\" "
                          "media-type=\"application/json\">");
  bc_office__xml(b, (const char *)info->data, info->data_len);
  bc_buf_puts(b, "</baocao-data>");
  bc_buf_printf(
      &x->parts[P_DATA_PROPS],
      XML_DECL "<ds:datastoreItem ds:itemID=\"%s\" "
               "xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/"
               "2006/customXml\"><ds:schemaRefs><ds:schemaRef "
               "ds:uri=\"" NS_DATA "\"/></ds:schemaRefs></ds:datastoreItem>",
      guid);
  bc_buf_puts(&x->parts[P_DATA_RELS],
              XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats."
                       "org/package/2006/relationships\"><Relationship "
                       "Id=\"rId1\" Type=\"" REL "customXmlProps\" "
                       "Target=\"itemProps1.xml\"/></Relationships>");
}

static void package_parts(docx *x) {
  const bc_office_info *info = x->d->info;
  bool data = info->data != NULL;
  bc_buf *b = &x->parts[P_TYPES];
  bc_buf_puts(
      b, XML_DECL
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\"><Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+"
      "xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/settings.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.settings+xml\"/>"
      "<Override PartName=\"/word/numbering.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.numbering+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/word/header2.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument."
      "wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-"
      "properties+xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.extended-"
      "properties+xml\"/>");
  if (data)
    bc_buf_puts(b, "<Override PartName=\"/customXml/itemProps1.xml\" "
                   "ContentType=\"application/vnd.openxmlformats-"
                   "officedocument.customXmlProperties+xml\"/>");
  bc_buf_puts(b, "</Types>");

  bc_buf_puts(
      &x->parts[P_RELS],
      XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
               "package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"" REL "officeDocument\" "
               "Target=\"word/document.xml\"/>"
               "<Relationship Id=\"rId2\" "
               "Type=\"http://schemas.openxmlformats.org/package/2006/"
               "relationships/metadata/core-properties\" "
               "Target=\"docProps/core.xml\"/>"
               "<Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" "
               "Target=\"docProps/app.xml\"/></Relationships>");
  b = &x->parts[P_DOC_RELS];
  bc_buf_puts(
      b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
                  "package/2006/relationships\">"
                  "<Relationship Id=\"rId1\" Type=\"" REL "styles\" "
                  "Target=\"styles.xml\"/>"
                  "<Relationship Id=\"rId2\" Type=\"" REL "settings\" "
                  "Target=\"settings.xml\"/>"
                  "<Relationship Id=\"rId3\" Type=\"" REL "numbering\" "
                  "Target=\"numbering.xml\"/>"
                  "<Relationship Id=\"rId4\" Type=\"" REL "header\" "
                  "Target=\"header1.xml\"/>"
                  "<Relationship Id=\"rId5\" Type=\"" REL "header\" "
                  "Target=\"header2.xml\"/>");
  if (data)
    bc_buf_puts(b, "<Relationship Id=\"rId6\" Type=\"" REL "customXml\" "
                   "Target=\"../customXml/item1.xml\"/>");
  bc_buf_puts(b, "</Relationships>");

  core_xml(&x->parts[P_CORE], info);
  b = &x->parts[P_APP];
  bc_buf_puts(b, XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats."
                          "org/officeDocument/2006/extended-properties\">");
  element(b, "Application", info->generator);
  bc_buf_puts(b, "</Properties>");
  bc_buf_puts(&x->parts[P_SETTINGS],
              XML_DECL "<w:settings xmlns:w=\"" NS_W "\">"
                       "<w:defaultTabStop w:val=\"720\"/>"
                       "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
                       "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                       "w:uri=\"http://schemas.microsoft.com/office/word\" "
                       "w:val=\"15\"/></w:compat></w:settings>");
  header_xml(&x->parts[P_HEADER], x->d->styles[PS_PAGE_NUMBER].id, true);
  header_xml(&x->parts[P_HEADER_FIRST], x->d->styles[PS_PAGE_NUMBER].id,
             false);
  if (data)
    data_parts(x);
}

int bc_office__docx(const unsigned char **out, size_t *len, office_draft *d) {
  docx x;
  office_part parts[P_COUNT];
  size_t n = 0;
  int rc;
  memset(&x, 0, sizeof x);
  x.d = d;
  for (int i = 0; i < P_COUNT; i++)
    bc_buf_init(&x.parts[i], d->arena->alloc);
  if ((rc = document_xml(&x)))
    goto cleanup;
  styles_xml(&x);
  numbering_xml(&x);
  package_parts(&x);
  for (int i = 0; i < P_COUNT; i++) {
    if ((rc = bc_buf_check(&x.parts[i], d->err)))
      goto cleanup;
    if (i >= P_DATA && !d->info->data)
      continue;
    parts[n].name = part_names[i];
    parts[n].data = &x.parts[i];
    parts[n].store = false;
    n++;
  }
  rc = bc_office__zip(out, len, parts, n, d->info->created, d->arena, d->err);
cleanup:
  for (int i = 0; i < P_COUNT; i++)
    bc_buf_free(&x.parts[i]);
  return rc;
}
