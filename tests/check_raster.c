/* tests/check_raster.c: the raster backend on a page model made by hand
 * (rules where they should be, glyph ink inside its box, white elsewhere),
 * PNG round trips, hostile and truncated PNG files, and every allocation
 * failure reported as BC_ENOMEM with nothing leaked. */
#include "common/arena.h"
#include "common/file.h"
#include "raster/raster.h"
#include "testutil.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static tu_fonts tf;

static void setup(void) {
  tu_fonts_open(&tf);
}

static void teardown(void) {
  tu_fonts_close(&tf);
}

/* ---- a page made by hand ---- */

/* At 72 dpi a point is a pixel: the page is 200 x 100 pixels, and a
 * position y_pt from the bottom is the row 100 - y_pt from the top. */
#define PAGE_W 200
#define PAGE_H 100
#define SIZE_PT 40.0

static bc_rule rules[] = {
    {20, 80, 120, 80, 2},   /* rows 19-20, columns 20-119 */
    {150, 10, 150, 60, 1},  /* column 150, rows 40-89 */
    {20, 10, 60, 10, 0.2f}, /* a hairline: still one row, 90 */
};

typedef struct box {
  int x0, y0, x1, y1; /* pixels, [x0, x1) x [y0, y1) */
} box;

/* The rules' pixels, as the comments above say. */
static const box rule_boxes[] = {
    {20, 19, 120, 21}, {150, 40, 151, 90}, {20, 90, 60, 91}};

static bc_placed_glyph glyphs[2];
static bc_run run;
static bc_page page;
static box glyph_boxes[2];

/* Two H at 40 pt from x = 30 on the baseline y = 40 (row 60): the second
 * moved by its offsets, 10 right and 5 up. Each glyph's box is its
 * advance across and the cap height above the baseline, one pixel more
 * all round. */
static void make_page(void) {
  bc_shaped sh;
  bc_error err;
  const bc_face_info *fi = bc_fontset_info(tf.fonts, BC_STYLE_REGULAR);
  ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, BC_STYLE_REGULAR, "H", 1,
                                   &tf.arena, &err),
                   0);
  ck_assert_uint_eq(sh.count, 1);
  float adv = (float)(sh.glyphs[0].x_advance * SIZE_PT / fi->upem);
  int cap = (int)(fi->cap_height * SIZE_PT / fi->upem + 0.999);
  memset(glyphs, 0, sizeof glyphs);
  glyphs[0].gid = sh.glyphs[0].gid;
  glyphs[0].advance_pt = adv;
  glyphs[0].text = "H";
  glyphs[0].text_len = 1;
  glyphs[1] = glyphs[0];
  glyphs[1].x_offset_pt = 10;
  glyphs[1].y_offset_pt = 5;
  run.style = BC_STYLE_REGULAR;
  run.size_pt = (float)SIZE_PT;
  run.x_pt = 30;
  run.y_pt = 40;
  run.glyphs = glyphs;
  run.count = 2;
  glyph_boxes[0] = (box){29, 60 - cap - 1, (int)(30 + adv) + 2, 61};
  glyph_boxes[1] = (box){(int)(30 + adv + 10) - 1, 55 - cap - 1,
                         (int)(30 + 2 * adv + 10) + 2, 56};
  page.width_pt = PAGE_W;
  page.height_pt = PAGE_H;
  page.runs = &run;
  page.run_count = 1;
  page.rules = rules;
  page.rule_count = sizeof rules / sizeof rules[0];
}

static int in_box(const box *b, int x, int y) {
  return x >= b->x0 && x < b->x1 && y >= b->y0 && y < b->y1;
}

static unsigned char px(const bc_image *img, int x, int y) {
  return img->pixels[(size_t)y * img->stride + (size_t)x];
}

/* Dark pixels in b, and the top row and left column that have any. */
static int ink(const bc_image *img, const box *b, int *top, int *left) {
  int n = 0;
  *top = *left = 1 << 20;
  for (int y = b->y0; y < b->y1; y++)
    for (int x = b->x0; x < b->x1; x++)
      if (px(img, x, y) < 128) {
        n++;
        if (y < *top)
          *top = y;
        if (x < *left)
          *left = x;
      }
  return n;
}

