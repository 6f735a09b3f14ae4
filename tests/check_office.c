/* tests/check_office.c: the editable drafts: XML text escaping, the zip
 * package (entries, order, stored mimetype, dates in UTC whatever the time
 * zone), and a small document written as .docx and .odt, read back with
 * libzip: named styles, escaped text, ODF's spaces, the frame's figures,
 * the data part; characters the PDF refuses are refused here too. */
#include "common/arena.h"
#include "common/buf.h"
#include "layout/layout.h"
#include "markup/markup.h"
#include "office/office.h"
#include "office/office_int.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

static tu_fonts tf;

static void setup(void) {
  tu_fonts_open(&tf);
  bc_markup_init();
}

static void teardown(void) {
  tu_fonts_close(&tf);
}

/* ---- XML text ---- */

START_TEST(test_office_draft__xml_escapes) {
  bc_buf b;
  static const char in[] = "a&b<c>\"d\" \x01\r\tđ\xEF\xBF\xBE!";
  bc_buf_init(&b, bc_allocator_default());
  bc_office__xml(&b, in, sizeof in - 1);
  ck_assert_str_eq(bc_buf_cstr(&b),
                   "a&amp;b&lt;c&gt;&quot;d&quot; \tđ!");
  bc_buf_free(&b);
}
END_TEST

START_TEST(test_office_draft__dates_and_points) {
  char date[32];
  bc_buf b;
  bc_office__date(date, 1700000000);
  ck_assert_str_eq(date, "2023-11-14T22:13:20");
  bc_buf_init(&b, bc_allocator_default());
  bc_office__pt(&b, 36.0);
  bc_buf_putc(&b, ' ');
  bc_office__pt(&b, 14.95);
  bc_buf_putc(&b, ' ');
  bc_office__pt(&b, -22.6771);
  bc_buf_putc(&b, ' ');
  bc_office__pt(&b, -0.0001);
  ck_assert_str_eq(bc_buf_cstr(&b), "36pt 14.95pt -22.677pt 0pt");
  bc_buf_free(&b);
}
END_TEST

/* ---- the package ---- */

static const unsigned char *make_zip(size_t *len, bc_arena *arena) {
  bc_buf a, c;
  office_part parts[2];
  const unsigned char *out;
  bc_error err;
  bc_buf_init(&a, bc_allocator_default());
  bc_buf_init(&c, bc_allocator_default());
  bc_buf_puts(&a, "application/vnd.oasis.opendocument.text");
  for (int i = 0; i < 200; i++)
    bc_buf_puts(&c, "<p>Nội dung lặp lại</p>");
  parts[0] = (office_part){"mimetype", &a, true};
  parts[1] = (office_part){"content.xml", &c, false};
  ck_assert_int_eq(
      bc_office__zip(&out, len, parts, 2, 1700000000, arena, &err), 0);
  bc_buf_free(&a);
  bc_buf_free(&c);
  return out;
}

static unsigned u16(const unsigned char *p) {
  return p[0] | p[1] << 8;
}

