/* tests/check_markup.c: Markdown to document blocks: headings, list items
 * as marked paragraphs, emphasis, literal HTML and code, unsupported
 * tables. */
#include "common/arena.h"
#include "common/buf.h"
#include "markup/markup.h"
#include "template/template.h"

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

/* The tree's shape, one line per block: kind and level, list depth and
 * flags (I item, F first), table size and alignment, then the text. */
static void dump_blocks(bc_buf *out, const bc_block *b, size_t n) {
  static const char align[] = "alcr";
  for (size_t i = 0; i < n; i++, b++) {
    if (b->kind == BC_BLOCK_HEADING)
      bc_buf_printf(out, "H%d", b->level);
    else if (b->kind == BC_BLOCK_PARAGRAPH)
      bc_buf_puts(out, "P");
    else
      bc_buf_puts(out, "T");
    if (b->list_depth)
      bc_buf_printf(out, " list%u%s%s", b->list_depth,
                    (b->list_flags & BC_LIST_ITEM) ? "I" : "",
                    (b->list_flags & BC_LIST_FIRST) ? "F" : "");
    if (b->kind == BC_BLOCK_TABLE) {
      const bc_table *t = b->table;
      bc_buf_printf(out, " %zux%zu h%zu ", t->rows, t->columns,
                    t->header_rows);
      for (size_t c = 0; c < t->columns; c++)
        bc_buf_putc(out, align[t->align[c]]);
      for (size_t k = 0; k < t->rows * t->columns; k++) {
        bc_block cell = {0};
        cell.spans = t->cells[k].spans;
        cell.span_count = t->cells[k].span_count;
        bc_buf_printf(out, " |%s", render_block(&cell));
      }
    } else {
      bc_buf_printf(out, " %s", render_block(b));
    }
    bc_buf_putc(out, '\n');
  }
}

/* bc_doc_build: the Decree 30 header, Nơi nhận and signer worded from
 * the model (blanks while the number and day are not set), the body's
 * tree from the Markdown, and two phụ lục numbered I and II. */
