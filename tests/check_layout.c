/* tests/check_layout.c: the Decree 30 frame measured on the page model
 * (header columns, rules, title, page numbers, closing block), justified
 * body lines inside the margins, orphans, widows and keep-with-next. */
#include "common/arena.h"
#include "common/buf.h"
#include "layout/layout.h"
#include "markup/markup.h"
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tu_fonts tf;
static bc_frame frame;

static void setup(void) {
  tu_fonts_open(&tf);
  bc_markup_init();
  bc_frame_default(&frame);
}

static void teardown(void) {
  tu_fonts_close(&tf);
}

static const char *const recipients[] = {
    "- Sở Nội vụ (b/c);", "- Ban Giám đốc Sở;", "- Lưu: VT, VP."};
static const char *const signer[] = {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"};

static bc_pages layout_md(const char *md) {
  bc_doc d;
  bc_block *blocks;
  size_t nb;
  bc_pages pages;
  bc_error err;
  memset(&d, 0, sizeof d);
  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_markup_parse(&blocks, &nb, md, strlen(md), &tf.arena, &err), 0);
  d.parent_name = "UBND TỈNH TRÀ VINH";
  d.agency_name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  d.number_line = "Số:        /BC-STTTT";
  d.place_date = "Trà Vinh, ngày      tháng 9 năm 2023";
  d.doc_type = "BÁO CÁO";
  d.subject = "Công tác cải cách hành chính quý III năm 2023";
  d.blocks = blocks;
  d.block_count = nb;
  d.recipients = recipients;
  d.recipient_count = 3;
  d.signer_lines = signer;
  d.signer_line_count = 2;
  d.signer_name = "Bùi Thông Nhứt";
  ck_assert_int_eq(bc_layout_document(&pages, &d, &frame, tf.fonts, tf.shaper,
                                      &tf.arena, &err),
                   0);
  return pages;
}

/* Text of a run (into a static buffer). */
static const char *run_text(const bc_run *r) {
  static char buf[2048];
  size_t n = 0;
  for (size_t i = 0; i < r->count && n + r->glyphs[i].text_len < sizeof buf;
       i++) {
    memcpy(buf + n, r->glyphs[i].text, r->glyphs[i].text_len);
    n += r->glyphs[i].text_len;
  }
  buf[n] = '\0';
  return buf;
}

static double run_width(const bc_run *r) {
  double w = 0;
  for (size_t i = 0; i < r->count; i++)
    w += r->glyphs[i].advance_pt;
  return w;
}

/* The first run on page p (0-based) whose text starts with prefix. */
static const bc_run *find(const bc_pages *pg, size_t p, const char *prefix) {
  for (size_t r = 0; r < pg->pages[p].run_count; r++)
    if (!strncmp(run_text(&pg->pages[p].runs[r]), prefix, strlen(prefix)))
      return &pg->pages[p].runs[r];
  return NULL;
}

static const char *filler(int paragraphs) {
  static char md[200000];
  size_t n = 0;
  for (int i = 0; i < paragraphs; i++)
    n += (size_t)snprintf(
        md + n, sizeof md - n,
        "Đoạn %d: Xác định công tác chỉ đạo, điều hành công tác "
        "cải cách hành chính là một trong các giải pháp trọng "
        "tâm, phân công trách nhiệm nhằm đảm bảo việc quản lý "
        "được thống nhất, đồng bộ và hiệu quả.\n\n",
        i + 1);
  return md;
}

