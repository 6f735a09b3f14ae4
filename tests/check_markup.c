/* tests/check_markup.c: Markdown to document blocks: headings, list items
 * as marked paragraphs, emphasis, literal HTML and code, unsupported
 * tables. */
#include "common/arena.h"
#include "markup/markup.h"

#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

static bc_arena arena;
static bc_block *blocks;
static size_t count;

static void parse(const char *md) {
  bc_error err;
  bc_markup_init();
  bc_arena_init(&arena, bc_allocator_default());
  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_markup_parse(&blocks, &count, md, strlen(md), &arena, &err), 0);
}

/* The block's text with styles marked: <b>, <i>, <bi>, and / for breaks. */
static const char *render_block(const bc_block *b) {
  static char out[1024];
  size_t n = 0;
  for (size_t i = 0; i < b->span_count; i++) {
    const bc_span *s = &b->spans[i];
    const char *open = s->style == 3   ? "<bi>"
                       : s->style == 1 ? "<b>"
                       : s->style == 2 ? "<i>"
                                       : "";
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%s%.*s",
                          (s->flags & BC_SPAN_LINEBREAK) ? "/" : "", open,
                          (int)s->len, s->text);
  }
  out[n] = '\0';
  return out;
}

START_TEST(test_markup_markup__headings_and_paragraphs) {
  parse("## I. CÔNG TÁC CHỈ ĐẠO\n\nĐoạn một\ndòng hai.\n\n"
        "### 1. Cải cách thể chế\n\n#### a) Điểm\n");
  ck_assert_uint_eq(count, 4);
  ck_assert_int_eq(blocks[0].kind, BC_BLOCK_HEADING);
  ck_assert_int_eq(blocks[0].level, 2);
  ck_assert_str_eq(render_block(&blocks[0]), "I. CÔNG TÁC CHỈ ĐẠO");
  ck_assert_int_eq(blocks[1].kind, BC_BLOCK_PARAGRAPH);
  ck_assert_str_eq(render_block(&blocks[1]), "Đoạn một dòng hai.");
  ck_assert_int_eq(blocks[1].source_line, 3);
  ck_assert_int_eq(blocks[3].level, 4);
  bc_arena_release(&arena);
}
END_TEST

START_TEST(test_markup_markup__list_items_keep_their_marker) {
  parse("- Tham mưu:\n+ Kết quả một;\n+ Kết quả hai.\n\n* Tuyên truyền\n\n"
        "1. Thứ nhất\n2. Thứ hai\n\n3) Ba\n\na) Không phải danh sách\n");
  ck_assert_uint_eq(count, 8);
  ck_assert_str_eq(render_block(&blocks[0]), "- Tham mưu:");
  ck_assert_str_eq(render_block(&blocks[1]), "+ Kết quả một;");
  ck_assert_str_eq(render_block(&blocks[2]), "+ Kết quả hai.");
  ck_assert_str_eq(render_block(&blocks[3]), "● Tuyên truyền");
  ck_assert_str_eq(render_block(&blocks[4]), "1. Thứ nhất");
  ck_assert_str_eq(render_block(&blocks[5]), "2. Thứ hai");
  ck_assert_str_eq(render_block(&blocks[6]), "3) Ba");
  ck_assert_str_eq(render_block(&blocks[7]), "a) Không phải danh sách");
  /* Items are flagged, their marker a span of its own (an editable draft
   * turns it into a list); a paragraph that only looks like one is not. */
  for (size_t i = 0; i < 7; i++) {
    ck_assert_uint_eq(blocks[i].list_flags & BC_LIST_ITEM, BC_LIST_ITEM);
    ck_assert_uint_ge(blocks[i].span_count, 2);
  }
  ck_assert_str_eq(blocks[1].spans[0].text, "+ ");
  ck_assert_uint_eq(blocks[7].list_flags, 0);
  bc_arena_release(&arena);
}
END_TEST

/* The list each block is in: depth, BC_LIST_ITEM (I) and BC_LIST_FIRST
 * (F), and whether its first span is a label, e.g. "1IF:L". */