START_TEST(test_markup_doc__build_tree_shape) {
  static const char *const rec[] = {"Sở Nội vụ (b/c)"};
  static const bc_meta_entry meta[] = {
      {"trich_yeu", "Công tác cải cách hành chính quý III"}};
  static const bc_meta_entry app_meta[] = {{"tieu_de", "Bảng chỉ tiêu"},
                                           {"huong", "ngang"}};
  static const char md[] = "## I. KẾT QUẢ\n\nĐã **số hóa** 60 hồ sơ.\n\n"
                           "- Một\n- Hai\n\n| A | B |\n|:-:|--:|\n| 1 | 2 |\n";
  static const char app_md[] = "Bảng *một*.\n";
  bc_report_model m;
  bc_expansion e, apps[2];
  bc_doc d;
  bc_buf b;
  bc_error err;
  memset(&m, 0, sizeof m);
  memset(&e, 0, sizeof e);
  memset(apps, 0, sizeof apps);
  m.agency.parent_name = "UBND TỈNH TRÀ VINH";
  m.agency.name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  m.agency.full_name = "Sở Thông tin và Truyền thông";
  m.agency.symbol = "STTTT";
  m.agency.place = "Trà Vinh";
  m.issued_on = (bc_date){2023, 9, 0};
  m.recipients = rec;
  m.recipient_count = 1;
  m.archive_unit = "VP";
  m.signer.authority = "KT. GIÁM ĐỐC \n";
  m.signer.title = "PHÓ GIÁM ĐỐC";
  m.signer.full_name = "Bùi Thông Nhứt";
  e.markdown = md;
  e.markdown_len = strlen(md);
  e.meta = meta;
  e.meta_count = 1;
  e.appendices = apps;
  e.appendix_count = 2;
  apps[0].markdown = app_md;
  apps[0].markdown_len = strlen(app_md);
  apps[0].meta = app_meta;
  apps[0].meta_count = 2;
  apps[1].markdown = "";
  bc_markup_init();
  bc_arena_init(&arena, bc_allocator_default());
  bc_error_clear(&err);
  ck_assert_int_eq(bc_doc_build(&d, &m, &e, md, strlen(md), &arena, &err), 0);
  ck_assert_str_eq(d.parent_name, "UBND TỈNH TRÀ VINH");
  ck_assert_str_eq(d.agency_name, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
  ck_assert_str_eq(d.number_line, "Số:        /BC-STTTT");
  ck_assert_str_eq(d.place_date, "Trà Vinh, ngày        tháng 9 năm 2023");
  ck_assert_str_eq(d.doc_type, "BÁO CÁO");
  ck_assert_str_eq(d.subject, "Công tác cải cách hành chính quý III");
  ck_assert_str_eq(d.title, d.subject);
  ck_assert_str_eq(d.author, "Sở Thông tin và Truyền thông");
  ck_assert_uint_eq(d.recipient_count, 2);
  ck_assert_str_eq(d.recipients[0], "- Sở Nội vụ (b/c);");
  ck_assert_str_eq(d.recipients[1], "- Lưu: VT, VP.");
  ck_assert_uint_eq(d.signer_line_count, 2);
  ck_assert_str_eq(d.signer_lines[0], "KT. GIÁM ĐỐC");
  ck_assert_str_eq(d.signer_lines[1], "PHÓ GIÁM ĐỐC");
  ck_assert_str_eq(d.signer_name, "Bùi Thông Nhứt");
  bc_buf_init(&b, bc_allocator_default());
  dump_blocks(&b, d.blocks, d.block_count);
  ck_assert_str_eq(bc_buf_cstr(&b), "H2 I. KẾT QUẢ\n"
                                    "P Đã <b>số hóa 60 hồ sơ.\n"
                                    "P list1IF - Một\n"
                                    "P list1I - Hai\n"
                                    "T 2x2 h1 cr |A |B |1 |2\n");
  ck_assert_uint_eq(d.appendix_count, 2);
  ck_assert_str_eq(d.appendices[0].label, "Phụ lục I");
  ck_assert_str_eq(d.appendices[0].title, "BẢNG CHỈ TIÊU");
  ck_assert_str_eq(d.appendices[0].reference,
                   "(Kèm theo Báo cáo số         /BC-STTTT ngày        tháng "
                   "9 năm 2023 của Sở Thông tin và Truyền thông)");
  ck_assert(d.appendices[0].landscape);
  b.len = 0;
  dump_blocks(&b, d.appendices[0].blocks, d.appendices[0].block_count);
  ck_assert_str_eq(bc_buf_cstr(&b), "P Bảng <i>một.\n");
  ck_assert_str_eq(d.appendices[1].label, "Phụ lục II");
  ck_assert_str_eq(d.appendices[1].title, "");
  ck_assert(!d.appendices[1].landscape);
  ck_assert_uint_eq(d.appendices[1].block_count, 0);
  /* Numbered and dated, another kind of document, no authority. */
  static const bc_meta_entry meta2[] = {{"trich_yeu", "Kế hoạch"},
                                        {"loai", "KẾ HOẠCH"},
                                        {"ky_hieu_loai", "KH"}};
  m.number = 5;
  m.issued_on = (bc_date){2024, 1, 5};
  m.signer.authority = NULL;
  m.archive_unit = NULL;
  e.meta = meta2;
  e.meta_count = 3;
  e.appendix_count = 1;
  ck_assert_int_eq(bc_doc_build(&d, &m, &e, "", 0, &arena, &err), 0);
  ck_assert_str_eq(d.number_line, "Số: 05/KH-STTTT");
  ck_assert_str_eq(d.place_date, "Trà Vinh, ngày 05 tháng 01 năm 2024");
  ck_assert_str_eq(d.doc_type, "KẾ HOẠCH");
  ck_assert_str_eq(d.recipients[1], "- Lưu: VT.");
  ck_assert_uint_eq(d.signer_line_count, 1);
  ck_assert_str_eq(d.signer_lines[0], "PHÓ GIÁM ĐỐC");
  ck_assert_uint_eq(d.block_count, 0);
  ck_assert_str_eq(d.appendices[0].label, "Phụ lục");
  ck_assert_str_eq(d.appendices[0].reference,
                   "(Kèm theo Kế hoạch số 05/KH-STTTT ngày 05 tháng 01 năm "
                   "2024 của Sở Thông tin và Truyền thông)");
  /* No subject line: refused. */
  e.meta_count = 0;
  ck_assert_int_eq(bc_doc_build(&d, &m, &e, "", 0, &arena, &err),
                   BC_ESYNTAX);
  ck_assert_str_eq(err.message, "the template sets no 'trich_yeu' (subject "
                                "line) in its front matter");
  bc_buf_free(&b);
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
  suite_add_tcase(s, tc);
  tc = tcase_create("doc");
  tcase_add_test(tc, test_markup_doc__one_tone_style_throughout);
  tcase_add_test(tc, test_markup_doc__build_tree_shape);
  suite_add_tcase(s, tc);
  return s;
}
