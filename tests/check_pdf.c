/* tests/check_pdf.c: the PDF writer judged by independent readers: text
 * extracted by poppler equals the text laid out (ToUnicode), fonts are
 * embedded subsets, qpdf finds no error, and output is deterministic. */
#include "common/arena.h"
#include "common/file.h"
#include "layout/layout.h"
#include "markup/markup.h"
#include "pdf/pdf.h"
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tu_fonts tf;

static void setup(void) {
  tu_fonts_open(&tf);
  bc_markup_init();
}

static void teardown(void) {
  tu_fonts_close(&tf);
}

static const char body[] =
    "Tiếng Việt đủ dấu: ă â đ ê ô ơ ư; Ă Â Đ Ê Ô Ơ Ư; à á ả ã ạ ằ ắ ẳ ẵ ặ "
    "ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ề ế ể ễ ệ ì í ỉ ĩ ị ò ó ỏ õ ọ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ù "
    "ú ủ ũ ụ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ. *Nghiêng: Ưu tiên đơn vị* **Đậm: "
    "Cổng dịch vụ công** ***Đậm nghiêng: Ưởng Ợ Ữ*** AV To fi fl.\n";

/* Lays out text (the body when NULL), writes the PDF to path (plain:
 * --pdf-standard none); returns its size, and the pages in *pages_out when
 * not NULL. */
static size_t write_pdf_of(const char *path,
                           long created,
                           const char *text,
                           bool plain,
                           bc_pages *pages_out) {
  bc_doc d;
  bc_block *blocks;
  size_t nb, len;
  bc_pages pages;
  bc_frame frame;
  const unsigned char *pdf;
  bc_error err;
  static const char *const rec[] = {"- Lưu: VT."};
  static const char *const sig[] = {"GIÁM ĐỐC"};
  bc_error_clear(&err);
  memset(&d, 0, sizeof d);
  if (!text)
    text = body;
  ck_assert_int_eq(
      bc_markup_parse(&blocks, &nb, text, strlen(text), &tf.arena, &err), 0);
  d.agency_name = "SỞ THỬ";
  d.number_line = "Số: 05/BC-ST";
  d.place_date = "Hà Nội, ngày 05 tháng 01 năm 2024";
  d.doc_type = "BÁO CÁO";
  d.subject = "Thử chữ";
  d.blocks = blocks;
  d.block_count = nb;
  d.recipients = rec;
  d.recipient_count = 1;
  d.signer_lines = sig;
  d.signer_line_count = 1;
  d.signer_name = "Nguyễn Văn A";
  bc_frame_default(&frame);
  ck_assert_int_eq(bc_layout_document(&pages, &d, &frame, tf.fonts, tf.shaper,
                                      &tf.arena, &err),
                   0);
  static const char data[] = "{\"số\": 1}\n";
  bc_pdf_info info = {0};
  info.title = "Thử chữ";
  info.author = "Sở Thử";
  info.subject = "Báo cáo thử";
  info.created = created;
  info.compress = true;
  info.attachment = (const unsigned char *)data;
  info.attachment_len = sizeof data - 1;
  info.attachment_name = "data.json";
  info.attachment_mime = "application/json";
  info.attachment_description = "Số liệu";
  info.plain = plain;
  ck_assert_int_eq(
      bc_pdf_write(&pdf, &len, &pages, tf.fonts, &info, &tf.arena, &err), 0);
  ck_assert_int_eq(bc_file_write_atomic(path, pdf, len, NULL, &err), 0);
  if (pages_out)
    *pages_out = pages;
  return len;
}

static size_t write_pdf(const char *path, long created) {
  return write_pdf_of(path, created, NULL, false, NULL);
}