START_TEST(test_office_package__zip_entries) {
  bc_arena arena;
  size_t len, len2;
  bc_arena_init(&arena, bc_allocator_default());
  const unsigned char *z = make_zip(&len, &arena);
  /* The first local header: the mimetype, stored, no extra field, dated
   * 2023-11-14 22:13:20 UTC in MS-DOS form. */
  ck_assert(!memcmp(z, "PK\x03\x04", 4));
  ck_assert_uint_eq(u16(z + 8), 0);  /* stored */
  ck_assert_uint_eq(u16(z + 26), 8); /* name length */
  ck_assert_uint_eq(u16(z + 28), 0); /* extra field length */
  ck_assert(!memcmp(z + 30, "mimetype", 8));
  ck_assert(!memcmp(z + 38, "application/vnd.oasis.opendocument.text", 39));
  ck_assert_uint_eq(u16(z + 10), (22u << 11) | (13u << 5) | 10u);
  ck_assert_uint_eq(u16(z + 12), (43u << 9) | (11u << 5) | 14u);
  /* The other entry deflated, and the same bytes in another time zone. */
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(z, len, 0, &ze);
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  ck_assert_ptr_nonnull(za);
  ck_assert_int_eq(zip_get_num_entries(za, 0), 2);
  zip_stat_t st;
  ck_assert_int_eq(zip_stat_index(za, 1, 0, &st), 0);
  ck_assert_str_eq(st.name, "content.xml");
  ck_assert_int_eq(st.comp_method, ZIP_CM_DEFLATE);
  ck_assert_uint_lt(st.comp_size, st.size / 10);
  zip_close(za);
  zip_error_fini(&ze);
  const char *tz = getenv("TZ");
  char *saved = tz ? strdup(tz) : NULL;
  setenv("TZ", "Asia/Ho_Chi_Minh", 1);
  tzset();
  const unsigned char *z2 = make_zip(&len2, &arena);
  if (saved) {
    setenv("TZ", saved, 1);
    free(saved);
  } else {
    unsetenv("TZ");
  }
  tzset();
  ck_assert_uint_eq(len, len2);
  ck_assert(!memcmp(z, z2, len));
  bc_arena_release(&arena);
}
END_TEST

/* ---- a small document ---- */

static const char body[] =
    "## I. KẾT QUẢ\n\n"
    "Đoạn có **đậm**, *nghiêng* và ***cả hai***; ký tự <&> \"giữ\".\n\n"
    "- Gạch đầu dòng một;\n- Gạch đầu dòng hai.\n\n"
    "| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | Hồ sơ | 1.234 |\n";

static int write_doc(const unsigned char **out,
                     size_t *len,
                     bc_office_kind kind,
                     const char *text,
                     bc_error *err) {
  bc_doc d;
  bc_block *blocks;
  size_t nb;
  bc_frame frame;
  static const char *const rec[] = {"- Sở Nội vụ;", "- Lưu: VT, VP."};
  static const char *const sig[] = {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"};
  static const unsigned char data[] = "{\"a\": \"<b>&\"}";
  bc_office_info info = {0};
  int rc;
  memset(&d, 0, sizeof d);
  if ((rc = bc_markup_parse(&blocks, &nb, text, strlen(text), &tf.arena, err)))
    return rc;
  d.parent_name = "UBND TỈNH THỬ";
  d.agency_name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  d.number_line = "Số:        /BC-STTTT";
  d.place_date = "Hà Nội, ngày 05 tháng 01 năm 2024";
  d.doc_type = "BÁO CÁO";
  d.subject = "Kết quả thực hiện công tác cải cách hành chính và dân chủ ở "
              "cơ sở năm 2024";
  d.blocks = blocks;
  d.block_count = nb;
  d.recipients = rec;
  d.recipient_count = 2;
  d.signer_lines = sig;
  d.signer_line_count = 2;
  d.signer_name = "Nguyễn Văn A";
  bc_frame_default(&frame);
  info.title = "Kết quả & thử";
  info.author = "Sở Thử";
  info.subject = "Kết quả & thử";
  info.generator = "baocao test";
  info.created = 1700000000;
  info.data = data;
  info.data_len = sizeof data - 1;
  const bc_office_setting set = {&frame, tf.fonts, tf.shaper};
  return bc_office_write(out, len, kind, &d, &set, &info, &tf.arena, err);
}

/* One file of a zip in memory, NUL-terminated (caller frees). */
static char *entry(const unsigned char *z, size_t len, const char *name) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(z, len, 0, &ze);
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  zip_stat_t st;
  ck_assert_ptr_nonnull(za);
  ck_assert_msg(zip_stat(za, name, 0, &st) == 0, "no %s", name);
  char *out = calloc(1, st.size + 1);
  zip_file_t *f = zip_fopen(za, name, 0);
  ck_assert_int_eq(zip_fread(f, out, st.size), (zip_int64_t)st.size);
  zip_fclose(f);
  zip_close(za);
  zip_error_fini(&ze);
  return out;
}