START_TEST(test_raster_raster__rules_glyphs_and_white) {
  bc_raster *r = NULL;
  bc_image img;
  bc_error err;
  int top[2], left[2];
  make_page();
  bc_error_clear(&err);
  ck_assert_int_eq(bc_raster_new(&r, tf.fonts, bc_allocator_default(), &err),
                   0);
  ck_assert_msg(bc_raster_page(&img, r, &page, 72, &tf.arena, &err) == 0, "%s",
                err.message);
  ck_assert_uint_eq(img.width, PAGE_W);
  ck_assert_uint_eq(img.height, PAGE_H);
  ck_assert_int_eq(img.format, BC_PIXEL_GRAY);
  /* Rules: solid, exactly where they are, the hairline one pixel. */
  for (size_t i = 0; i < 3; i++)
    for (int y = rule_boxes[i].y0; y < rule_boxes[i].y1; y++)
      for (int x = rule_boxes[i].x0; x < rule_boxes[i].x1; x++)
        ck_assert_msg(px(&img, x, y) == 0, "rule %zu: (%d,%d) is %d", i, x, y,
                      px(&img, x, y));
  /* Glyphs: ink in each box, the second one 5 rows higher and its advance
   * plus 10 pixels to the right. */
  for (int i = 0; i < 2; i++)
    ck_assert_int_gt(ink(&img, &glyph_boxes[i], &top[i], &left[i]), 150);
  ck_assert_int_eq(top[1], top[0] - 5);
  double dx = left[1] - left[0] - (glyphs[0].advance_pt + 10);
  ck_assert_msg(dx > -1.01 && dx < 1.01, "second glyph %.2f pixels off", dx);
  /* Outside rules and glyph boxes, white. */
  for (int y = 0; y < PAGE_H; y++)
    for (int x = 0; x < PAGE_W; x++) {
      int inside =
          in_box(&glyph_boxes[0], x, y) || in_box(&glyph_boxes[1], x, y);
      for (size_t i = 0; i < 3; i++)
        inside |= in_box(&rule_boxes[i], x, y);
      if (!inside)
        ck_assert_msg(px(&img, x, y) == 255, "(%d,%d) is %d", x, y,
                      px(&img, x, y));
    }
  /* The rasteriser is reused: the same page again gives the same pixels,
   * and another resolution scales the page (pdftoppm's rounding up). */
  bc_image again;
  ck_assert_int_eq(bc_raster_page(&again, r, &page, 72, &tf.arena, &err), 0);
  ck_assert_mem_eq(again.pixels, img.pixels, (size_t)PAGE_W * PAGE_H);
  ck_assert_int_eq(bc_raster_page(&again, r, &page, 100, &tf.arena, &err), 0);
  ck_assert_uint_eq(again.width, 278); /* 200 * 100 / 72 = 277.8 */
  ck_assert_uint_eq(again.height, 139);
  bc_raster_free(r);
}
END_TEST

START_TEST(test_raster_raster__bad_input) {
  bc_raster *r = NULL;
  bc_image img;
  bc_error err;
  make_page();
  ck_assert_int_eq(bc_raster_new(&r, tf.fonts, bc_allocator_default(), &err),
                   0);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_raster_page(&img, r, &page, 0.5, &tf.arena, &err),
                   BC_ERROR);
  ck_assert_str_eq(err.message, "resolution 0.5 dpi is not in 1..2400");
  glyphs[1].gid = 60000;
  ck_assert_int_eq(bc_raster_page(&img, r, &page, 72, &tf.arena, &err),
                   BC_EFONT);
  ck_assert_str_eq(err.message, "glyph 60000 is not in the font");
  bc_raster_free(r);
  bc_raster_free(NULL);
}
END_TEST

/* A rule in any other direction is drawn too, anti-aliased along its
 * length and nowhere else. */
START_TEST(test_raster_raster__diagonal_rule) {
  bc_raster *r = NULL;
  bc_image img;
  bc_error err;
  bc_rule diagonal = {10, 10, 90, 90, 2};
  bc_page p = {PAGE_W, PAGE_H, NULL, 0, &diagonal, 1};
  ck_assert_int_eq(bc_raster_new(&r, tf.fonts, bc_allocator_default(), &err),
                   0);
  ck_assert_int_eq(bc_raster_page(&img, r, &p, 72, &tf.arena, &err), 0);
  bc_raster_free(r);
  /* Along the line (x, 100 - x): dark; two pixels or more away: white. */
  for (int x = 12; x < 88; x++) {
    ck_assert_msg(px(&img, x, 100 - x) < 100, "(%d,%d) is %d", x, 100 - x,
                  px(&img, x, 100 - x));
    for (int y = 0; y < PAGE_H; y++)
      if (abs(y - (100 - x)) > 3)
        ck_assert_msg(px(&img, x, y) == 255, "(%d,%d) is %d", x, y,
                      px(&img, x, y));
  }
}
END_TEST