static const char *list_of(const bc_block *b) {
  static char out[32];
  snprintf(out, sizeof out, "%u%s%s%s", b->list_depth,
           (b->list_flags & BC_LIST_ITEM) ? "I" : "",
           (b->list_flags & BC_LIST_FIRST) ? "F" : "",
           b->span_count && (b->spans[0].flags & BC_SPAN_LABEL) ? ":L" : "");
  return out;
}

START_TEST(test_markup_markup__lists_for_the_structure) {
  parse("Mở đầu.\n\n- Một\n\n  Đoạn hai của mục một.\n\n  1. Con một\n"
        "  2. Con hai\n\n- Hai\n\n+ Danh sách khác\n\n-\n  - Lồng ngay\n\n"
        "Kết.\n");
  ck_assert_uint_eq(count, 10);
  const char *want[] = {"0",     "1IF:L", "1",    "2IF:L", "2I:L",
                        "1I:L",  "1IF:L", "1IF:L", "2IF:L", "0"};
  for (size_t i = 0; i < count; i++)
    ck_assert_msg(!strcmp(list_of(&blocks[i]), want[i]), "block %zu: %s (%s)",
                  i, list_of(&blocks[i]), render_block(&blocks[i]));
  /* The label is the marker span alone. */
  ck_assert_str_eq(render_block(&blocks[3]), "1. Con một");
  ck_assert_uint_eq(blocks[3].spans[0].len, 3);
  ck_assert_str_eq(render_block(&blocks[7]), "- ");
  bc_arena_release(&arena);
}
END_TEST

START_TEST(test_markup_markup__emphasis_and_breaks) {
  parse("**V. KIẾN NGHỊ:** Không có (*đính kèm **phụ** lục*)\\\ndòng mới "
        "<https://travinh.gov.vn/>\n");
  ck_assert_uint_eq(count, 1);
  ck_assert_str_eq(render_block(&blocks[0]),
                   "<b>V. KIẾN NGHỊ: Không có (<i>đính kèm <bi>phụ<i> lục)"
                   "/dòng mới https://travinh.gov.vn/");
  bc_arena_release(&arena);
}
END_TEST

START_TEST(test_markup_markup__html_and_code_stay_text) {
  parse("<b>không</b> phải thẻ\n\n    mã nguồn\n    dòng 2\n");
  ck_assert_uint_eq(count, 2);
  ck_assert_str_eq(render_block(&blocks[0]), "<b>không</b> phải thẻ");
  ck_assert_str_eq(render_block(&blocks[1]), "mã nguồn/dòng 2");
  bc_arena_release(&arena);
}
END_TEST

START_TEST(test_markup_markup__gfm_tables) {
  parse("Đoạn.\n\n| STT | Chỉ tiêu | Kết quả |\n|:-:|---|--:|\n"
        "| 1 | Hồ sơ **số hóa** | 60 |\n| 2 | Tỷ lệ \\| ký số | 91,08% |\n"
        "| 3 | thiếu ô |\n");
  ck_assert_uint_eq(count, 2);
  ck_assert_int_eq(blocks[1].kind, BC_BLOCK_TABLE);
  const bc_table *t = blocks[1].table;
  ck_assert_uint_eq(t->columns, 3);
  ck_assert_uint_eq(t->rows, 4);
  ck_assert_uint_eq(t->header_rows, 1);
  ck_assert_int_eq(t->align[0], BC_CELL_CENTER);
  ck_assert_int_eq(t->align[1], BC_CELL_AUTO);
  ck_assert_int_eq(t->align[2], BC_CELL_RIGHT);
  bc_block cell = {0};
  cell.spans = t->cells[1 * 3 + 1].spans;
  cell.span_count = t->cells[1 * 3 + 1].span_count;
  ck_assert_str_eq(render_block(&cell), "Hồ sơ <b>số hóa");
  cell.spans = t->cells[2 * 3 + 1].spans;
  cell.span_count = t->cells[2 * 3 + 1].span_count;
  ck_assert_str_eq(render_block(&cell), "Tỷ lệ | ký số");
  ck_assert_uint_eq(t->cells[3 * 3 + 2].span_count, 0); /* missing cell */
  bc_arena_release(&arena);
}
END_TEST

/* bc_doc_tones reaches every string of the document: paragraphs, table
 * cells, header fields, Nơi nhận, the signer, a phụ lục and the PDF's
 * title; the tree it was given is left as it was. */