static void has(const char *hay, const char *needle) {
  ck_assert_msg(strstr(hay, needle), "missing: %s", needle);
}

START_TEST(test_office_docx__document) {
  const unsigned char *z, *z2;
  size_t len, len2;
  bc_error err;
  bc_error_clear(&err);
  ck_assert_msg(write_doc(&z, &len, BC_OFFICE_DOCX, body, &err) == 0, "%s",
                err.message);
  char *doc = entry(z, len, "word/document.xml");
  char *styles = entry(z, len, "word/styles.xml");
  char *data = entry(z, len, "customXml/item1.xml");
  char *core = entry(z, len, "docProps/core.xml");
  /* Named styles, spans in character styles, text escaped. */
  has(doc, "<w:pStyle w:val=\"TieuDe2\"/></w:pPr><w:r><w:t "
           "xml:space=\"preserve\">I. KẾT QUẢ</w:t>");
  has(doc, "<w:r><w:rPr><w:rStyle w:val=\"Dam\"/></w:rPr><w:t "
           "xml:space=\"preserve\">đậm</w:t></w:r>");
  has(doc, "<w:rStyle w:val=\"DamNghieng\"/>");
  has(doc, "ký tự &lt;&amp;&gt; &quot;giữ&quot;.");
  /* List items: the style draws the dash; the text starts after it. */
  has(doc, "<w:pStyle w:val=\"GachDauDong\"/></w:pPr><w:r><w:t "
           "xml:space=\"preserve\">Gạch đầu dòng một;</w:t>");
  ck_assert_ptr_null(strstr(doc, ">- Gạch"));
  /* The table: repeated header row, rows whole, STT centred, numbers
   * right. */
  has(doc, "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
  has(doc, "<w:pStyle w:val=\"BangGiua\"/></w:pPr><w:r><w:t "
           "xml:space=\"preserve\">1</w:t>");
  has(doc, "<w:pStyle w:val=\"BangPhai\"/></w:pPr><w:r><w:t "
           "xml:space=\"preserve\">1.234</w:t>");
  /* The frame: the header block hangs 8 mm into the margin, the number
   * keeps its blanks, the signature has its 30 mm. */
  has(doc, "<w:tblInd w:w=\"-454\" w:type=\"dxa\"/>");
  has(doc, ">Số:        /BC-STTTT<");
  has(styles, "<w:name w:val=\"Họ tên người ký\"/>");
  has(styles, "<w:spacing w:before=\"1701\"");
  has(styles, "w:ascii=\"Times New Roman\"");
  /* The sections: A4, the decree's margins, numbered from 1, first page
   * without its number. */
  has(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" "
           "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\"");
  has(doc, "<w:pgNumType w:start=\"1\"/><w:titlePg/>");
  /* The data and the dates. */
  has(data, ">{&quot;a&quot;: &quot;&lt;b&gt;&amp;&quot;}</baocao-data>");
  has(core, "<dc:title>Kết quả &amp; thử</dc:title>");
  has(core, ">2023-11-14T22:13:20Z</dcterms:created>");
  /* The same input, the same bytes. */
  ck_assert_int_eq(write_doc(&z2, &len2, BC_OFFICE_DOCX, body, &err), 0);
  ck_assert_uint_eq(len, len2);
  ck_assert(!memcmp(z, z2, len));
  free(doc);
  free(styles);
  free(data);
  free(core);
}
END_TEST

START_TEST(test_office_odt__document) {
  const unsigned char *z;
  size_t len;
  bc_error err;
  bc_error_clear(&err);
  ck_assert_msg(write_doc(&z, &len, BC_OFFICE_ODT,
                          "Hai  khoảng   trắng.\n\n- Một;\n- Hai.\n\n+ Ba.\n",
                          &err) == 0,
                "%s", err.message);
  char *content = entry(z, len, "content.xml");
  char *styles = entry(z, len, "styles.xml");
  char *manifest = entry(z, len, "META-INF/manifest.xml");
  char *data = entry(z, len, "baocao-data.json");
  /* ODF collapses spaces: the second and later ones are text:s, and the
   * blanks of the number line survive. */
  has(content, "Hai <text:s text:c=\"1\"/>khoảng <text:s text:c=\"2\"/>trắng.");
  has(content, "Số: <text:s text:c=\"7\"/>/BC-STTTT");
  /* Lists: consecutive items of one marker in one list. */
  has(content, "<text:list text:style-name=\"DSGach\"><text:list-item>"
               "<text:p text:style-name=\"GachDauDong\">Một;</text:p>"
               "</text:list-item><text:list-item>");
  has(content, "</text:list><text:list text:style-name=\"DSCong\">");
  /* The first page's master page has no number; the header table hangs
   * into the margin. */
  has(content, "style:master-page-name=\"TrangDau\"><style:table-properties "
               "style:width=\"496.063pt\" fo:margin-left=\"-22.677pt\"");
  has(styles, "<style:master-page style:name=\"TrangDau\" "
              "style:display-name=\"Trang đầu\" style:page-layout-name=\"Mdau\" "
              "style:next-style-name=\"Standard\"/>");
  has(styles, "<text:page-number text:select-page=\"current\">");
  has(styles, "style:display-name=\"Nội dung\" style:family=\"paragraph\"");
  has(styles, "fo:line-height=\"17pt\" fo:text-align=\"justify\"");
  has(manifest, "manifest:full-path=\"baocao-data.json\" "
                "manifest:media-type=\"application/json\"");
  ck_assert_str_eq(data, "{\"a\": \"<b>&\"}");
  free(content);
  free(styles);
  free(manifest);
  free(data);
}
END_TEST

/* What the PDF cannot draw, the draft refuses: the same error. */
START_TEST(test_office_draft__refuses_what_the_pdf_refuses) {
  const unsigned char *z;
  size_t len;
  bc_error err;
  for (int k = 0; k < 2; k++) {
    bc_error_clear(&err);
    ck_assert_int_eq(write_doc(&z, &len, (bc_office_kind)k,
                               "Biểu tượng \xF0\x9F\x98\x80 ở đây.\n", &err),
                     BC_EDATA);
    ck_assert_str_eq(err.message, "character U+1F600 in \"\xF0\x9F\x98\x80\" "
                                  "is not in font LiberationSerif");
    bc_error_clear(&err);
    ck_assert_int_eq(write_doc(&z, &len, (bc_office_kind)k,
                               "Chuông \x07 reo.\n", &err),
                     BC_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "is a control character"));
    /* A tab in body text is a space between words, as in the PDF; in a
     * centred heading (set as one line) it is refused, as in the PDF. */
    bc_error_clear(&err);
    ck_assert_int_eq(write_doc(&z, &len, (bc_office_kind)k,
                               "Một\thai ba.\n\n# Tiêu\tđề\n", &err),
                     BC_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "U+0009 in \"Tiêu<U+0009>đề\""));
    ck_assert_int_eq(
        write_doc(&z, &len, (bc_office_kind)k, "Một\thai ba.\n", &err), 0);
    char *body_xml = entry(z, len, k ? "content.xml" : "word/document.xml");
    has(body_xml, "Một hai ba.");
    free(body_xml);
  }
}
END_TEST

Suite *office_suite(void) {
  Suite *s = suite_create("office");
  TCase *tc = tcase_create("draft");
  tcase_add_test(tc, test_office_draft__xml_escapes);
  tcase_add_test(tc, test_office_draft__dates_and_points);
  suite_add_tcase(s, tc);
  tc = tcase_create("package");
  tcase_add_test(tc, test_office_package__zip_entries);
  suite_add_tcase(s, tc);
  tc = tcase_create("documents");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_office_docx__document);
  tcase_add_test(tc, test_office_odt__document);
  tcase_add_test(tc, test_office_draft__refuses_what_the_pdf_refuses);
  suite_add_tcase(s, tc);
  return s;
}