/* ---- PNG ---- */

static char *tmp_path(char *buf, size_t size, const char *name) {
  snprintf(buf, size, "%s/%s", tu_tmpdir(), name);
  return buf;
}

START_TEST(test_raster_png__round_trip) {
  bc_raster *r = NULL;
  bc_image img, back;
  bc_error err;
  const unsigned char *png;
  size_t len;
  char path[512];
  make_page();
  bc_error_clear(&err);
  ck_assert_int_eq(bc_raster_new(&r, tf.fonts, bc_allocator_default(), &err),
                   0);
  ck_assert_int_eq(bc_raster_page(&img, r, &page, 72, &tf.arena, &err), 0);
  bc_raster_free(r);
  ck_assert_int_eq(bc_png_write(&png, &len, &img, &tf.arena, &err), 0);
  ck_assert_mem_eq(png, "\x89PNG\r\n\x1a\n", 8);
  tmp_path(path, sizeof path, "round.png");
  ck_assert_int_eq(bc_file_write_atomic(path, png, len, NULL, &err), 0);
  ck_assert_msg(bc_png_read(&back, path, &tf.arena, &err) == 0, "%s",
                err.message);
  ck_assert_uint_eq(back.width, img.width);
  ck_assert_uint_eq(back.height, img.height);
  ck_assert_int_eq(back.format, BC_PIXEL_RGBA);
  for (unsigned y = 0; y < img.height; y++)
    for (unsigned x = 0; x < img.width; x++) {
      const unsigned char *p = back.pixels + y * back.stride + 4 * x;
      unsigned char g = img.pixels[y * img.stride + x];
      ck_assert_msg(p[0] == g && p[1] == g && p[2] == g && p[3] == 255,
                    "(%u,%u)", x, y);
    }

  /* RGBA with transparency comes back as it was. */
  unsigned char rgba[5 * 7 * 4];
  for (size_t i = 0; i < sizeof rgba; i++)
    rgba[i] = (unsigned char)(i * 37 + 11);
  bc_image in = {7, 5, BC_PIXEL_RGBA, 7 * 4, rgba};
  ck_assert_int_eq(bc_png_write(&png, &len, &in, &tf.arena, &err), 0);
  ck_assert_int_eq(bc_png_decode(&back, png, len, "mem", &tf.arena, &err), 0);
  ck_assert_uint_eq(back.width, 7);
  ck_assert_uint_eq(back.height, 5);
  ck_assert_mem_eq(back.pixels, rgba, sizeof rgba);
}
END_TEST

/* The CRC of PNG chunks (ISO 3309), for making hostile files. */
static uint32_t crc32_png(const unsigned char *p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return c ^ 0xFFFFFFFFu;
}

static void put32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

/* Writes data to path and reads it back as PNG through a counting
 * allocator: the read must fail with BC_EINPUT naming path, leak nothing,
 * and say `want` in its message. */
static void expect_bad(const char *name,
                       const unsigned char *data,
                       size_t len,
                       const char *want) {
  char path[512], msg[800];
  tu_failing_alloc fa;
  bc_arena arena;
  bc_image img;
  bc_error err;
  tmp_path(path, sizeof path, name);
  ck_assert_int_eq(bc_file_write_atomic(path, data, len, NULL, &err), 0);
  tu_failing_alloc_init(&fa, -1, 0);
  bc_arena_init(&arena, &fa.base);
  bc_error_clear(&err);
  int rc = bc_png_read(&img, path, &arena, &err);
  bc_arena_release(&arena);
  ck_assert_msg(rc == BC_EINPUT, "%s: got %d: %s", name, rc, err.message);
  snprintf(msg, sizeof msg, "'%s' %s", path, want);
  ck_assert_msg(strstr(err.message, msg) == err.message, "%s: message '%s'",
                name, err.message);
  ck_assert_msg(fa.live == 0, "%s: leaked %ld blocks", name, fa.live);
}