START_TEST(test_markup_doc__one_tone_style_throughout) {
  static const char *const rec[] = {"- Uỷ ban nhân dân tỉnh;"};
  static const char *const sig[] = {"TM. UỶ BAN NHÂN DÂN"};
  bc_appendix app = {"Phụ lục", "KẾT QUẢ SỐ HOÁ", "(Kèm theo …)", false, NULL,
                     0};
  bc_doc d = {0}, orig;
  bc_error err;
  parse("Hoà hợp, **thuỷ lợi**.\n\n| A | B |\n|---|---|\n| khoẻ | quý hoàn |\n");
  d.agency_name = "UỶ BAN NHÂN DÂN";
  d.subject = "Công tác số hoá";
  d.title = d.subject;
  d.author = "Uỷ ban nhân dân tỉnh";
  d.blocks = blocks;
  d.block_count = count;
  d.recipients = rec;
  d.recipient_count = 1;
  d.signer_lines = sig;
  d.signer_line_count = 1;
  d.signer_name = "Nguyễn Thuỳ";
  d.appendices = &app;
  d.appendix_count = 1;
  orig = d;
  ck_assert_int_eq(bc_doc_tones(&d, BC_TONE_NEW, &arena, &err), 0);
  ck_assert_str_eq(render_block(&d.blocks[0]), "Hòa hợp, <b>thủy lợi.");
  bc_block cell = {0};
  cell.spans = d.blocks[1].table->cells[2].spans;
  cell.span_count = d.blocks[1].table->cells[2].span_count;
  ck_assert_str_eq(render_block(&cell), "khỏe");
  cell.spans = d.blocks[1].table->cells[3].spans;
  cell.span_count = d.blocks[1].table->cells[3].span_count;
  ck_assert_str_eq(render_block(&cell), "quý hoàn");
  ck_assert_str_eq(d.agency_name, "ỦY BAN NHÂN DÂN");
  ck_assert_str_eq(d.subject, "Công tác số hóa");
  ck_assert_str_eq(d.title, "Công tác số hóa");
  ck_assert_str_eq(d.author, "Ủy ban nhân dân tỉnh");
  ck_assert_str_eq(d.recipients[0], "- Ủy ban nhân dân tỉnh;");
  ck_assert_str_eq(d.signer_lines[0], "TM. ỦY BAN NHÂN DÂN");
  ck_assert_str_eq(d.signer_name, "Nguyễn Thùy");
  ck_assert_str_eq(d.appendices[0].title, "KẾT QUẢ SỐ HÓA");
  /* The tree it was given is untouched; KEEP changes nothing. */
  ck_assert_str_eq(render_block(&orig.blocks[0]), "Hoà hợp, <b>thuỷ lợi.");
  ck_assert_str_eq(orig.recipients[0], "- Uỷ ban nhân dân tỉnh;");
  ck_assert_int_eq(bc_doc_tones(&orig, BC_TONE_KEEP, &arena, &err), 0);
  ck_assert_str_eq(orig.agency_name, "UỶ BAN NHÂN DÂN");
  ck_assert_int_eq(bc_doc_tones(&d, BC_TONE_OLD, &arena, &err), 0);
  ck_assert_str_eq(d.signer_name, "Nguyễn Thuỳ");
  ck_assert_str_eq(render_block(&d.blocks[0]), "Hoà hợp, <b>thuỷ lợi.");
  bc_arena_release(&arena);
}
END_TEST

Suite *markup_suite(void) {
  Suite *s = suite_create("markup");
  TCase *tc = tcase_create("markup");
  tcase_add_test(tc, test_markup_markup__headings_and_paragraphs);
  tcase_add_test(tc, test_markup_markup__list_items_keep_their_marker);
  tcase_add_test(tc, test_markup_markup__lists_for_the_structure);
  tcase_add_test(tc, test_markup_markup__emphasis_and_breaks);
  tcase_add_test(tc, test_markup_markup__html_and_code_stay_text);
  tcase_add_test(tc, test_markup_markup__gfm_tables);
  tcase_add_test(tc, test_markup_doc__one_tone_style_throughout);
  suite_add_tcase(s, tc);
  return s;
}