START_TEST(test_layout_frame__header_block) {
  bc_pages pg = layout_md("Một đoạn.\n");
  double mid = frame.page_width / 2;
  const bc_run *qh = find(&pg, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const bc_run *tn = find(&pg, 0, "Độc lập - Tự do - Hạnh phúc");
  const bc_run *so = find(&pg, 0, "Số:");
  const bc_run *date = find(&pg, 0, "Trà Vinh, ngày");
  const bc_run *bc = find(&pg, 0, "BÁO CÁO");
  const bc_run *cq = find(&pg, 0, "UBND TỈNH TRÀ VINH");
  ck_assert(qh && tn && so && date && bc && cq);
  ck_assert(qh->size_pt == 12 && qh->style == BC_STYLE_BOLD);
  ck_assert(qh->x_pt > mid - 40 &&
            qh->x_pt + run_width(qh) < frame.page_width - 20 * 72 / 25.4 + 5);
  ck_assert(tn->size_pt == 13 && tn->style == BC_STYLE_BOLD);
  ck_assert(cq->size_pt == 13 && cq->style == BC_STYLE_REGULAR);
  ck_assert(so->size_pt == 13 && so->style == BC_STYLE_REGULAR);
  ck_assert(so->x_pt + run_width(so) < mid);
  ck_assert(date->size_pt == 14 && date->style == BC_STYLE_ITALIC);
  ck_assert(fabs(date->y_pt - so->y_pt) < 0.01); /* one baseline */
  /* Centred columns: Quốc hiệu and Tiêu ngữ share a centre. */
  double c1 = qh->x_pt + run_width(qh) / 2, c2 = tn->x_pt + run_width(tn) / 2;
  ck_assert(fabs(c1 - c2) < 0.01);
  /* The rule under the Tiêu ngữ is as long as it, just below it. */
  int found = 0;
  for (size_t r = 0; r < pg.pages[0].rule_count; r++) {
    const bc_rule *u = &pg.pages[0].rules[r];
    if (fabs((u->x1_pt - u->x0_pt) - run_width(tn)) < 0.01 &&
        u->y0_pt < tn->y_pt && u->y0_pt > tn->y_pt - 8)
      found++;
  }
  ck_assert_int_eq(found, 1);
  ck_assert_uint_eq(pg.pages[0].rule_count, 3); /* agency, motto, subject */
  double body_c =
      (frame.margin_left + frame.page_width - frame.margin_right) / 2;
  ck_assert(fabs(bc->x_pt + run_width(bc) / 2 - body_c) < 0.01);
  ck_assert(bc->style == BC_STYLE_BOLD && bc->size_pt == 14);
}
END_TEST

START_TEST(test_layout_frame__page_numbers_from_page_two) {
  bc_pages pg = layout_md(filler(60));
  ck_assert_uint_ge(pg.count, 3);
  for (size_t p = 0; p < pg.count; p++) {
    char num[24];
    snprintf(num, sizeof num, "%zu", p + 1);
    const bc_run *r = NULL;
    for (size_t i = 0; i < pg.pages[p].run_count; i++)
      if (!strcmp(run_text(&pg.pages[p].runs[i]), num))
        r = &pg.pages[p].runs[i];
    if (p == 0) {
      ck_assert_ptr_null(r);
      continue;
    }
    ck_assert_ptr_nonnull(r);
    ck_assert(r->y_pt > frame.page_height - frame.margin_top); /* top margin */
    double c = r->x_pt + run_width(r) / 2;
    ck_assert(
        fabs(c - (frame.margin_left + frame.page_width - frame.margin_right) /
                     2) < 0.01);
    ck_assert(r->size_pt == 14);
  }
}
END_TEST

START_TEST(test_layout_body__justified_inside_margins) {
  bc_pages pg = layout_md(filler(40));
  double left = frame.margin_left,
         right = frame.page_width - frame.margin_right;
  size_t flush = 0;
  for (size_t p = 0; p < pg.count; p++)
    for (size_t r = 0; r < pg.pages[p].run_count; r++) {
      const bc_run *run = &pg.pages[p].runs[r];
      if (run->size_pt != 14 ||
          run->y_pt > frame.page_height - frame.margin_top)
        continue;
      ck_assert(run->x_pt >= left - 0.01);
      ck_assert(run->x_pt + run_width(run) <= right + 0.01);
      ck_assert(run->y_pt >= frame.margin_bottom);
      flush += fabs(run->x_pt + run_width(run) - right) < 0.01;
    }
  /* Every paragraph's lines but its last end exactly at the margin: each
   * filler paragraph has at least two such lines. */
  ck_assert_uint_ge(flush, 2 * 40);
  ck_assert_uint_eq(pg.stats.overfull, 0);
}
END_TEST

/* Font expansion and tracking: every run of a justified line is drawn at
 * most 2 % wider or narrower with at most 0,01 em after each character,
 * the line still ends exactly at the margin, the statistics say how the
 * spaces came out; with both off (frame.expansion = tracking = 0) nothing
 * is scaled and the spaces are looser. */
START_TEST(test_layout_body__font_expansion) {
  const char *md = filler(40);
  double right = frame.page_width - frame.margin_right;
  size_t scaled = 0, tracked = 0;
  bc_pages pg = layout_md(md);
  for (size_t p = 0; p < pg.count; p++)
    for (size_t r = 0; r < pg.pages[p].run_count; r++) {
      const bc_run *run = &pg.pages[p].runs[r];
      ck_assert(fabs(run->expansion) <= 0.02 + 1e-6);
      ck_assert(fabs(run->tracking_pt) <= 0.01 * run->size_pt + 1e-6);
      if (run->size_pt == 14)
        ck_assert_msg(run->x_pt + run_width(run) <= right + 0.01, "%.3f: %s",
                      run->x_pt + run_width(run) - right, run_text(run));
      scaled += run->expansion != 0;
      tracked += run->tracking_pt != 0;
    }
  ck_assert_uint_gt(scaled, 40);
  ck_assert_uint_gt(tracked, 40);
  ck_assert_uint_eq(pg.stats.overfull, 0);
  ck_assert_uint_ge(pg.stats.justified, 80);
  ck_assert(pg.stats.expansion_max > 0 && pg.stats.expansion_max <= 0.02);
  ck_assert(pg.stats.space_p95 > 1 && pg.stats.space_p95 < 1.5);
  double with = pg.stats.space_p95;
  frame.expansion = frame.tracking = 0;
  pg = layout_md(md);
  for (size_t p = 0; p < pg.count; p++)
    for (size_t r = 0; r < pg.pages[p].run_count; r++) {
      ck_assert(pg.pages[p].runs[r].expansion == 0);
      ck_assert(pg.pages[p].runs[r].tracking_pt == 0);
    }
  ck_assert(pg.stats.expansion_max == 0);
  ck_assert_msg(pg.stats.space_p95 > with, "p95 %.3f without, %.3f with",
                pg.stats.space_p95, with);
}
END_TEST

/* Lines (page, y) of the material from the run starting with `first` to the
 * run starting with `last`, in document order; returns lines per page. */
static void lines_per_page(const bc_pages *pg,
                           const char *first,
                           const char *last,
                           size_t *counts,
                           size_t *pages_out,
                           size_t *first_page) {
  bool in = false;
  double y = -1;
  size_t np = 0, cur = SIZE_MAX;
  for (size_t p = 0; p < pg->count; p++)
    for (size_t r = 0; r < pg->pages[p].run_count; r++) {
      const bc_run *run = &pg->pages[p].runs[r];
      const char *t = run_text(run);
      if (run->y_pt > pg->pages[p].height_pt - frame.margin_top)
        continue; /* the page number */
      if (!in && strstr(t, first)) {
        in = true;
        *first_page = p;
      }
      if (!in)
        continue;
      if (p != cur) {
        cur = p;
        counts[np++] = 0;
        y = -1;
      }
      if (run->y_pt != y) {
        counts[np - 1]++;
        y = run->y_pt;
      }
      if (strstr(t, last)) {
        *pages_out = np;
        return;
      }
    }
  *pages_out = np;
}

START_TEST(test_layout_body__no_orphans_no_widows) {
  /* A four-line paragraph after k one-line paragraphs, for every k that
   * moves it across the first page break: it is never split 1+3 or 3+1. */
  char md[60000];
  int splits = 0;
  for (int k = 20; k < 48; k++) {
    size_t n = 0;
    for (int i = 0; i < k; i++)
      n += (size_t)snprintf(md + n, sizeof md - n, "Dòng %d.\n\n", i);
    snprintf(md + n, sizeof md - n,
             "BATDAU đoạn văn bốn dòng: xác định công tác chỉ đạo, điều hành "
             "công tác cải cách hành chính là một trong các giải pháp trọng "
             "tâm, phân công trách nhiệm nhằm đảm bảo việc quản lý, điều hành "
             "công tác cải cách hành chính được thống nhất, đồng bộ, hiệu quả "
             "và đúng tiến độ KETTHUC.\n");
    bc_arena_release(&tf.arena);
    bc_pages pg = layout_md(md);
    size_t counts[8], np = 0, fp = 0;
    lines_per_page(&pg, "BATDAU", "KETTHUC", counts, &np, &fp);
    ck_assert_uint_ge(np, 1);
    size_t total = 0;
    for (size_t i = 0; i < np; i++)
      total += counts[i];
    ck_assert_uint_eq(total, 4);
    if (np == 2) {
      splits++;
      ck_assert_msg(counts[0] >= 2 && counts[1] >= 2, "k=%d split %zu+%zu", k,
                    counts[0], counts[1]);
    }
  }
  ck_assert_int_gt(splits, 0); /* the paragraph did cross a page break */
}
END_TEST

START_TEST(test_layout_body__heading_keeps_with_next) {
  char md[60000];
  for (int k = 20; k < 48; k++) {
    size_t n = 0;
    for (int i = 0; i < k; i++)
      n += (size_t)snprintf(md + n, sizeof md - n, "Dòng %d.\n\n", i);
    snprintf(
        md + n, sizeof md - n,
        "### 9. TIÊUĐỀ mục\n\nSAUĐÓ là đoạn văn ba dòng: xác định công tác "
        "chỉ đạo, điều hành công tác cải cách hành chính là một trong các "
        "giải pháp trọng tâm, phân công trách nhiệm nhằm đảm bảo việc quản "
        "lý được thống nhất.\n");
    bc_arena_release(&tf.arena);
    bc_pages pg = layout_md(md);
    size_t heading_page = SIZE_MAX, body_page = SIZE_MAX;
    for (size_t p = 0; p < pg.count; p++) {
      if (find(&pg, p, "9. TIÊUĐỀ"))
        heading_page = p;
      if (find(&pg, p, "SAUĐÓ"))
        body_page = p;
    }
    ck_assert_msg(heading_page == body_page,
                  "k=%d heading on page %zu, text on %zu", k, heading_page,
                  body_page);
    ck_assert_uint_ge(pg.outline_count, 1);
    ck_assert_str_eq(pg.outline[0].title, "9. TIÊUĐỀ mục");
  }
}
END_TEST

START_TEST(test_layout_frame__closing_block_keeps_two_lines) {
  /* Whatever comes before, the page with Nơi nhận and the signature also
   * holds the last two lines of the closing paragraph. */
  char md[60000];
  int moved = 0;
  for (int k = 20; k < 48; k++) {
    size_t n = 0;
    for (int i = 0; i < k; i++)
      n += (size_t)snprintf(md + n, sizeof md - n, "Dòng %d.\n\n", i);
    snprintf(md + n, sizeof md - n,
             "Trên đây là báo cáo tình hình thực hiện công tác cải cách "
             "hành chính quý III năm 2023 và phương hướng nhiệm vụ cải cách "
             "hành chính trong thời gian tới, Sở Thông tin và Truyền thông "
             "gửi Sở Nội vụ tổng hợp, đề nghị các cơ quan, đơn vị liên quan "
             "phối hợp thực hiện và báo cáo kết quả đúng thời hạn "
             "KETTHUC.\n");
    bc_arena_release(&tf.arena);
    bc_pages pg = layout_md(md);
    size_t counts[8], np = 0, fp = 0;
    lines_per_page(&pg, "Trên đây", "KETTHUC", counts, &np, &fp);
    const bc_run *nn = find(&pg, pg.count - 1, "Nơi nhận:");
    ck_assert_msg(nn != NULL, "k=%d: Nơi nhận not on the last page", k);
    ck_assert_msg(fp + np - 1 == pg.count - 1,
                  "k=%d: closing paragraph ends "
                  "on page %zu, Nơi nhận on %zu",
                  k, fp + np, pg.count);
    ck_assert_msg(counts[np - 1] >= 2, "k=%d: %zu line(s) with the signature",
                  k, counts[np - 1]);
    moved += np == 2 || (np == 1 && fp > 0 && fp == pg.count - 1);
  }
  ck_assert_int_gt(moved, 0);
}
END_TEST

START_TEST(test_layout_frame__closing_block) {
  bc_pages pg = layout_md("Trên đây là báo cáo.\n");
  size_t last = pg.count - 1;
  const bc_run *nn = find(&pg, last, "Nơi nhận:");
  const bc_run *kt = find(&pg, last, "KT. GIÁM ĐỐC");
  const bc_run *pgd = find(&pg, last, "PHÓ GIÁM ĐỐC");
  const bc_run *name = find(&pg, last, "Bùi Thông Nhứt");
  /* Each recipient's "- " is a run of its own (the list item's label in
   * the structure), ending where the recipient's text begins. */
  const bc_run *item = find(&pg, last, "Sở Nội vụ (b/c);");
  const bc_run *luu = find(&pg, last, "Lưu: VT, VP.");
  const bc_run *dash = find(&pg, last, "- ");
  ck_assert(nn && kt && pgd && name && item && luu && dash);
  ck_assert(item == dash + 1 && dash->count == 2);
  ck_assert(fabs(dash->x_pt - frame.margin_left) < 0.01);
  ck_assert(fabs(dash->x_pt + run_width(dash) - item->x_pt) < 0.01);
  ck_assert(dash->y_pt == item->y_pt);
  ck_assert(nn->style == BC_STYLE_BOLD_ITALIC && nn->size_pt == 12);
  ck_assert(fabs(nn->x_pt - frame.margin_left) < 0.01);
  ck_assert(fabs(nn->y_pt - kt->y_pt) < 0.01); /* level with the capacity */
  ck_assert(item->size_pt == 11 && luu->size_pt == 11 && item->style == 0);
  ck_assert(kt->style == BC_STYLE_BOLD && name->style == BC_STYLE_BOLD);
  ck_assert(kt->x_pt > frame.page_width / 2 - 30);
  ck_assert(pgd->y_pt - name->y_pt >= frame.signature_space);
  /* Capacity, title and name share a centre. */
  double c = kt->x_pt + run_width(kt) / 2;
  ck_assert(fabs(pgd->x_pt + run_width(pgd) / 2 - c) < 0.01);
  ck_assert(fabs(name->x_pt + run_width(name) / 2 - c) < 0.01);
}
END_TEST

/* A word longer than a placed glyph's text length can say (BC_CLUSTER_MAX
 * bytes) is set all the same, broken anywhere: its clusters are one
 * character each, and every character is on the pages. */
START_TEST(test_layout_body__word_longer_than_a_cluster_can_be) {
  const size_t n = (size_t)BC_CLUSTER_MAX + 1000;
  char *md = malloc(n + 16);
  size_t letters = 0;
  ck_assert_ptr_nonnull(md);
  memcpy(md, "Xem ", 4);
  memset(md + 4, 'z', n); /* a letter the frame's text has none of */
  memcpy(md + 4 + n, " ngay.\n", 8);
  bc_pages pg = layout_md(md);
  for (size_t p = 0; p < pg.count; p++)
    for (size_t r = 0; r < pg.pages[p].run_count; r++) {
      const bc_run *run = &pg.pages[p].runs[r];
      for (size_t i = 0; i < run->count; i++)
        if (run->glyphs[i].text_len && run->glyphs[i].text[0] == 'z') {
          ck_assert_uint_eq(run->glyphs[i].text_len, 1);
          letters++;
        }
    }
  ck_assert_uint_eq(letters, n);
  free(md);
}
END_TEST

START_TEST(test_layout_body__long_address_breaks_without_overflow) {
  bc_pages pg = layout_md(
      "Xem https://www.youtube.com/watch?v=abcdefghijklmnopqrstuvwxyz0123456789"
      "&list=PLabcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwx"
      "&index=12345678901234567890123456789012345678901234567890123456789 "
      "ngay.\n");
  double right = frame.page_width - frame.margin_right;
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  bc_pages_dump(&b, &pg);
  for (size_t r = 0; r < pg.pages[0].run_count; r++) {
    const bc_run *run = &pg.pages[0].runs[r];
    if (run->size_pt == 14 && run->style == BC_STYLE_REGULAR)
      ck_assert_msg(run->x_pt + run_width(run) <= right + 0.01, "%s",
                    bc_buf_cstr(&b));
  }
  /* The address spans lines; each break falls after a delimiter, so no
   * line starts with one. */
  size_t url_lines = 0;
  for (size_t r = 0; r < pg.pages[0].run_count; r++) {
    const char *t = run_text(&pg.pages[0].runs[r]);
    if (pg.pages[0].runs[r].size_pt != 14)
      continue; /* header and closing block */
    ck_assert_msg(!strchr("/.-?&=_#", t[0]) || !t[0], "line starts with '%c'",
                  t[0]);
    if (strstr(t, "youtube") || strstr(t, "abcdefghij") ||
        strstr(t, "123456789")) {
      const bc_run *run = &pg.pages[0].runs[r];
      url_lines++;
      /* A break inside the address is no word space: no space glyph. */
      if (r + 1 < pg.pages[0].run_count && run[1].size_pt == 14 &&
          strncmp(run_text(&run[1]), "ngay", 4) != 0)
        ck_assert_msg(run->glyphs[run->count - 1].text[0] != ' ',
                      "a space where the address breaks");
    }
  }
  ck_assert_uint_ge(url_lines, 3);
  bc_buf_free(&b);
}
END_TEST

START_TEST(test_layout_table__alignment_and_borders) {
  bc_pages pg = layout_md("| STT | Tên | Kết quả |\n|---|---|---|\n"
                          "| 7 | Hồ sơ trực tuyến | 1.858 |\n"
                          "| 8 | Tỷ lệ | 30,73% |\n");
  double left = frame.margin_left,
         right = frame.page_width - frame.margin_right;
  const bc_run *stt = find(&pg, 0, "STT"), *seven = find(&pg, 0, "7");
  const bc_run *name = find(&pg, 0, "Hồ sơ"), *num = find(&pg, 0, "1.858");
  const bc_run *pct = find(&pg, 0, "30,73%");
  ck_assert(stt && seven && name && num && pct);
  ck_assert_uint_eq(stt->style, BC_STYLE_BOLD); /* header row */
  ck_assert(stt->size_pt == 13 && num->size_pt == 13);
  /* STT centred under its header, numbers flush right, text flush left. */
  ck_assert(fabs((stt->x_pt + run_width(stt) / 2) -
                 (seven->x_pt + run_width(seven) / 2)) < 0.01);
  ck_assert(fabs(num->x_pt + run_width(num) - (right - frame.table_padding)) <
            0.01);
  ck_assert(fabs(pct->x_pt + run_width(pct) - (right - frame.table_padding)) <
            0.01);
  ck_assert(fabs(name->x_pt - (seven->x_pt + run_width(seven) / 2)) > 5);
  /* The grid: 3 row tops + the bottom rule, 4 column rules per row. */
  size_t h = 0, v = 0;
  for (size_t r = 0; r < pg.pages[0].rule_count; r++) {
    const bc_rule *u = &pg.pages[0].rules[r];
    if (u->y0_pt == u->y1_pt && fabs(u->x0_pt - left) < 0.01 &&
        fabs(u->x1_pt - right) < 0.01)
      h++;
    if (u->x0_pt == u->x1_pt)
      v++;
  }
  ck_assert_uint_eq(h, 4);
  ck_assert_uint_eq(v, 3 * 4);
}
END_TEST

/* The element of the first run on page p whose text starts with prefix. */
static const bc_struct_elem *elem_of(const bc_pages *pg,
                                     size_t p,
                                     const char *prefix) {
  const bc_run *r = find(pg, p, prefix);
  ck_assert_msg(r != NULL, "no run '%s' on page %zu", prefix, p + 1);
  ck_assert_uint_lt(r->elem, pg->elem_count);
  return &pg->elems[r->elem];
}

START_TEST(test_layout_structure__runs_name_their_elements) {
  bc_pages pg = layout_md(
      "## I. MỤC MỘT\n\nĐoạn văn.\n\n- Mục một.\n- Mục hai:\n\n  Đoạn "
      "thứ hai của mục hai.\n\n| STT | Tên |\n|---|---|\n| 1 | Một |\n\n"
      "### 1. Mục con\n\nTrên đây là báo cáo.\n");
  size_t last = pg.count - 1;
  bool has_runs[4096] = {false};
  ck_assert_uint_gt(pg.elem_count, 20);
  ck_assert_uint_lt(pg.elem_count, 4096);
  ck_assert_int_eq(pg.elems[0].type, BC_STRUCT_DOCUMENT);
  for (size_t e = 1; e < pg.elem_count; e++)
    ck_assert_uint_lt(pg.elems[e].parent, e); /* reading order */
  /* Every run is content of an element that has no children, but the page
   * numbers (none here: one page). */
  for (size_t p = 0; p < pg.count; p++)
    for (size_t r = 0; r < pg.pages[p].run_count; r++) {
      uint32_t e = pg.pages[p].runs[r].elem;
      ck_assert_msg(e > 0 && e < pg.elem_count, "run '%s' is an artifact",
                    run_text(&pg.pages[p].runs[r]));
      has_runs[e] = true;
    }
  for (size_t e = 1; e < pg.elem_count; e++)
    ck_assert(!has_runs[pg.elems[e].parent]);
  /* The frame, in the decree's order. */
  const bc_struct_elem *qh = elem_of(&pg, 0, "CỘNG HÒA");
  ck_assert_int_eq(qh->type, BC_STRUCT_P);
  ck_assert_int_eq(pg.elems[qh->parent].type, BC_STRUCT_DIV);
  ck_assert_int_eq(elem_of(&pg, 0, "UBND TỈNH")->parent, qh->parent);
  ck_assert(elem_of(&pg, 0, "SỞ THÔNG TIN") == elem_of(&pg, 0, "UBND TỈNH"));
  ck_assert(elem_of(&pg, 0, "CỘNG HÒA") < elem_of(&pg, 0, "UBND TỈNH"));
  ck_assert_int_eq(elem_of(&pg, 0, "BÁO CÁO")->type, BC_STRUCT_H1);
  ck_assert(elem_of(&pg, 0, "BÁO CÁO") == elem_of(&pg, 0, "Công tác"));
  ck_assert_int_eq(elem_of(&pg, 0, "I. MỤC MỘT")->type, BC_STRUCT_H2);
  ck_assert_int_eq(elem_of(&pg, 0, "1. Mục con")->type, BC_STRUCT_H3);
  ck_assert_int_eq(elem_of(&pg, 0, "Đoạn văn.")->type, BC_STRUCT_P);
  /* Lists: the marker is the Lbl; an item of one paragraph has its text in
   * the LBody, an item of more in P elements inside it. */
  const bc_struct_elem *one = elem_of(&pg, 0, "Mục một."),
                       *two = elem_of(&pg, 0, "Mục hai:"),
                       *more = elem_of(&pg, 0, "Đoạn thứ hai");
  ck_assert_int_eq(one->type, BC_STRUCT_LBODY);
  ck_assert_int_eq(two->type, BC_STRUCT_P);
  ck_assert_int_eq(more->type, BC_STRUCT_P);
  ck_assert_uint_eq(two->parent, more->parent);
  ck_assert_int_eq(pg.elems[two->parent].type, BC_STRUCT_LBODY);
  const bc_run *dash = find(&pg, 0, "- ");
  ck_assert(dash && dash->count == 2 && dash + 1 == find(&pg, 0, "Mục một."));
  ck_assert_int_eq(pg.elems[dash->elem].type, BC_STRUCT_LBL);
  ck_assert_uint_eq(pg.elems[dash->elem].parent, one->parent); /* the LI */
  ck_assert_int_eq(pg.elems[one->parent].type, BC_STRUCT_LI);
  ck_assert_uint_eq(pg.elems[pg.elems[one->parent].parent].type, BC_STRUCT_L);
  /* The table: TH in the header row, TD below, in TR in the Table. */
  const bc_struct_elem *th = elem_of(&pg, 0, "STT"), *td = elem_of(&pg, 0, "Một");
  ck_assert_int_eq(th->type, BC_STRUCT_TH);
  ck_assert_int_eq(td->type, BC_STRUCT_TD);
  ck_assert_int_eq(pg.elems[td->parent].type, BC_STRUCT_TR);
  ck_assert_uint_eq(pg.elems[th->parent].parent, pg.elems[td->parent].parent);
  ck_assert_int_eq(pg.elems[pg.elems[td->parent].parent].type,
                   BC_STRUCT_TABLE);
  /* Nơi nhận: a list of recipients; the signature block: its lines and a
   * Form for each field. */
  ck_assert_int_eq(elem_of(&pg, last, "Sở Nội vụ")->type, BC_STRUCT_LBODY);
  ck_assert_int_eq(elem_of(&pg, last, "Nơi nhận:")->type, BC_STRUCT_P);
  const bc_struct_elem *kt = elem_of(&pg, last, "KT. GIÁM ĐỐC");
  ck_assert_uint_eq(pg.field_count, 2);
  for (size_t f = 0; f < pg.field_count; f++) {
    ck_assert_int_eq(pg.elems[pg.fields[f].elem].type, BC_STRUCT_FORM);
    ck_assert_uint_eq(pg.elems[pg.fields[f].elem].parent, kt->parent);
    ck_assert(pg.fields[f].label && strlen(pg.fields[f].label) > 10);
  }
  ck_assert_uint_eq(elem_of(&pg, last, "Bùi Thông Nhứt")->parent, kt->parent);
}
END_TEST

START_TEST(test_layout_structure__repeated_table_header_is_an_artifact) {
  char md[60000];
  size_t n = (size_t)snprintf(md, sizeof md,
                              "| STT | Chỉ tiêu | Kết quả |\n|---|---|---|\n");
  for (int i = 1; i <= 120; i++)
    n += (size_t)snprintf(md + n, sizeof md - n, "| %d | Chỉ tiêu số %d | %d |\n",
                          i, i, i * 7);
  bc_pages pg = layout_md(md);
  ck_assert_uint_ge(pg.count, 3);
  for (size_t p = 0; p < pg.count; p++) {
    const bc_run *stt = find(&pg, p, "STT");
    if (!stt)
      continue;
    if (p == 0)
      ck_assert_int_eq(pg.elems[stt->elem].type, BC_STRUCT_TH);
    else
      ck_assert_uint_eq(stt->elem, 0); /* repeated: an artifact */
    /* The page number is an artifact too. */
    char num[24];
    snprintf(num, sizeof num, "%zu", p + 1);
    for (size_t r = 0; p && r < pg.pages[p].run_count; r++)
      if (!strcmp(run_text(&pg.pages[p].runs[r]), num) &&
          pg.pages[p].runs[r].y_pt > frame.page_height - frame.margin_top)
        ck_assert_uint_eq(pg.pages[p].runs[r].elem, 0);
  }
  /* Each row a TR of three cells, one TR per row. */
  size_t tr = 0;
  for (size_t e = 0; e < pg.elem_count; e++)
    if (pg.elems[e].type == BC_STRUCT_TR) {
      size_t cells = 0;
      tr++;
      for (size_t c = e + 1; c < pg.elem_count; c++)
        cells += pg.elems[c].parent == e;
      ck_assert_uint_eq(cells, 3);
    }
  ck_assert_uint_eq(tr, 121);
}
END_TEST

START_TEST(test_layout_body__line_ends_keep_their_space) {
  bc_pages pg = layout_md(filler(3));
  size_t lines = 0;
  for (size_t r = 0; r + 1 < pg.pages[0].run_count; r++) {
    const bc_run *run = &pg.pages[0].runs[r], *next = run + 1;
    char t[2048];
    snprintf(t, sizeof t, "%s", run_text(run));
    if (run->size_pt != 14 || strncmp(run_text(next), "Đoạn", 4) == 0 ||
        run->x_pt > frame.margin_left + frame.first_indent + 0.01 ||
        fabs(next->y_pt - run->y_pt) < 0.01 || !strstr(t, "cải cách"))
      continue;
    /* A line followed by another line of its paragraph ends with the word
     * space, which takes no room: the glyph before it ends the line. */
    const bc_placed_glyph *sp = &run->glyphs[run->count - 1];
    ck_assert_msg(sp->text_len == 1 && sp->text[0] == ' ', "line '%s'", t);
    ck_assert(run->glyphs[run->count - 2].advance_pt + sp->advance_pt > 0);
    ck_assert_msg(fabs(run->x_pt + run_width(run) -
                       (frame.page_width - frame.margin_right)) < 0.01,
                  "'%s' ends at %f", t, run->x_pt + run_width(run));
    lines++;
  }
  ck_assert_uint_ge(lines, 3);
}
END_TEST

/* ---- line breaking on several threads ---- */

/* A report of n paragraphs (headings, a list and a table among them),
 * with a phụ lục of m more, twice: portrait and landscape. Paragraph
 * bad_p of the body and bad_a of the phụ lục (SIZE_MAX: none) end with a
 * character the fonts lack, in a word naming the paragraph. */
static void threads_doc(bc_doc *d,
                        size_t n,
                        size_t m,
                        size_t bad_p,
                        size_t bad_a) {
  static const char *const words[] = {
      "cải cách", "hành chính", "năm 2024", "của", "và",
      "thủ tục", "trực tuyến", "đạt", "tỷ lệ", "https://dichvucong.gov.vn/p/"};
  bc_appendix *app = bc_arena_calloc(&tf.arena, 2, sizeof *app);
  bc_error err;
  bc_buf md[2];
  bc_error_clear(&err);
  for (int part = 0; part < 2; part++) {
    size_t count = part ? m : n, bad = part ? bad_a : bad_p;
    bc_buf_init(&md[part], bc_allocator_default());
    for (size_t i = 0; i < count; i++) {
      if (i % 9 == 4)
        bc_buf_printf(&md[part], "## Mục %zu\n\n", i);
      if (i % 13 == 6)
        bc_buf_printf(&md[part], "| STT | Nội dung %zu | Kết quả |\n"
                                 "|---|---|---|\n| 1 | %s %s | %zu,5%% |\n\n",
                      i, words[i % 10], words[(i * 3) % 10], i);
      bc_buf_printf(&md[part], i % 7 == 3 ? "- " : "");
      for (size_t w = 0; w < 12 + (i * 37) % 60; w++)
        bc_buf_printf(&md[part], "%s%s", w ? " " : "",
                      words[(i * 7 + w * w) % 10]);
      if (i == bad)
        bc_buf_printf(&md[part], " đoạn%zu\xF0\x9F\x98\x80", i);
      bc_buf_printf(&md[part], ".\n\n");
    }
  }
  memset(d, 0, sizeof *d);
  d->parent_name = "UBND TỈNH TÂY NINH";
  d->agency_name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  d->number_line = "Số:        /BC-STTTT";
  d->place_date = "Tây Ninh, ngày      tháng 7 năm 2024";
  d->doc_type = "BÁO CÁO";
  d->subject = "Công tác cải cách hành chính 6 tháng đầu năm 2024";
  bc_block *blocks;
  size_t nb;
  ck_assert_int_eq(bc_markup_parse(&blocks, &nb, bc_buf_cstr(&md[0]),
                                   md[0].len, &tf.arena, &err),
                   0);
  d->blocks = blocks;
  d->block_count = nb;
  ck_assert_int_eq(bc_markup_parse(&blocks, &nb, bc_buf_cstr(&md[1]),
                                   md[1].len, &tf.arena, &err),
                   0);
  for (int k = 0; k < 2; k++) {
    app[k].label = k ? "Phụ lục II" : "Phụ lục I";
    app[k].title = "KẾT QUẢ THỰC HIỆN";
    app[k].reference = "(Kèm theo Báo cáo số      /BC-STTTT)";
    app[k].landscape = k == 1;
    app[k].blocks = blocks;
    app[k].block_count = nb;
  }
  d->appendices = app;
  d->appendix_count = 2;
  d->recipients = recipients;
  d->recipient_count = 3;
  d->signer_lines = signer;
  d->signer_line_count = 2;
  d->signer_name = "Bùi Thông Nhứt";
  bc_buf_free(&md[0]);
  bc_buf_free(&md[1]);
}

/* The document laid out on threads threads: its page dump into *dump
 * (malloc'd), or the error. */
static int layout_threads(char **dump,
                          bc_error *err,
                          const bc_doc *d,
                          unsigned threads) {
  bc_shaper *shapers[4] = {tf.shaper};
  bc_pages pages;
  bc_buf b;
  int rc;
  bc_error_clear(err);
  for (unsigned k = 1; k < threads; k++)
    ck_assert_int_eq(bc_shaper_new(&shapers[k], tf.fonts,
                                   bc_allocator_default(), err),
                     0);
  rc = bc_layout_document_threads(&pages, d, &frame, tf.fonts, shapers,
                                  threads, &tf.arena, err);
  for (unsigned k = 1; k < threads; k++)
    bc_shaper_free(shapers[k]);
  *dump = NULL;
  if (rc)
    return rc;
  bc_buf_init(&b, bc_allocator_default());
  bc_pages_dump(&b, &pages);
  /* What the pages' dump does not show. */
  bc_buf_printf(&b, "elements %zu outline %zu lines %zu p95 %.9f\n",
                pages.elem_count, pages.outline_count, pages.stats.lines,
                pages.stats.space_p95);
  for (size_t i = 0; i < pages.elem_count; i++)
    bc_buf_printf(&b, "%d %u;", (int)pages.elems[i].type,
                  (unsigned)pages.elems[i].parent);
  *dump = strdup(bc_buf_cstr(&b));
  bc_buf_free(&b);
  return 0;
}

/* The pages are the same whatever the number of threads breaking lines;
 * a phụ lục in landscape is broken at its own measure. */
START_TEST(test_layout_threads__same_pages_for_every_count) {
  bc_doc d;
  bc_error err;
  char *one, *more;
  threads_doc(&d, 80, 30, SIZE_MAX, SIZE_MAX);
  ck_assert_int_eq(layout_threads(&one, &err, &d, 1), 0);
  ck_assert_ptr_nonnull(strstr(one, "page 12 run")); /* a long report */
  for (unsigned threads = 2; threads <= 4; threads += 2) {
    ck_assert_int_eq(layout_threads(&more, &err, &d, threads), 0);
    ck_assert_msg(!strcmp(one, more), "%u threads: other pages", threads);
    free(more);
  }
  /* The same document on portrait phụ lục pages only: other lines. */
  ((bc_appendix *)d.appendices)[1].landscape = false;
  ck_assert_int_eq(layout_threads(&more, &err, &d, 2), 0);
  ck_assert(strcmp(one, more) != 0);
  free(more);
  free(one);
}
END_TEST

/* A block that cannot be laid out: the error of the first one, as one
 * thread reports it, however many break lines; in a phụ lục, once the
 * pages before it are made. */
START_TEST(test_layout_threads__first_block_error_wins) {
  static const struct {
    size_t bad_p, bad_a;
    const char *word;
  } cases[] = {{5, SIZE_MAX, "đoạn5"}, {70, SIZE_MAX, "đoạn70"},
               {5, 2, "đoạn5"},        {SIZE_MAX, 2, "đoạn2"},
               {60, 20, "đoạn60"}};
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    bc_doc d;
    bc_error err;
    char *dump, one[BC_ERROR_MESSAGE_SIZE];
    threads_doc(&d, 80, 30, cases[c].bad_p, cases[c].bad_a);
    ck_assert_int_eq(layout_threads(&dump, &err, &d, 1), BC_EDATA);
    ck_assert_msg(strstr(err.message, cases[c].word), "%s", err.message);
    snprintf(one, sizeof one, "%s", err.message);
    for (unsigned threads = 2; threads <= 4; threads++) {
      ck_assert_int_eq(layout_threads(&dump, &err, &d, threads), BC_EDATA);
      ck_assert_str_eq(err.message, one);
    }
  }
}
END_TEST