START_TEST(test_raster_png__hostile_and_truncated_files) {
  bc_image img = {40, 30, BC_PIXEL_GRAY, 40, NULL};
  bc_error err;
  const unsigned char *png;
  size_t len;
  unsigned char *copy;
  char path[512];
  img.pixels = bc_arena_alloc(&tf.arena, 40 * 30);
  for (size_t i = 0; i < 40 * 30; i++)
    img.pixels[i] = (unsigned char)(i * 7);
  ck_assert_int_eq(bc_png_write(&png, &len, &img, &tf.arena, &err), 0);
  copy = bc_arena_alloc(&tf.arena, len);

  /* Cut anywhere: before the signature ends, in IHDR, in IDAT, before
   * IEND. */
  expect_bad("cut7.png", png, 7, "is not a PNG file");
  expect_bad("cut8.png", png, 8, "is truncated");
  expect_bad("cut20.png", png, 20, "is truncated");
  expect_bad("cut40.png", png, 40, "is truncated");
  expect_bad("cuthalf.png", png, len / 2, "is truncated");
  expect_bad("noiend.png", png, len - 12, "is truncated");
  expect_bad("cut1.png", png, len - 1, "is truncated");
  expect_bad("empty.png", png, 0, "is not a PNG file");
  expect_bad("text.png", (const unsigned char *)"GIF89a, not a PNG at all", 24,
             "is not a PNG file");

  /* A damaged byte in the image data (zlib notices first). */
  memcpy(copy, png, len);
  copy[45] ^= 0x55;
  expect_bad("crc.png", copy, len, "is not a usable PNG: IDAT: ");

  /* Headers that ask for too much: 30000 pixels wide, and 5000 x 5000. */
  memcpy(copy, png, len);
  put32(copy + 16, 30000);
  put32(copy + 29, crc32_png(copy + 12, 17));
  expect_bad("wide.png", copy, len, "is not a usable PNG: ");
  put32(copy + 16, 5000);
  put32(copy + 20, 5000);
  put32(copy + 29, crc32_png(copy + 12, 17));
  expect_bad("bomb.png", copy, len,
             "is not a usable PNG: 5000 x 5000 pixels is more than");

  /* Missing. */
  bc_image out;
  tmp_path(path, sizeof path, "none.png");
  ck_assert_int_eq(bc_png_read(&out, path, &tf.arena, &err), BC_EINPUT);
  ck_assert_msg(strstr(err.message, path), "%s", err.message);
}
END_TEST

/* Raster, encode and decode again with alloc (FreeType's and libpng's
 * memory included: both go through it). */
static int raster_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  bc_raster *r = NULL;
  bc_arena arena;
  bc_image img, back;
  const unsigned char *png;
  size_t len;
  int rc;
  (void)ud;
  bc_arena_init(&arena, alloc);
  rc = bc_raster_new(&r, tf.fonts, alloc, err);
  if (!rc)
    rc = bc_raster_page(&img, r, &page, 100, &arena, err);
  if (!rc)
    rc = bc_png_write(&png, &len, &img, &arena, err);
  if (!rc)
    rc = bc_png_decode(&back, png, len, "mem.png", &arena, err);
  bc_raster_free(r);
  bc_arena_release(&arena);
  return rc;
}

static void check_oom(int persistent) {
  make_page();
  /* FreeType and libpng allocate: far more runs than our own code needs. */
  ck_assert_int_gt(tu_every_allocation_failure(persistent, raster_op, NULL),
                   100);
}

START_TEST(test_raster_raster__every_allocation_failure_transient) {
  check_oom(0);
}
END_TEST

START_TEST(test_raster_raster__every_allocation_failure_persistent) {
  check_oom(1);
}
END_TEST

Suite *raster_suite(void) {
  Suite *s = suite_create("raster");
  TCase *tc = tcase_create("raster");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_raster_raster__rules_glyphs_and_white);
  tcase_add_test(tc, test_raster_raster__diagonal_rule);
  tcase_add_test(tc, test_raster_raster__bad_input);
  tcase_add_test(tc, test_raster_raster__every_allocation_failure_transient);
  tcase_add_test(tc, test_raster_raster__every_allocation_failure_persistent);
  suite_add_tcase(s, tc);
  tc = tcase_create("png");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_raster_png__round_trip);
  tcase_add_test(tc, test_raster_png__hostile_and_truncated_files);
  suite_add_tcase(s, tc);
  return s;
}