START_TEST(test_pdf_pdf__text_fonts_structure) {
  char path[512], cmd[3000], *out;
  snprintf(path, sizeof path, "%s/pdf-test.pdf", tu_tmpdir());
  size_t size = write_pdf(path, 1700000000);
  ck_assert_uint_lt(size, 60000);

  /* The extracted text equals the laid-out text, diacritics and all. */
  snprintf(cmd, sizeof cmd, "pdftotext -raw '%s' - 2>&1 | tr -s ' \\n' '  '",
           path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_msg(
      strstr(out, "Tiếng Việt đủ dấu: ă â đ ê ô ơ ư; Ă Â Đ Ê Ô Ơ Ư; à á "
                  "ả ã ạ ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ề ế ể ễ ệ ì í ỉ ĩ ị "
                  "ò ó ỏ õ ọ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ừ ứ ử ữ ự ỳ ý ỷ "
                  "ỹ ỵ. Nghiêng: Ưu tiên đơn vị Đậm: Cổng dịch vụ công "
                  "Đậm nghiêng: Ưởng Ợ Ữ AV To fi fl."),
      "text was: %s", out);
  ck_assert_ptr_nonnull(strstr(out, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  ck_assert_ptr_nonnull(strstr(out, "Hà Nội, ngày 05 tháng 01 năm 2024"));
  free(out);

  /* Four embedded subsets with ToUnicode, and nothing else. */
  snprintf(
      cmd, sizeof cmd,
      "pdffonts '%s' 2>&1 | tail -n +3 | awk '{print $1, $(NF-4), $(NF-3), "
      "$(NF-2)}' | sed 's/^[A-Z]*+//' | sort",
      path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, "LiberationSerif yes yes yes\n"
                        "LiberationSerif-Bold yes yes yes\n"
                        "LiberationSerif-BoldItalic yes yes yes\n"
                        "LiberationSerif-Italic yes yes yes\n");
  free(out);

  snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_ptr_nonnull(
      strstr(out, "No syntax or stream encoding errors found"));
  free(out);

  /* The attachment: listed with its description, its bytes back whole. */
  snprintf(cmd, sizeof cmd,
           "pdfdetach -list '%s' && pdfdetach -save 1 -o '%s.json' '%s' && "
           "cat '%s.json'",
           path, path, path, path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, "1 embedded files\n1: data.json\n{\"số\": 1}\n");
  free(out);

  /* Poppler reads every part without a warning. */
  snprintf(cmd, sizeof cmd,
           "{ pdftotext '%s' /dev/null; pdffonts '%s' >/dev/null; "
           "pdftoppm -r 30 '%s' >/dev/null; } 2>&1",
           path, path, path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, "");
  free(out);

  snprintf(cmd, sizeof cmd,
           "pdfinfo '%s' | grep -E '^(Title|Author|Subject|Creator):'", path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, "Title:           Thử chữ\n"
                        "Subject:         Báo cáo thử\n"
                        "Author:          Sở Thử\n"
                        "Creator:         baocao\n");
  free(out);
}
END_TEST

START_TEST(test_pdf_pdf__same_input_same_bytes) {
  char a[512], b[512], cmd[1200];
  snprintf(a, sizeof a, "%s/same-a.pdf", tu_tmpdir());
  snprintf(b, sizeof b, "%s/same-b.pdf", tu_tmpdir());
  write_pdf(a, 1700000000);
  write_pdf(b, 1700000000);
  snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", a, b);
  ck_assert_int_eq(tu_run(NULL, cmd), 0);
  write_pdf(b, 1700000001);
  ck_assert_int_ne(tu_run(NULL, cmd), 0); /* the date is in the file */
}
END_TEST

/* The default is PDF/A-3b and tagged; plain is neither; both are 1.7 and
 * have an /ID. */
START_TEST(test_pdf_pdf__archival_by_default_plain_on_request) {
  char a[512], b[512], cmd[1400], *out;
  snprintf(a, sizeof a, "%s/archival.pdf", tu_tmpdir());
  snprintf(b, sizeof b, "%s/plain.pdf", tu_tmpdir());
  write_pdf_of(a, 1700000000, NULL, false, NULL);
  write_pdf_of(b, 1700000000, NULL, true, NULL);
  snprintf(cmd, sizeof cmd,
           "for f in '%s' '%s'; do head -c 8 \"$f\"; echo; pdfinfo \"$f\" | "
           "grep -E '^(Tagged|Metadata Stream|PDF version):' | tr -s ' '; "
           "qpdf --show-object=trailer \"$f\" | grep -o '/ID \\[ <[0-9a-f]*>' "
           "| wc -l; done",
           a, b);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, "%PDF-1.7\nMetadata Stream: yes\nTagged: yes\n"
                        "PDF version: 1.7\n1\n"
                        "%PDF-1.7\nMetadata Stream: no\nTagged: no\n"
                        "PDF version: 1.7\n1\n");
  free(out);
  /* The tags hold the text, in order, and the XMP says PDF/A-3b. */
  snprintf(cmd, sizeof cmd,
           "pdfinfo -struct-text '%s' 2>&1 | grep -c -e '^Document' "
           "-e '^  H1' -e 'Tiếng Việt đủ dấu' -e 'Nguyễn Văn A' -e Form; "
           "pdfinfo -meta '%s' | grep -o -e '<pdfaid:part>3' "
           "-e '<pdfaid:conformance>B'",
           a, a);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, "6\n<pdfaid:part>3\n<pdfaid:conformance>B\n");
  free(out);
}
END_TEST

/*
 * Font expansion (Tz) and tracking (Tc): poppler puts every word of a
 * justified line where the layout put it, to 0,02 pt, and reads the words
 * back as they were typed.
 */
START_TEST(test_pdf_pdf__expanded_lines_where_layout_puts_them) {
  static char text[20000];
  char path[512], cmd[1200], *out;
  bc_pages pages;
  size_t n = 0, words = 0, scaled = 0;
  for (int i = 0; i < 12; i++)
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "Đoạn %d: thực hiện Kế hoạch số 97/KH-UBND ngày "
                          "30/12/2022 của UBND tỉnh về cải cách hành chính, "
                          "Sở đã ban hành %d văn bản chỉ đạo, điều hành và "
                          "kiểm tra việc thực hiện.\n\n",
                          i + 1, 3 * i + 4);
  snprintf(path, sizeof path, "%s/pdf-expanded.pdf", tu_tmpdir());
  write_pdf_of(path, 1700000000, text, false, &pages);
  snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 -bbox '%s' - 2>&1", path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  const bc_page *pg = &pages.pages[0];
  for (size_t r = 0; r < pg->run_count; r++) {
    const bc_run *run = &pg->runs[r];
    double x = run->x_pt;
    size_t i = 0;
    if (run->size_pt != 14)
      continue;
    scaled += run->expansion != 0 || run->tracking_pt != 0;
    while (i < run->count) {
      char word[256];
      size_t wn = 0;
      double start = x;
      for (; i < run->count && run->glyphs[i].text_len == 1 &&
             run->glyphs[i].text[0] == ' ';
           i++)
        start = x += run->glyphs[i].advance_pt;
      for (; i < run->count && !(run->glyphs[i].text_len == 1 &&
                                 run->glyphs[i].text[0] == ' ');
           i++) {
        if (wn + run->glyphs[i].text_len < sizeof word) {
          memcpy(word + wn, run->glyphs[i].text, run->glyphs[i].text_len);
          wn += run->glyphs[i].text_len;
        }
        x += run->glyphs[i].advance_pt;
      }
      word[wn] = '\0';
      if (!wn || strchr(word, '<') || strchr(word, '&'))
        continue;
      /* <word xMin="85.039..." yMin=... >Đoạn</word>, with y from the top */
      char key[400];
      const char *at = out;
      bool found = false;
      snprintf(key, sizeof key, ">%s</word>", word);
      while (!found && (at = strstr(at, key))) {
        const char *w = at;
        while (w > out && strncmp(w, "<word", 5) != 0)
          w--;
        double x0, y0;
        ck_assert_int_eq(sscanf(w, "<word xMin=\"%lf\" yMin=\"%lf\"", &x0, &y0),
                         2);
        double base = pg->height_pt - run->y_pt;
        if (y0 < base && y0 > base - run->size_pt)
          found = fabs(x0 - start) < 0.02;
        at += strlen(key);
      }
      ck_assert_msg(found, "'%s' not at x=%.3f on the line at y=%.2f", word,
                    start, run->y_pt);
      words++;
    }
  }
  ck_assert_uint_gt(words, 300);
  ck_assert_uint_gt(scaled, 10);
  free(out);
  snprintf(cmd, sizeof cmd, "pdftotext '%s' - | tr -s ' \\n' '  '", path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_ptr_nonnull(strstr(out, "Đoạn 3: thực hiện Kế hoạch số 97/KH-UBND "
                                    "ngày 30/12/2022 của UBND tỉnh về cải cách "
                                    "hành chính, Sở đã ban hành 10 văn bản"));
  free(out);
}
END_TEST

/* A compact font (the document's): the subset's glyphs renumbered, codes
 * of one byte = CIDs = the subset's glyph IDs but for the space, which is
 * code and CID 32 (so that Tw applies to it), and the glyph 32 of the
 * subset, which takes the space's; the W runs by CID, the ToUnicode by
 * code, the CIDToGIDMap swapping the two. */
START_TEST(test_pdf_fontobj__compact_one_byte_codes) {
  bc_glyph_set set;
  bc_pdf_font f;
  bc_error err;
  size_t len;
  unsigned char map[512];
  ck_assert_int_eq(
      bc_glyph_set_init(&set, tf.fonts, BC_STYLE_REGULAR, &tf.arena, &err), 0);
  static const uint32_t gids[] = {9, 3, 4, 5};
  static const char *const texts[] = {"%", " ", "!", "\""};
  for (size_t i = 0; i < 4; i++)
    ck_assert_int_eq(bc_glyph_set_add(&set, gids[i], texts[i], 1, &err), 0);
  ck_assert_int_eq(
      bc_pdf_font_make_compact(&f, &set, tf.fonts, &tf.arena, &err), 0);
  ck_assert_uint_eq(f.code_bytes, 1);
  ck_assert_ptr_nonnull(f.codes);
  /* .notdef is glyph 0 of the subset; then the glyphs in the order of
   * their IDs: the space (glyph 3) is glyph 1, code and CID 32. */
  ck_assert_uint_eq(f.space_gid, 3);
  ck_assert_uint_eq(f.space_sub_gid, 1);
  ck_assert_uint_eq(f.codes[3], 32);
  ck_assert_uint_eq(f.codes[4], 2);
  ck_assert_uint_eq(f.codes[5], 3);
  ck_assert_uint_eq(f.codes[9], 4);
  ck_assert_uint_eq(f.w_count, 2);
  ck_assert_uint_eq(f.w[0].first, 2);
  ck_assert_uint_eq(f.w[0].count, 3);
  ck_assert_uint_eq(f.w[1].first, 32);
  ck_assert_uint_eq(f.w[1].count, 1);
  ck_assert(f.w[0].widths[2] == bc_glyph_set_width(&set, tf.fonts, 9));
  ck_assert(f.w[1].widths[0] == bc_glyph_set_width(&set, tf.fonts, 3));
  ck_assert_ptr_nonnull(strstr(f.tounicode,
                               "1 begincodespacerange\n<00> <FF>\n"
                               "endcodespacerange\n4 beginbfchar\n"
                               "<20> <0020>\n<02> <0021>\n<03> <0022>\n"
                               "<04> <0025>\nendbfchar\n"));
  /* CID 32 is glyph 1 of the subset and CID 1 glyph 32; the others are
   * themselves. */
  bc_pdf_cid_to_gid_map(map, f.space_sub_gid);
  ck_assert(map[2 * 32] == 0 && map[2 * 32 + 1] == 1);
  ck_assert(map[2 * 1] == 0 && map[2 * 1 + 1] == 32);
  ck_assert(map[2 * 2] == 0 && map[2 * 2 + 1] == 2);
  ck_assert(map[2 * 255] == 0 && map[2 * 255 + 1] == 255);
  /* The CMap the Type0 font names: one byte, code = CID, horizontal. */
  const char *cmap = bc_pdf_one_byte_cmap(&len);
  ck_assert_uint_eq(strlen(cmap), len);
  ck_assert_ptr_nonnull(strstr(cmap, "/CMapName /Baocao-OneByte-H def\n"
                                     "/CMapType 1 def\n/WMode 0 def\n"
                                     "1 begincodespacerange\n<00> <FF>\n"
                                     "endcodespacerange\n1 begincidrange\n"
                                     "<00> <FF> 0\nendcidrange\n"));
  ck_assert_ptr_nonnull(strstr(cmap, "/Registry (Adobe) /Ordering (Identity) "
                                     "/Supplement 0"));
}
END_TEST

/* One font's objects (fontobj.c): W runs of consecutive glyph IDs, the
 * descriptor's flags and italic angle from the face, the same values as
 * text for a writer of raw objects. */
START_TEST(test_pdf_fontobj__runs_flags_and_text) {
  bc_glyph_set set;
  bc_pdf_font f;
  bc_error err;
  bc_buf b;
  static const char *const refs[BC_PDF_FONT_OBJECTS] = {"1 0 R", "2 0 R",
                                                        "3 0 R", "4 0 R",
                                                        "5 0 R"};
  ck_assert_int_eq(
      bc_glyph_set_init(&set, tf.fonts, BC_STYLE_REGULAR, &tf.arena, &err), 0);
  static const uint32_t gids[] = {9, 3, 4, 5};
  for (size_t i = 0; i < 4; i++)
    ck_assert_int_eq(bc_glyph_set_add(&set, gids[i], "a", 1, &err), 0);
  ck_assert_int_eq(bc_pdf_font_make(&f, &set, tf.fonts, &tf.arena, &err), 0);
  ck_assert_uint_eq(f.w_count, 2);
  ck_assert_uint_eq(f.w[0].first, 3);
  ck_assert_uint_eq(f.w[0].count, 3);
  ck_assert_uint_eq(f.w[1].first, 9);
  ck_assert_uint_eq(f.w[1].count, 1);
  ck_assert(f.w[0].widths[0] == bc_glyph_set_width(&set, tf.fonts, 3));
  ck_assert(f.w[1].widths[0] == bc_glyph_set_width(&set, tf.fonts, 9));
  /* Widths to 2 decimals of 1/1000 em: the space is 512 of 2048 units. */
  ck_assert(f.w[0].widths[0] == 250);
  char t[32];
  ck_assert_int_eq(bc_pdf_width_text(t, 250), 3);
  ck_assert_str_eq(t, "250");
  ck_assert_int_eq(bc_pdf_width_text(t, 556.152), 6);
  ck_assert_str_eq(t, "556.15");
  ck_assert_int_eq(bc_pdf_width_text(t, 443.4), 5);
  ck_assert_str_eq(t, "443.4");
  ck_assert_int_eq(f.flags, 34); /* serif, nonsymbolic */
  ck_assert(f.italic_angle == 0);
  ck_assert_ptr_nonnull(strstr(f.base_font, "+LiberationSerif"));
  ck_assert_uint_eq(strlen(f.base_font), 7 + strlen("LiberationSerif"));
  ck_assert_uint_gt(f.file_len, 100);
  ck_assert_ptr_nonnull(strstr(f.tounicode, "4 beginbfchar\n<0003> <0061>\n"));

  bc_buf_init(&b, tf.arena.alloc);
  bc_pdf_font_dict(&b, &f, BC_PDF_FONT_CID, refs);
  bc_buf_putc(&b, '\0');
  char want[256], w[3][32]; /* the space's 250 is known */
  bc_pdf_width_text(w[0], f.w[0].widths[1]);
  bc_pdf_width_text(w[1], f.w[0].widths[2]);
  bc_pdf_width_text(w[2], f.w[1].widths[0]);
  snprintf(want, sizeof want, "/FontDescriptor 3 0 R /CIDToGIDMap /Identity "
           "/W [ 3 [250 %s %s] 9 [%s] ] >>", w[0], w[1], w[2]);
  ck_assert_ptr_nonnull(strstr(b.data, want));
  bc_buf_reset(&b);
  bc_pdf_font_dict(&b, &f, BC_PDF_FONT_TYPE0, refs);
  bc_buf_putc(&b, '\0');
  ck_assert_ptr_nonnull(
      strstr(b.data, "/DescendantFonts [2 0 R] /ToUnicode 5 0 R >>"));
  bc_buf_free(&b);

  /* The italic face: its flag and angle. */
  ck_assert_int_eq(
      bc_glyph_set_init(&set, tf.fonts, BC_STYLE_ITALIC, &tf.arena, &err), 0);
  ck_assert_int_eq(bc_glyph_set_add(&set, 3, " ", 1, &err), 0);
  ck_assert_int_eq(bc_pdf_font_make(&f, &set, tf.fonts, &tf.arena, &err), 0);
  ck_assert_int_eq(f.flags, 34 | 64);
  ck_assert(f.italic_angle < -5 && f.italic_angle > -30);
  bc_buf_init(&b, tf.arena.alloc);
  bc_pdf_font_dict(&b, &f, BC_PDF_FONT_DESCRIPTOR, refs);
  bc_buf_putc(&b, '\0');
  snprintf(want, sizeof want, "/Flags 98 /FontBBox [%ld %ld %ld %ld] "
           "/ItalicAngle %g /Ascent", f.bbox[0], f.bbox[1], f.bbox[2],
           f.bbox[3], f.italic_angle);
  ck_assert_ptr_nonnull(strstr(b.data, want));
  ck_assert_ptr_nonnull(strstr(b.data, "/FontFile2 4 0 R >>"));
  bc_buf_free(&b);
}
END_TEST

Suite *pdf_suite(void) {
  Suite *s = suite_create("pdf");
  TCase *tc = tcase_create("pdf");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_pdf_pdf__text_fonts_structure);
  tcase_add_test(tc, test_pdf_pdf__same_input_same_bytes);
  tcase_add_test(tc, test_pdf_pdf__archival_by_default_plain_on_request);
  tcase_add_test(tc, test_pdf_pdf__expanded_lines_where_layout_puts_them);
  tcase_add_test(tc, test_pdf_fontobj__runs_flags_and_text);
  tcase_add_test(tc, test_pdf_fontobj__compact_one_byte_codes);
  suite_add_tcase(s, tc);
  return s;
}