Suite *layout_suite(void) {
  Suite *s = suite_create("layout");
  TCase *tc = tcase_create("frame");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_layout_frame__header_block);
  tcase_add_test(tc, test_layout_frame__page_numbers_from_page_two);
  tcase_add_test(tc, test_layout_frame__closing_block);
  tcase_add_test(tc, test_layout_frame__closing_block_keeps_two_lines);
  suite_add_tcase(s, tc);
  tc = tcase_create("body");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_layout_body__justified_inside_margins);
  tcase_add_test(tc, test_layout_body__font_expansion);
  tcase_add_test(tc, test_layout_body__no_orphans_no_widows);
  tcase_add_test(tc, test_layout_body__heading_keeps_with_next);
  tcase_add_test(tc, test_layout_body__long_address_breaks_without_overflow);
  tcase_add_test(tc, test_layout_body__word_longer_than_a_cluster_can_be);
  tcase_add_test(tc, test_layout_table__alignment_and_borders);
  tcase_add_test(tc, test_layout_body__line_ends_keep_their_space);
  suite_add_tcase(s, tc);
  tc = tcase_create("structure");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_layout_structure__runs_name_their_elements);
  tcase_add_test(tc, test_layout_structure__repeated_table_header_is_an_artifact);
  suite_add_tcase(s, tc);
  tc = tcase_create("threads");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_layout_threads__same_pages_for_every_count);
  tcase_add_test(tc, test_layout_threads__first_block_error_wins);
  suite_add_tcase(s, tc);
  return s;
}
