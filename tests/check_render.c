/* tests/check_render.c: the whole pipeline through the public API: the
 * sample report renders as PDF, as .docx and .odt drafts, and previews as
 * PNG; bc_check lists every
 * problem of a period's reports; bc_bulk_run writes a manifest, resumes
 * and shards; every allocation failure is reported as BC_ENOMEM with no
 * leak and no output file; data cannot become markup. */
#include "baocao/baocao.h"
#include "common/arena.h"
#include "common/buf.h"
#include "common/file.h"
#include "common/sha256.h"
#include "bulk/bulk_int.h"
#include "testutil.h"

#include <check.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char db_path[512];

/* Loads the two reference reports of samples/ (not the province sample:
 * these tests count the reports of 2023-Q3) into the database at path. */
static void load_reference_samples(const char *path) {
  static const char *const files[] = {"samples/tay_ninh_2024.sql",
                                      "samples/tra_vinh_2023_q3.sql"};
  bc_error err;
  char sql[512];
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
    ck_assert_msg(
        bc_database_load_sql(path, tu_source_path(sql, sizeof sql, files[i]), NULL,
                             &err) == 0,
        "%s: %s", files[i], err.message);
}

/* The sample database, built once per process. */
static const char *sample_db(void) {
  bc_error err;
  if (db_path[0])
    return db_path;
  snprintf(db_path, sizeof db_path, "%s/sample.db", tu_tmpdir());
  ck_assert_int_eq(bc_database_create(db_path, NULL, &err), 0);
  load_reference_samples(db_path);
  return db_path;
}

/* A context on the sources' fonts and templates (or template_dir), with
 * threads threads for a render (0: the default). */
static int new_context_threads(bc_context **ctx,
                               const bc_allocator *alloc,
                               const char *template_dir,
                               unsigned threads,
                               bc_error *err) {
  char fonts[512], templates[512];
  bc_context_options o = BC_CONTEXT_OPTIONS_INIT;
  o.font_dir = tu_source_path(fonts, sizeof fonts, "fonts");
  o.template_dir =
      template_dir ? template_dir
                   : tu_source_path(templates, sizeof templates, "templates");
  o.alloc = alloc;
  o.threads = threads;
  return bc_context_new(ctx, &o, err);
}

static int new_context(bc_context **ctx,
                       const bc_allocator *alloc,
                       const char *template_dir,
                       bc_error *err) {
  return new_context_threads(ctx, alloc, template_dir, 0, err);
}

/* The documented zero options: no crash, a message naming what is missing;
 * with only template_dir set, the system's Liberation Serif serves. */
START_TEST(test_render_render__default_options) {
  char templates[512];
  bc_context_options o = BC_CONTEXT_OPTIONS_INIT;
  bc_context *ctx = NULL;
  bc_error err;
  bc_error_clear(&err);
  ck_assert_int_eq(bc_context_new(&ctx, &o, &err), BC_EINVAL);
  ck_assert_ptr_null(ctx);
  ck_assert_str_eq(err.message,
                   "bc_context_new: opts->template_dir is NULL: the "
                   "directory of the report templates is required");
  ck_assert_int_eq(bc_context_new(&ctx, NULL, &err), BC_EINVAL);
  ck_assert_str_eq(err.message, "bc_context_new: opts is NULL");
  o.template_dir = tu_source_path(templates, sizeof templates, "templates");
  ck_assert_int_eq(bc_context_new(&ctx, &o, &err), 0);
  ck_assert_ptr_nonnull(ctx);
  bc_context_free(ctx);
  bc_font_family_release();
}
END_TEST

START_TEST(test_render_render__sample_report) {
  bc_context *ctx;
  bc_error err;
  bc_render_result res;
  char out[512];
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  snprintf(out, sizeof out, "%s/sample.pdf", tu_tmpdir());
  o.db_path = sample_db();
  o.agency = "STTTT-TV";
  o.period = "2023-Q3";
  o.output_path = out;
  o.created = 1700000000;
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  ck_assert_msg(bc_render(&res, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_ge(res.pages, 3);
  ck_assert_uint_gt(res.lines, 200);
  ck_assert_uint_eq(res.overfull, 0);
  struct stat st;
  ck_assert_int_eq(stat(out, &st), 0);
  ck_assert_uint_eq((size_t)st.st_size, res.bytes);
  /* A second report on the same context reuses fonts and templates. */
  ck_assert_int_eq(bc_render(&res, ctx, &o, &err), 0);
  bc_context_free(ctx);
}
END_TEST

/* A context that prepares its faces for subsetting (prepare_fonts) writes
 * the same PDFs as one that does not, on its first render and after; the
 * input digest, whose part before the data a context keeps per template
 * and flags, is the same too, and still follows the flags. */
START_TEST(test_render_render__prepared_fonts_same_bytes) {
  char fonts[512], templates[512], out[512];
  bc_context_options co = BC_CONTEXT_OPTIONS_INIT;
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  bc_context *plain, *prepared;
  bc_render_result want, got, want_none, got_none;
  bc_error err;
  co.font_dir = tu_source_path(fonts, sizeof fonts, "fonts");
  co.template_dir = tu_source_path(templates, sizeof templates, "templates");
  co.prepare_fonts = 1;
  snprintf(out, sizeof out, "%s/prepared.pdf", tu_tmpdir());
  o.db_path = sample_db();
  o.agency = "STTTT-TV";
  o.period = "2023-Q3";
  o.output_path = out;
  o.created = 1700000000;
  o.input_digest = 1;
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&plain, NULL, NULL, &err), 0);
  ck_assert_int_eq(bc_context_new(&prepared, &co, &err), 0);
  ck_assert_msg(bc_render(&want, plain, &o, &err) == 0, "%s", err.message);
  for (int i = 0; i < 2; i++) {
    ck_assert_msg(bc_render(&got, prepared, &o, &err) == 0, "%s", err.message);
    ck_assert_str_eq(got.sha256, want.sha256);
    ck_assert_uint_eq(got.bytes, want.bytes);
    ck_assert_str_eq(got.input_sha256, want.input_sha256);
  }
  o.pdf_standard = BC_PDF_STANDARD_NONE;
  ck_assert_int_eq(bc_render(&got_none, prepared, &o, &err), 0);
  ck_assert_int_eq(bc_render(&want_none, plain, &o, &err), 0);
  ck_assert_str_eq(got_none.sha256, want_none.sha256);
  ck_assert_str_eq(got_none.input_sha256, want_none.input_sha256);
  ck_assert_str_ne(got_none.input_sha256, want.input_sha256);
  bc_context_free(prepared);
  bc_context_free(plain);
}
END_TEST

/* A render writes the same bytes on 1, 2 and 4 threads (the streams
 * deflated on several, the font subsets made on a second while the
 * pages are written), on a context's first render and on a later one
 * from prepared faces (made on the subsets' thread). */
START_TEST(test_render_render__threads_same_bytes) {
  static const unsigned threads[] = {1, 2, 4};
  char fonts[512], templates[512], out[512];
  unsigned char *want[2] = {NULL, NULL};
  size_t want_len[2] = {0, 0};
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  bc_error err;
  snprintf(out, sizeof out, "%s/threads.pdf", tu_tmpdir());
  o.db_path = sample_db();
  o.agency = "STTTT-TN"; /* 17 pages: 30 streams to share */
  o.period = "2024-01-01..2024-07-31";
  o.output_path = out;
  o.created = 1700000000;
  bc_error_clear(&err);
  for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
    bc_context_options co = BC_CONTEXT_OPTIONS_INIT;
    bc_context *ctx;
    co.font_dir = tu_source_path(fonts, sizeof fonts, "fonts");
    co.template_dir = tu_source_path(templates, sizeof templates, "templates");
    co.threads = threads[t];
    co.prepare_fonts = t == 2; /* 4 threads: faces prepared on the task */
    ck_assert_int_eq(bc_context_new(&ctx, &co, &err), 0);
    for (int r = 0; r < 2; r++) {
      size_t len;
      unsigned char *got;
      ck_assert_msg(bc_render(NULL, ctx, &o, &err) == 0, "%s", err.message);
      got = tu_file_read(out, &len);
      ck_assert_ptr_nonnull(got);
      if (!want[r]) {
        want[r] = got;
        want_len[r] = len;
        continue;
      }
      ck_assert_msg(len == want_len[r] && memcmp(got, want[r], len) == 0,
                    "render %d on %u threads: %zu bytes, not those of 1 "
                    "thread (%zu)",
                    r + 1, threads[t], len, want_len[r]);
      free(got);
    }
    bc_context_free(ctx);
  }
  /* The first and the second render of one context are the same too. */
  ck_assert_uint_eq(want_len[0], want_len[1]);
  ck_assert_int_eq(memcmp(want[0], want[1], want_len[0]), 0);
  free(want[0]);
  free(want[1]);
}
END_TEST

/* Where render_op writes, on how many threads. */
typedef struct render_target {
  const char *out; /* its extension gives the format (.pdf, .docx, .odt) */
  unsigned threads;
} render_target;

/* One sample render with alloc into ud, a render_target; a failed one
 * leaves no file. */
static int render_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  const render_target *target = ud;
  const char *out = target->out;
  bc_context *ctx = NULL;
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  int rc;
  unlink(out);
  rc = new_context_threads(&ctx, alloc, NULL, target->threads, err);
  if (rc == 0) {
    o.db_path = db_path;
    o.agency = "STTTT-TV";
    o.period = "2023-Q3";
    o.output_path = out;
    o.created = 1700000000;
    o.format = bc_format_from_path(out);
    rc = bc_render(NULL, ctx, &o, err);
    bc_context_free(ctx);
  }
  if (rc)
    ck_assert_msg(access(out, F_OK) != 0, "a failed render left a file");
  return rc;
}

/* Fails each allocation of the Trà Vinh render into name in turn: every
 * index, from the context's first to the file's last, is BC_ENOMEM with
 * nothing leaked and no file. (A draft's zip is made by libzip, which
 * allocates with malloc, outside the hook: its failures are not
 * injected.) */
static void check_oom(const char *name, int persistent, unsigned threads) {
  char out[512];
  render_target target = {out, threads};
  long runs;
  snprintf(out, sizeof out, "%s/%s", tu_tmpdir(), name);
  sample_db();
  runs = tu_every_allocation_failure(persistent, render_op, &target);
  printf("%s: %ld allocation indices failed in turn (%s, %u thread%s), each "
         "clean\n",
         name, runs - 1, persistent ? "persistent" : "transient", threads,
         threads == 1 ? "" : "s");
  ck_assert_int_gt(runs, 100);
}

START_TEST(test_render_render__draft_every_allocation_failure) {
  check_oom("oom.docx", 0, 1);
  check_oom("oom.odt", 1, 1);
}
END_TEST

/* Options for the STTTT-TV 2023-Q3 sample into out, created at a fixed
 * time. */
static bc_render_options stttt_tv_options(const char *out) {
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  o.db_path = sample_db();
  o.agency = "STTTT-TV";
  o.period = "2023-Q3";
  o.output_path = out;
  o.created = 1700000000;
  return o;
}

/* The SHA-256 of a file, in hex; *len gets its size. */
static void file_sha256(char hex[BC_SHA256_HEX_SIZE], const char *path,
                        size_t *len) {
  unsigned char digest[BC_SHA256_SIZE], *data;
  ck_assert_ptr_nonnull(data = tu_file_read(path, len));
  bc_sha256(digest, data, *len);
  bc_sha256_hex(hex, digest);
  free(data);
}

START_TEST(test_render_render__drafts) {
  bc_context *ctx;
  bc_error err;
  bc_render_result res;
  char out[512];
  bc_render_options o = stttt_tv_options(out);
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  for (int f = BC_FORMAT_DOCX; f <= BC_FORMAT_ODT; f++) {
    struct stat st;
    snprintf(out, sizeof out, "%s/draft.%s", tu_tmpdir(),
             bc_format_name((bc_format)f));
    o.format = f;
    ck_assert_msg(bc_render(&res, ctx, &o, &err) == 0, "%s", err.message);
    ck_assert_int_eq(stat(out, &st), 0);
    ck_assert_uint_eq((size_t)st.st_size, res.bytes);
    ck_assert_uint_eq(res.pages, 0); /* not laid out */
    ck_assert_uint_eq(strlen(res.sha256), 64);
  }
  o.format = 7;
  ck_assert_int_eq(bc_render(&res, ctx, &o, &err), BC_ERROR);
  ck_assert_str_eq(err.message, "unknown output format 7");
  bc_context_free(ctx);
  ck_assert_int_eq(bc_format_from_path("x/Báo cáo.DOCX"), BC_FORMAT_DOCX);
  ck_assert_int_eq(bc_format_from_path("a.odt"), BC_FORMAT_ODT);
  ck_assert_int_eq(bc_format_from_path("a.pdf"), BC_FORMAT_PDF);
  ck_assert_int_eq(bc_format_from_path("a.odt/x"), -1);
  ck_assert_int_eq(bc_format_from_path("docx"), -1);
  ck_assert_int_eq(bc_format_from_name("odt"), BC_FORMAT_ODT);
  ck_assert_int_eq(bc_format_from_name("ODT"), -1);
}
END_TEST

/* result->sha256 is the file's digest; no_sha256 leaves it "" and the file
 * as it was. */
START_TEST(test_render_render__sha256_of_the_file_or_none) {
  bc_context *ctx;
  bc_error err;
  bc_render_result res;
  char out[512], hex[BC_SHA256_HEX_SIZE];
  size_t len;
  bc_render_options o = stttt_tv_options(out);
  snprintf(out, sizeof out, "%s/sha.pdf", tu_tmpdir());
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  ck_assert_msg(bc_render(&res, ctx, &o, &err) == 0, "%s", err.message);
  file_sha256(hex, out, &len);
  ck_assert_str_eq(res.sha256, hex);
  o.no_sha256 = 1;
  ck_assert_msg(bc_render(&res, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_str_eq(res.sha256, "");
  ck_assert_uint_gt(res.pages, 0);
  file_sha256(hex, out, &len);
  ck_assert_uint_eq(len, res.bytes);
  o.no_sha256 = 0;
  ck_assert_msg(bc_render(&res, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_str_eq(res.sha256, hex); /* the same bytes both ways */
  bc_context_free(ctx);
}
END_TEST

START_TEST(test_render_render__every_allocation_failure_transient) {
  check_oom("oom.pdf", 0, 1);
}
END_TEST

/* On 2 threads: a failure while the font subsets are made on the second
 * thread, or after the streams are recorded, is as clean. */
START_TEST(test_render_render__every_allocation_failure_persistent) {
  check_oom("oom.pdf", 1, 2);
}
END_TEST

static void preview_options(bc_preview_options *o, const char *out) {
  o->db_path = sample_db();
  o->agency = "STTTT-TV";
  o->period = "2023-Q3";
  o->output_path = out;
}

START_TEST(test_render_preview__sample_pages) {
  bc_context *ctx;
  bc_error err;
  bc_preview_result *res = NULL, *first = NULL;
  char out[512];
  unsigned char sig[8];
  struct stat st;
  FILE *f;
  bc_preview_options o = BC_PREVIEW_OPTIONS_INIT;
  snprintf(out, sizeof out, "%s/preview.png", tu_tmpdir());
  unlink(out);
  preview_options(&o, out);
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  /* Page 1 at the default 100 dpi: A4 as pdftoppm sizes it. */
  ck_assert_msg(bc_preview(&res, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_ge(bc_preview_result_pages(res), 3);
  ck_assert_uint_eq(bc_preview_result_width(res), 827);
  ck_assert_uint_eq(bc_preview_result_height(res), 1170);
  ck_assert_double_eq(bc_preview_result_dpi(res), 100);
  ck_assert_ptr_null(bc_preview_result_pixels(res));
  ck_assert_ptr_null(bc_preview_result_png(res));
  ck_assert_uint_eq(bc_preview_result_png_len(res), 0);
  ck_assert_int_eq(stat(out, &st), 0);
  ck_assert_uint_eq((size_t)st.st_size, bc_preview_result_bytes(res));
  f = fopen(out, "rb");
  ck_assert_uint_eq(fread(sig, 1, 8, f), 8);
  fclose(f);
  ck_assert_mem_eq(sig, "\x89PNG\r\n\x1a\n", 8);
  size_t pages = bc_preview_result_pages(res);
  bc_preview_result_free(res);
  res = NULL;

  /* The last page, 100 pixels wide, pixels kept and no file. */
  o.page = pages;
  o.width_px = 100;
  o.keep_pixels = 1;
  o.output_path = NULL;
  ck_assert_int_eq(bc_preview(&res, ctx, &o, &err), 0);
  ck_assert_uint_eq(bc_preview_result_width(res), 100);
  /* 841.89 / 595.276 * 100, rounded up */
  ck_assert_uint_eq(bc_preview_result_height(res), 142);
  ck_assert_uint_eq(bc_preview_result_bytes(res), 0);
  const unsigned char *pixels = bc_preview_result_pixels(res);
  ck_assert_ptr_nonnull(pixels);
  size_t dark = 0;
  for (size_t i = 0; i < (size_t)100 * 142; i++)
    dark += pixels[i] < 200;
  ck_assert_uint_gt(dark, 10);
  bc_preview_result_free(res);
  res = NULL;

  /* Pages the report does not have: named, whose report, no file. */
  unlink(out);
  o.output_path = out;
  o.width_px = 0;
  o.keep_pixels = 0;
  o.page = pages + 1;
  ck_assert_int_eq(bc_preview(&res, ctx, &o, &err), BC_ENOTFOUND);
  ck_assert_ptr_null(res); /* a failed call leaves *out as it was */
  char want[128];
  snprintf(want, sizeof want,
           "page %zu is out of range: the report has %zu pages", pages + 1,
           pages);
  ck_assert_str_eq(err.message, want);
  ck_assert_str_eq(err.agency, "STTTT-TV");
  ck_assert_str_eq(err.period, "2023-Q3");
  ck_assert_msg(access(out, F_OK) != 0, "a failed preview left a file");
  bc_error_clear(&err);

  /* Page 0, the default, is the first page: the same PNG as page 1. */
  o.output_path = NULL;
  o.keep_png = 1;
  o.page = 1;
  ck_assert_int_eq(bc_preview(&first, ctx, &o, &err), 0);
  o.page = 0;
  ck_assert_msg(bc_preview(&res, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_preview_result_width(res), 827);
  ck_assert_uint_gt(bc_preview_result_png_len(first), 8);
  ck_assert_uint_eq(bc_preview_result_png_len(res),
                    bc_preview_result_png_len(first));
  ck_assert_mem_eq(bc_preview_result_png(res), bc_preview_result_png(first),
                   bc_preview_result_png_len(first));
  bc_preview_result_free(res);
  bc_preview_result_free(first);
  bc_preview_result_free(NULL);
  bc_context_free(ctx);
}
END_TEST

/* One preview of page 2 with alloc, PNG and pixels; a failed one leaves
 * no file. */
static int preview_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  const char *out = ud;
  bc_context *ctx = NULL;
  bc_preview_result *res = NULL;
  bc_preview_options o = BC_PREVIEW_OPTIONS_INIT;
  int rc;
  unlink(out);
  rc = new_context(&ctx, alloc, NULL, err);
  if (rc == 0) {
    preview_options(&o, out);
    o.page = 2;
    o.dpi = 50;
    o.keep_pixels = 1;
    o.keep_png = 1;
    rc = bc_preview(&res, ctx, &o, err);
    if (rc == 0) {
      struct stat st;
      ck_assert_int_eq(stat(out, &st), 0);
      ck_assert_uint_eq(bc_preview_result_png_len(res), (size_t)st.st_size);
      ck_assert_uint_eq(bc_preview_result_bytes(res), (size_t)st.st_size);
      ck_assert_int_eq(memcmp(bc_preview_result_png(res), "\x89PNG", 4), 0);
      ck_assert_ptr_nonnull(bc_preview_result_pixels(res));
    } else {
      ck_assert_ptr_null(res);
    }
    bc_preview_result_free(res);
    bc_context_free(ctx);
  }
  if (rc)
    ck_assert_msg(access(out, F_OK) != 0, "a failed preview left a file");
  return rc;
}

/* The Trà Vinh preview makes 735 allocations through the hook (measured
 * 2026-12: 736 runs, transient and persistent alike); a loop that stops
 * early, or never injects, fails this bound. */
#define PREVIEW_MIN_RUNS 600

static void check_preview_oom(int persistent) {
  char out[512];
  long runs;
  snprintf(out, sizeof out, "%s/oom.png", tu_tmpdir());
  sample_db();
  runs = tu_every_allocation_failure(persistent, preview_op, out);
  printf("oom.png: %ld allocation indices failed in turn (%s), each clean\n",
         runs - 1, persistent ? "persistent" : "transient");
  ck_assert_int_gt(runs, PREVIEW_MIN_RUNS);
}

START_TEST(test_render_preview__every_allocation_failure_transient) {
  check_preview_oom(0);
}
END_TEST

START_TEST(test_render_preview__every_allocation_failure_persistent) {
  check_preview_oom(1);
}
END_TEST

/* Markup and template syntax in database text are printed as text. */
START_TEST(test_render_render__data_never_becomes_markup) {
  char dir[512], tpl[600], sql[600], out[600], cmd[1400], *text;
  bc_context *ctx;
  bc_error err;
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  FILE *f;
  snprintf(dir, sizeof dir, "%s/hostile", tu_tmpdir());
  mkdir(dir, 0755);
  snprintf(tpl, sizeof tpl, "%s/cchc_quy.md", dir);
  f = fopen(tpl, "w");
  fputs("---\ntrich_yeu: Thử {{ky.ten}}\n---\nGiá trị: {{thu.chu}} hết.\n\n"
        "{{{narrative.thu}}}\n",
        f);
  fclose(f);
  snprintf(sql, sizeof sql, "%s/hostile.sql", dir);
  f = fopen(sql, "w");
  fputs(
      "INSERT INTO indicator VALUES ('thu.chu', 'thu', 1, 'Chữ', '', 'text');\n"
      "INSERT INTO indicator_value VALUES ('STTTT-TV', '2023-Q3', 'thu.chu', "
      "NULL, '**đậm** _nghiêng_ # tiêu đề {{ky.nam}} <b>x</b> [a](b) | c |');\n"
      "INSERT INTO narrative VALUES ('STTTT-TV', '2023-Q3', 'thu', "
      "'Đoạn {{thu.chu}} {{{narrative.thu}}}');\n",
      f);
  fclose(f);
  snprintf(out, sizeof out, "%s/hostile.db", dir);
  unlink(out);
  ck_assert_int_eq(bc_database_create(out, NULL, &err), 0);
  load_reference_samples(out);
  ck_assert_int_eq(bc_database_load_sql(out, sql, NULL, &err), 0);
  ck_assert_int_eq(new_context(&ctx, NULL, dir, &err), 0);
  o.db_path = out;
  o.agency = "STTTT-TV";
  o.period = "2023-Q3";
  snprintf(tpl, sizeof tpl, "%s/hostile.pdf", dir);
  o.output_path = tpl;
  bc_error_clear(&err);
  int rc = bc_render(NULL, ctx, &o, &err);
  bc_context_free(ctx);
  /* A narrative may cite values but not insert narratives. */
  ck_assert_int_eq(rc, BC_ESYNTAX);
  ck_assert_str_eq(err.file, "narrative 'thu'");
  /* Without the nested narrative the report renders, text intact. */
  f = fopen(sql, "w");
  fputs("UPDATE narrative SET markdown = 'Đoạn {{thu.chu}} cuối.' "
        "WHERE key = 'thu';\n",
        f);
  fclose(f);
  ck_assert_int_eq(bc_database_load_sql(out, sql, NULL, &err), 0);
  ck_assert_int_eq(new_context(&ctx, NULL, dir, &err), 0);
  ck_assert_msg(bc_render(NULL, ctx, &o, &err) == 0, "%s", err.message);
  bc_context_free(ctx);
  snprintf(cmd, sizeof cmd, "pdftotext '%s' - | tr -s ' \\n' '  '", tpl);
  ck_assert_int_eq(tu_run(&text, cmd), 0);
  ck_assert_msg(strstr(text, "Giá trị: **đậm** _nghiêng_ # tiêu đề {{ky.nam}} "
                             "<b>x</b> [a](b) | c | hết."),
                "text: %s", text);
  ck_assert_msg(strstr(text, "Đoạn **đậm** _nghiêng_ # tiêu đề {{ky.nam}} "
                             "<b>x</b> [a](b) | c | cuối."),
                "text: %s", text);
  free(text);
}
END_TEST

/* bc_verify of the signed file ud, through alloc, judged against the
 * signer's certificate as the anchor: the signature checks out. */
static int verify_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  char crt[600];
  const char *anchors[1] = {crt};
  bc_trust_options trust = BC_TRUST_OPTIONS_INIT;
  bc_verify_options vo = BC_VERIFY_OPTIONS_INIT;
  bc_verify_result *r = NULL;
  int rc;
  snprintf(crt, sizeof crt, "%s/t.crt", tu_tmpdir());
  trust.anchors = anchors;
  trust.anchor_count = 1;
  vo.trust = &trust;
  vo.alloc = alloc;
  rc = bc_verify(&r, ud, &vo, err);
  if (rc == 0) {
    ck_assert_int_eq(bc_verify_result_verdict(r), BC_VERDICT_SIGNED);
    ck_assert_uint_eq(bc_verify_result_count(r), 2);
    ck_assert_str_eq(bc_verify_result_signature(r, 0)->signer, "Thử Ký");
    ck_assert_ptr_null(bc_verify_result_signature(r, 2));
    ck_assert_uint_eq(bc_verify_result_revisions(r), 2);
    bc_verify_result_free(r);
  } else {
    ck_assert_ptr_null(r);
  }
  return rc;
}

/* Signing: every allocation failure is BC_ENOMEM, leaks nothing, writes
 * nothing. Then verifying what it signed: the same, each allocation of
 * bc_verify failing in turn (transient, then persistent). */
START_TEST(test_render_sign__every_allocation_failure) {
  char pdf[512], p12[600], out[512], cmd[2048];
  bc_context *ctx;
  bc_error err;
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  snprintf(pdf, sizeof pdf, "%s/tosign.pdf", tu_tmpdir());
  snprintf(out, sizeof out, "%s/signed.pdf", tu_tmpdir());
  snprintf(p12, sizeof p12, "%s/t.p12", tu_tmpdir());
  snprintf(cmd, sizeof cmd,
           "cd '%s' && openssl req -x509 -newkey rsa:2048 -nodes -keyout t.key "
           "-out t.crt -days 30 -subj '/CN=Thử Ký' -utf8 2>/dev/null && "
           "openssl pkcs12 -export -inkey t.key -in t.crt -out t.p12 "
           "-passout pass:x",
           tu_tmpdir());
  ck_assert_int_eq(tu_run(NULL, cmd), 0);
  o.db_path = sample_db();
  o.agency = "STTTT-TV";
  o.period = "2023-Q3";
  o.output_path = pdf;
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  ck_assert_int_eq(bc_render(NULL, ctx, &o, &err), 0);
  bc_context_free(ctx);
  int completed = 0;
  for (long n = 0; !completed; n++) {
    tu_failing_alloc fa;
    bc_sign_options so = BC_SIGN_OPTIONS_INIT;
    int rc;
    unlink(out);
    tu_failing_alloc_init(&fa, n, 0);
    bc_error_clear(&err);
    rc = new_context(&ctx, &fa.base, NULL, &err);
    if (!rc) {
      so.input = pdf;
      so.output = out;
      so.field = "ky_nguoi_co_tham_quyen";
      so.p12_path = p12;
      so.password = "x";
      rc = bc_sign(ctx, &so, &err);
      bc_context_free(ctx);
    }
    if (!fa.failed) {
      ck_assert_msg(rc == 0, "n=%ld: %s", n, err.message);
      completed = 1;
    } else {
      ck_assert_msg(rc == BC_ENOMEM, "allocation %ld failed but got %d: %s", n,
                    rc, err.message);
      ck_assert_msg(access(out, F_OK) != 0, "n=%ld left an output file", n);
    }
    ck_assert_msg(fa.live == 0, "n=%ld leaked %ld blocks", n, fa.live);
  }
  long runs = tu_every_allocation_failure(0, verify_op, out);
  printf("bc_verify: %ld allocation indices failed in turn, each clean\n",
         runs - 1);
  ck_assert_int_gt(runs, 10); /* 15 when written: arena blocks mostly */
  ck_assert_int_eq(tu_every_allocation_failure(1, verify_op, out), runs);
}
END_TEST

/* ---- check.c ------------------------------------------------------- */

/* A fresh copy of the sample database at tmp/<name>.db with the SQL extra
 * run on it; its path in buf. */
static const char *
sample_copy(char *buf, size_t size, const char *name, const char *extra) {
  char sql[600];
  bc_error err;
  FILE *f;
  snprintf(buf, size, "%s/%s.db", tu_tmpdir(), name);
  unlink(buf);
  ck_assert_int_eq(bc_database_create(buf, NULL, &err), 0);
  load_reference_samples(buf);
  snprintf(sql, sizeof sql, "%s/%s.sql", tu_tmpdir(), name);
  f = fopen(sql, "w");
  ck_assert_ptr_nonnull(f);
  fputs(extra, f);
  fclose(f);
  ck_assert_msg(bc_database_load_sql(buf, sql, NULL, &err) == 0, "%s", err.message);
  return buf;
}

/* The problems of report i, formatted, one per line. */
static const char *problems(const bc_check_result *r, size_t i) {
  static char buf[8192];
  size_t n = 0;
  buf[0] = '\0';
  ck_assert_uint_lt(i, bc_check_result_report_count(r));
  for (size_t k = 0; k < bc_check_result_report(r, i)->problem_count; k++) {
    char line[2048];
    n += (size_t)snprintf(
        buf + n, sizeof buf - n, "%s\n",
        bc_check_problem_format(&bc_check_result_report(r, i)->problems[k], line, sizeof line));
    ck_assert_uint_lt(n, sizeof buf);
  }
  return buf;
}

static const char broken_sql[] =
    "DELETE FROM indicator_value WHERE agency_code = 'STTTT-TV' AND "
    "indicator_code IN ('tthc.so_hoa', 'chi_dao.tin_cchc_dang_tai');\n"
    "UPDATE narrative SET markdown = ' \n ' WHERE agency_code = 'STTTT-TV' "
    "AND key = 'chi_dao_danh_gia';\n"
    "UPDATE report SET signer_id = NULL WHERE agency_code = 'STTTT-TV';\n"
    "DELETE FROM recipient WHERE agency_code = 'STTTT-TV';\n";

START_TEST(test_render_check__sample_is_complete) {
  bc_context *ctx;
  bc_error err;
  bc_check_result *r = NULL;
  bc_check_options o = BC_CHECK_OPTIONS_INIT;
  o.db_path = sample_db();
  o.period = "2023-Q3";
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  ck_assert_msg(bc_check(&r, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_check_result_report_count(r), 1);
  ck_assert_uint_eq(bc_check_result_incomplete(r), 0);
  ck_assert_str_eq(bc_check_result_report(r, 0)->agency, "STTTT-TV");
  ck_assert_str_eq(bc_check_result_report(r, 0)->template_name, "cchc_quy");
  ck_assert_uint_eq(bc_check_result_report(r, 0)->problem_count, 0);
  ck_assert_ptr_null(bc_check_result_report(r, 1));
  bc_check_result_free(r);
  bc_check_result_free(NULL);
  /* an unknown period is an error, worded as render words it */
  o.period = "2099-Q1";
  ck_assert_int_eq(bc_check(&r, ctx, &o, &err), BC_ENOTFOUND);
  char line[1200], want[1200];
  snprintf(want, sizeof want, "%s: unknown period '2099-Q1'", o.db_path);
  ck_assert_str_eq(bc_error_format(&err, line, sizeof line), want);
  bc_context_free(ctx);
}
END_TEST

/* Every problem of a report at once, where the templates meet it; render
 * still stops at "no signer". */
START_TEST(test_render_check__lists_every_problem) {
  char db[512], want[4096], tpl[512], out[600];
  bc_context *ctx;
  bc_error err;
  bc_check_result *r = NULL;
  bc_check_options o = BC_CHECK_OPTIONS_INIT;
  bc_render_options ro = BC_RENDER_OPTIONS_INIT;
  tu_source_path(tpl, sizeof tpl, "templates");
  o.db_path = sample_copy(db, sizeof db, "check_broken", broken_sql);
  o.period = "2023-Q3";
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  ck_assert_msg(bc_check(&r, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_check_result_report_count(r), 1);
  ck_assert_uint_eq(bc_check_result_incomplete(r), 1);
  snprintf(want, sizeof want,
           "empty narrative 'chi_dao_danh_gia' (%s/cchc/chi_dao.md:6:49)\n"
           "missing indicator 'chi_dao.tin_cchc_dang_tai' (narrative "
           "'chi_dao_tuyen_truyen':3:438 via %s/cchc/chi_dao.md:12:1)\n"
           "missing indicator 'tthc.so_hoa' (narrative 'tthc_so_hoa':1:34 via "
           "%s/cchc/tthc.md:12:69)\n"
           "no signer\n"
           "no recipients\n",
           tpl, tpl, tpl);
  ck_assert_str_eq(problems(r, 0), want);
  const bc_check_problem *p = bc_check_result_report(r, 0)->problems;
  ck_assert_int_eq(p[0].kind, BC_CHECK_EMPTY_NARRATIVE);
  ck_assert_int_eq(p[0].code, 0);
  ck_assert_str_eq(p[0].name, "chi_dao_danh_gia");
  ck_assert_int_eq(p[2].kind, BC_CHECK_MISSING_VALUE);
  ck_assert_int_eq(p[2].code, BC_EDATA);
  ck_assert_str_eq(p[2].name, "tthc.so_hoa");
  ck_assert_int_eq(p[3].kind, BC_CHECK_NO_SIGNER);
  ck_assert_int_eq(p[4].kind, BC_CHECK_NO_RECIPIENTS);
  ck_assert_int_eq(p[4].code, 0);
  bc_check_result_free(r);

  /* the render stops at the signer, with the message it always had */
  snprintf(out, sizeof out, "%s/check_broken.pdf", tu_tmpdir());
  ro.db_path = db;
  ro.agency = "STTTT-TV";
  ro.period = "2023-Q3";
  ro.output_path = out;
  ck_assert_int_eq(bc_render(NULL, ctx, &ro, &err), BC_EDATA);
  snprintf(want, sizeof want,
           "%s: the report has no signer (agency STTTT-TV, period 2023-Q3)",
           db);
  ck_assert_str_eq(bc_error_format(&err, tpl, sizeof tpl), want);
  bc_context_free(ctx);
}
END_TEST

/* --agencies: only those, each once, in code order; one without a report
 * in the period is reported as render would report it. */
START_TEST(test_render_check__chosen_agencies) {
  static const char *const agencies[] = {"STTTT-TV", "NOPE", "STTTT-TN",
                                         "STTTT-TV"};
  char want[1200], line[1200];
  bc_context *ctx;
  bc_error err;
  bc_check_result *r = NULL;
  bc_check_options o = BC_CHECK_OPTIONS_INIT;
  o.db_path = sample_db();
  o.period = "2023-Q3";
  o.agencies = agencies;
  o.agency_count = 4;
  bc_error_clear(&err);
  ck_assert_int_eq(new_context(&ctx, NULL, NULL, &err), 0);
  ck_assert_msg(bc_check(&r, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_check_result_report_count(r), 3);
  ck_assert_uint_eq(bc_check_result_incomplete(r), 2);
  ck_assert_str_eq(bc_check_result_report(r, 0)->agency, "NOPE");
  ck_assert_ptr_null(bc_check_result_report(r, 0)->template_name);
  ck_assert_uint_eq(bc_check_result_report(r, 0)->problem_count, 1);
  ck_assert_int_eq(bc_check_result_report(r, 0)->problems[0].kind, BC_CHECK_FAILED);
  ck_assert_int_eq(bc_check_result_report(r, 0)->problems[0].code, BC_ENOTFOUND);
  snprintf(want, sizeof want, "%s: unknown agency 'NOPE'", o.db_path);
  ck_assert_str_eq(
      bc_check_problem_format(&bc_check_result_report(r, 0)->problems[0], line, sizeof line),
      want);
  ck_assert_str_eq(bc_check_result_report(r, 1)->agency, "STTTT-TN");
  snprintf(want, sizeof want,
           "%s: no report for agency 'STTTT-TN' in period '2023-Q3'\n",
           o.db_path);
  ck_assert_str_eq(problems(r, 1), want);
  ck_assert_str_eq(bc_check_result_report(r, 2)->agency, "STTTT-TV");
  ck_assert_uint_eq(bc_check_result_report(r, 2)->problem_count, 0);
  bc_check_result_free(r);
  bc_context_free(ctx);
}
END_TEST

/* What stops every report of a template: the error line render prints,
 * from compiling (syntax) or from the markup step (front matter). */
START_TEST(test_render_check__template_errors) {
  char dir[512], path[600], want[1400];
  bc_context *ctx;
  bc_error err;
  bc_check_result *r = NULL;
  bc_check_options o = BC_CHECK_OPTIONS_INIT;
  FILE *f;
  snprintf(dir, sizeof dir, "%s/check_tpl", tu_tmpdir());
  mkdir(dir, 0755);
  snprintf(path, sizeof path, "%s/cchc_quy.md", dir);
  o.db_path = sample_db();
  o.period = "2023-Q3";
  bc_error_clear(&err);

  f = fopen(path, "w");
  fputs("---\ntrich_yeu: Thử\n---\nĐoạn {{#if ky.nam}}mở.\n", f);
  fclose(f);
  ck_assert_int_eq(new_context(&ctx, NULL, dir, &err), 0);
  ck_assert_msg(bc_check(&r, ctx, &o, &err) == 0, "%s", err.message);
  snprintf(want, sizeof want, "%s:4:6: {{#if}} opened here is never closed\n",
           path);
  ck_assert_str_eq(problems(r, 0), want);
  ck_assert_int_eq(bc_check_result_report(r, 0)->problems[0].code, BC_ESYNTAX);
  bc_check_result_free(r);
  bc_context_free(ctx);

  f = fopen(path, "w");
  fputs("Không có phần đầu. {{tthc.so_hoa | ngay}}\n", f);
  fclose(f);
  ck_assert_int_eq(new_context(&ctx, NULL, dir, &err), 0);
  ck_assert_msg(bc_check(&r, ctx, &o, &err) == 0, "%s", err.message);
  /* a problem that stops the render: the markup step is not run */
  snprintf(want, sizeof want,
           "formatter 'ngay' needs a date, 'tthc.so_hoa' is a number "
           "(%s:1:36)\n",
           path);
  ck_assert_str_eq(problems(r, 0), want);
  bc_check_result_free(r);
  bc_context_free(ctx);

  f = fopen(path, "w");
  fputs("Không có phần đầu.\n", f);
  fclose(f);
  ck_assert_int_eq(new_context(&ctx, NULL, dir, &err), 0);
  ck_assert_msg(bc_check(&r, ctx, &o, &err) == 0, "%s", err.message);
  ck_assert_str_eq(problems(r, 0),
                   "the template sets no 'trich_yeu' (subject line) in its "
                   "front matter\n");
  bc_check_result_free(r);
  bc_context_free(ctx);
}
END_TEST

/* Every allocation failure in bc_check (context, templates, audit, the
 * result) is BC_ENOMEM with nothing leaked. */
static int check_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  const char *db = ud;
  bc_context *ctx = NULL;
  bc_check_result *r = NULL;
  bc_check_options o = BC_CHECK_OPTIONS_INIT;
  int rc = new_context(&ctx, alloc, NULL, err);
  if (rc == 0) {
    o.db_path = db;
    o.period = "2023-Q3";
    rc = bc_check(&r, ctx, &o, err);
    if (rc == 0) {
      ck_assert_uint_eq(bc_check_result_report_count(r), 1);
      ck_assert_uint_eq(bc_check_result_report(r, 0)->problem_count, 5);
      bc_check_result_free(r);
    }
    bc_context_free(ctx);
  }
  return rc;
}

START_TEST(test_render_check__every_allocation_failure) {
  char db[512];
  sample_copy(db, sizeof db, "check_oom", broken_sql);
  ck_assert_int_gt(tu_every_allocation_failure(0, check_op, db), 50);
  ck_assert_int_gt(tu_every_allocation_failure(1, check_op, db), 50);
}
END_TEST

/* ---- bulk.c and manifest.c ---------------------------------------- */

/* The sample plus a second 2023-Q3 agency with a hostile code whose data
 * lacks an indicator: one report renders, one fails. */
static const char second_agency_sql[] =
    "INSERT INTO agency (code, name, full_name, parent_name, symbol, place) "
    "SELECT '../x\"y', name, full_name, parent_name, "
    "symbol, place FROM agency WHERE code = 'STTTT-TV';\n"
    "INSERT INTO report SELECT '../x\"y', period_code, template, number, "
    "issued_on, signer_id, archive_unit FROM report "
    "WHERE agency_code = 'STTTT-TV';\n"
    "INSERT INTO recipient SELECT '../x\"y', template, position, text "
    "FROM recipient WHERE agency_code = 'STTTT-TV';\n"
    "INSERT INTO indicator_value SELECT '../x\"y', period_code, "
    "indicator_code, num, text FROM indicator_value "
    "WHERE agency_code = 'STTTT-TV' AND indicator_code <> 'tthc.so_hoa';\n"
    "INSERT INTO narrative SELECT '../x\"y', period_code, key, markdown "
    "FROM narrative WHERE agency_code = 'STTTT-TV';\n";

typedef struct bulk_seen {
  size_t items;
  bc_bulk_status status[4];
  int error_code; /* of the last failure */
} bulk_seen;

static void
count_item(void *ud, const bc_bulk_item *item, const bc_bulk_progress *p) {
  bulk_seen *seen = ud;
  ck_assert_uint_eq(p->done, seen->items + 1);
  if (seen->items < 4)
    seen->status[seen->items] = item->status;
  if (item->status == BC_BULK_FAILED)
    seen->error_code = item->error->code;
  seen->items++;
}

static void bulk_options(bc_bulk_options *o,
                         const char *db,
                         const char *out_dir,
                         char fonts[512],
                         char templates[512]) {
  o->db_path = db;
  o->period = "2023-Q3";
  o->out_dir = out_dir;
  o->font_dir = tu_source_path(fonts, 512, "fonts");
  o->template_dir = tu_source_path(templates, 512, "templates");
  o->created = 1700000000;
}

static char *read_text(const char *path) {
  char *out = NULL;
  char cmd[1100];
  snprintf(cmd, sizeof cmd, "cat '%s'", path);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  return out;
}

START_TEST(test_render_bulk__manifest_and_resume) {
  char db[512], out_dir[512], fonts[512], templates[512], path[1024];
  bc_bulk_options o = BC_BULK_OPTIONS_INIT;
  bc_bulk_summary sum;
  bulk_seen seen = {0};
  bc_error err;
  char *manifest, *sha;
  struct stat st, st2;

  sample_copy(db, sizeof db, "bulk", second_agency_sql);
  snprintf(out_dir, sizeof out_dir, "%s/bulk-out/2023-Q3", tu_tmpdir());
  bulk_options(&o, db, out_dir, fonts, templates);
  o.workers = 2;
  o.on_item = count_item;
  o.on_item_ud = &seen;
  ck_assert_msg(bc_bulk_run(&sum, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(sum.total, 2);
  ck_assert_uint_eq(sum.rendered, 1);
  ck_assert_uint_eq(sum.failed, 1);
  ck_assert_uint_eq(sum.current, 0);
  ck_assert_uint_eq(sum.workers, 2);
  ck_assert_uint_eq(seen.items, 2);
  ck_assert_int_eq(seen.error_code, BC_EDATA);

  /* The hostile code's report failed, and nothing left the directory. */
  snprintf(path, sizeof path, "%s/bulk-out/x\"y.pdf", tu_tmpdir());
  ck_assert_int_ne(access(path, F_OK), 0);
  snprintf(path, sizeof path, "%s/STTTT-TV.pdf", out_dir);
  ck_assert_int_eq(stat(path, &st), 0);
  ck_assert_uint_eq((size_t)st.st_size, sum.bytes);

  /* The manifest: the failure first (its code sorts first), escaped. */
  snprintf(path, sizeof path, "%s/manifest.jsonl", out_dir);
  ck_assert_str_eq(sum.manifest_path, path);
  manifest = read_text(path);
  ck_assert_ptr_nonnull(
      strstr(manifest, "{\"agency\":\"../x\\\"y\",\"template\":\"cchc_quy\","
                       "\"period\":\"2023-Q3\",\"output\":\""));
  ck_assert_ptr_nonnull(strstr(manifest, "\"status\":\"failed\",\"pages\":0,"
                                         "\"bytes\":0,\"sha256\":null,"));
  ck_assert_ptr_nonnull(strstr(manifest, "missing indicator 'tthc.so_hoa'"));
  ck_assert_ptr_nonnull(strstr(manifest, "\"error_code\":\"data\"}\n{"
                                         "\"agency\":\"STTTT-TV\""));
  ck_assert_ptr_nonnull(strstr(manifest, "\"status\":\"rendered\""));
  snprintf(path, sizeof path, "sha256sum '%s/STTTT-TV.pdf' | cut -c1-64",
           out_dir);
  ck_assert_int_eq(tu_run(&sha, path), 0);
  sha[64] = '\0';
  snprintf(path, sizeof path, "\"sha256\":\"%s\"", sha);
  ck_assert_ptr_nonnull(strstr(manifest, path));
  free(sha);

  /* A killed run's manifest: its last line cut short. --resume keeps the
   * report (same file, same inputs) and leaves one whole line per
   * report. */
  snprintf(path, sizeof path, "%s/manifest.jsonl", out_dir);
  FILE *f = fopen(path, "a");
  fputs("{\"agency\":\"STTTT-TV\",\"templ", f);
  fclose(f);
  free(manifest);
  o.resume = 1;
  seen.items = 0;
  ck_assert_msg(bc_bulk_run(&sum, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(sum.current, 1);
  ck_assert_uint_eq(sum.rendered, 0);
  ck_assert_uint_eq(sum.failed, 1);
  snprintf(path, sizeof path, "%s/STTTT-TV.pdf", out_dir);
  ck_assert_int_eq(stat(path, &st2), 0);
  ck_assert_int_eq(st2.st_mtime, st.st_mtime);
  ck_assert_int_eq(st2.st_ino, st.st_ino); /* not written again */
  snprintf(path, sizeof path, "%s/manifest.jsonl", out_dir);
  manifest = read_text(path);
  ck_assert_ptr_nonnull(strstr(manifest, "\"status\":\"current\""));
  ck_assert_ptr_null(strstr(manifest, "\"templ\n"));
  size_t lines = 0;
  for (const char *c = manifest; *c; c++)
    lines += *c == '\n';
  ck_assert_uint_eq(lines, 2);
  free(manifest);

  /* A different template file makes the report stale. */
  char tmpl_copy[512], cmd[4096];
  snprintf(tmpl_copy, sizeof tmpl_copy, "%s/bulk-templates", tu_tmpdir());
  snprintf(cmd, sizeof cmd,
           "rm -rf '%s' && cp -r '%s' '%s' && echo 'Thêm một dòng.' >> "
           "'%s/cchc_quy.md'",
           tmpl_copy, templates, tmpl_copy, tmpl_copy);
  ck_assert_int_eq(tu_run(NULL, cmd), 0);
  o.template_dir = tmpl_copy;
  seen.items = 0;
  ck_assert_msg(bc_bulk_run(&sum, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(sum.rendered, 1);
  ck_assert_uint_eq(sum.current, 0);
}
END_TEST

static const char long_names_sql[] =
    "INSERT INTO agency (code, name, full_name, parent_name, symbol, place) "
    "SELECT 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', name, full_name, parent_name, symbol, place "
    "FROM agency WHERE code = 'STTTT-TV';\n"
    "INSERT INTO report SELECT 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', period_code, t.name, number, "
    "issued_on, signer_id, archive_unit FROM report, "
    "(SELECT 'cchc_quy' AS name UNION SELECT 'cchc_quy_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') AS t "
    "WHERE agency_code = 'STTTT-TV';\n"
    "INSERT INTO recipient SELECT 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', t.name, position, text "
    "FROM recipient, (SELECT 'cchc_quy' AS name UNION SELECT 'cchc_quy_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') AS t "
    "WHERE agency_code = 'STTTT-TV' AND template = 'cchc_quy';\n"
    "INSERT INTO indicator_value SELECT 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', period_code, "
    "indicator_code, num, text FROM indicator_value "
    "WHERE agency_code = 'STTTT-TV';\n"
    "INSERT INTO narrative SELECT 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', period_code, key, markdown "
    "FROM narrative WHERE agency_code = 'STTTT-TV';\n";
/* An agency with two reports whose codes are long: AGENCY+TEMPLATE.pdf is
 * cut to NAME_MAX less a temporary's suffix (TEMPLATE cut and hashed), so
 * the temporary's stem is the whole name and a killed run's temporary is
 * found and removed. */
START_TEST(test_render_bulk__long_names_leave_room_for_the_temporary) {
  char db[512], out_dir[512], fonts[512], templates[512], tmpl_copy[512];
  char cmd[4096], path[2048], stale[1024] = "";
  const char *agencies[] = {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"};
  bc_bulk_options o = BC_BULK_OPTIONS_INIT;
  bc_bulk_summary sum;
  bc_error err;
  size_t names = 0;
  DIR *dir;
  struct dirent *de;

  sample_copy(db, sizeof db, "bulk_long", long_names_sql);
  snprintf(out_dir, sizeof out_dir, "%s/bulk-long", tu_tmpdir());
  bulk_options(&o, db, out_dir, fonts, templates);
  snprintf(tmpl_copy, sizeof tmpl_copy, "%s/bulk-long-templates",
           tu_tmpdir());
  snprintf(cmd, sizeof cmd,
           "rm -rf '%s' '%s' && cp -r '%s' '%s' && "
           "cp '%s/cchc_quy.md' '%s/cchc_quy_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.md'",
           tmpl_copy, out_dir, templates, tmpl_copy, tmpl_copy, tmpl_copy);
  ck_assert_int_eq(tu_run(NULL, cmd), 0);
  o.template_dir = tmpl_copy;
  o.agencies = agencies;
  o.agency_count = 1;
  ck_assert_msg(bc_bulk_run(&sum, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(sum.rendered, 2);
  ck_assert_uint_eq(sum.failed, 0);

  /* AGENCY+cchc_quy.pdf whole; the other cut to 244 bytes, hashed. */
  ck_assert_ptr_nonnull(dir = opendir(out_dir));
  while ((de = readdir(dir)) != NULL) {
    size_t n = strlen(de->d_name);
    if (n < 4 || strcmp(de->d_name + n - 4, ".pdf"))
      continue;
    names++;
    ck_assert_int_eq(strncmp(de->d_name, agencies[0], 150), 0);
    ck_assert_int_eq(de->d_name[150], '+');
    if (!strcmp(de->d_name + 151, "cchc_quy.pdf"))
      continue;
    ck_assert_uint_eq(n, NAME_MAX - BC_FILE_TEMP_SUFFIX_LEN);
    ck_assert_int_eq(strncmp(de->d_name + 151, "cchc_quy_xxx", 12), 0);
    ck_assert_int_eq(de->d_name[n - 13], '-'); /* -XXXXXXXX.pdf */
    snprintf(stale, sizeof stale, "%s/%s.tmp-AbC123", out_dir, de->d_name);
  }
  closedir(dir);
  ck_assert_uint_eq(names, 2);

  /* A killed run's temporary of the long name goes with the next run. */
  ck_assert_str_ne(stale, "");
  snprintf(cmd, sizeof cmd, "touch '%s'", stale);
  ck_assert_int_eq(tu_run(NULL, cmd), 0);
  o.resume = 1;
  ck_assert_msg(bc_bulk_run(&sum, &o, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(sum.current, 2);
  ck_assert_int_ne(access(stale, F_OK), 0);
  snprintf(path, sizeof path, "%s/manifest.jsonl", out_dir);
  ck_assert_int_eq(access(path, F_OK), 0);
}
END_TEST

START_TEST(test_render_bulk__shards_and_errors) {
  char db[512], out_dir[512], fonts[512], templates[512];
  bc_bulk_options o = BC_BULK_OPTIONS_INIT;
  bc_bulk_summary sum;
  bc_error err;
  size_t total = 0;
  const char *agencies[] = {"STTTT-TV", "NOPE"};

  /* The shard of a code is fixed (FNV-1a): these values never change. */
  ck_assert_uint_eq(bc_shard_of("STTTT-TV", 1), 1);
  ck_assert_uint_eq(bc_shard_of("", 3), 2166136261u % 3 + 1);
  for (unsigned k = 1; k <= 3; k++)
    ck_assert_uint_le(bc_shard_of("P01-A001", 3), 3);

  sample_copy(db, sizeof db, "bulk_shards", second_agency_sql);
  snprintf(out_dir, sizeof out_dir, "%s/bulk-shards", tu_tmpdir());
  bulk_options(&o, db, out_dir, fonts, templates);
  o.shard_count = 3;
  for (unsigned k = 1; k <= 3; k++) {
    char expect[1024];
    o.shard_index = k;
    ck_assert_msg(bc_bulk_run(&sum, &o, &err) == 0, "%s", err.message);
    snprintf(expect, sizeof expect, "%s/manifest-%u-of-3.jsonl", out_dir, k);
    ck_assert_str_eq(sum.manifest_path, expect);
    total += sum.total;
  }
  ck_assert_uint_eq(total, 2);

  o.shard_index = 4;
  ck_assert_int_eq(bc_bulk_run(&sum, &o, &err), BC_ERROR);
  o.shard_index = 0;
  o.shard_count = 0;
  o.agencies = agencies;
  o.agency_count = 2;
  ck_assert_int_eq(bc_bulk_run(&sum, &o, &err), BC_ENOTFOUND);
  ck_assert_str_eq(err.message,
                   "agency 'NOPE' has no report for period '2023-Q3'");
  o.agency_count = 1;
  o.period = "1999-Q1";
  ck_assert_int_eq(bc_bulk_run(&sum, &o, &err), BC_ENOTFOUND);
}
END_TEST

/* Whatever the database holds, a manifest line is one valid JSON object
 * that reads back to the same strings. */
START_TEST(test_render_bulk__manifest_lines_escape_everything) {
  bc_bulk_item item;
  bc_error e;
  bc_buf b;
  bc_arena a;
  char path[512];
  bc_manifest_entry *entries;
  size_t n;
  int nl;
  const char *hostile = "a\"b\\c\n\t\x01/\xff đ";
  memset(&item, 0, sizeof item);
  item.agency = hostile;
  item.template_name = "cchc_quy";
  item.output_path = "out/x.pdf";
  item.status = BC_BULK_FAILED;
  bc_error_clear(&e);
  e.code = BC_EDATA;
  snprintf(e.message, sizeof e.message, "bad \"%s\"", hostile);
  item.error = &e;
  bc_buf_init(&b, bc_allocator_default());
  bc_bulk__manifest_line(&b, &item, "2023-Q3");
  item.status = BC_BULK_RENDERED;
  item.agency = "STTTT-TV";
  item.pages = 11;
  item.bytes = 1234;
  memset(item.sha256, 'a', 64);
  memset(item.input_sha256, 'b', 64);
  bc_bulk__manifest_line(&b, &item, "2023-Q3");
  bc_buf_puts(&b, "{\"agency\":\"cut"); /* a killed writer's last line */
  ck_assert_int_eq(bc_buf_check(&b, &e), 0);
  ck_assert_msg(strstr(b.data, "\"agency\":\"a\\\"b\\\\c\\n\\t"
                               "\\u0001/\xef\xbf\xbd \xc4\x91\""),
                "%s", b.data);
  snprintf(path, sizeof path, "%s/escape.jsonl", tu_tmpdir());
  ck_assert_int_eq(bc_file_write_atomic(path, b.data, b.len, NULL, &e), 0);
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_bulk__manifest_read(&entries, &n, &nl, path, &a, &e), 0);
  ck_assert_uint_eq(n, 2);
  ck_assert_int_eq(nl, 0);
  ck_assert_str_eq(entries[0].agency, "a\"b\\c\n\t\x01/\xef\xbf\xbd đ");
  ck_assert_str_eq(entries[0].status, "failed");
  ck_assert_ptr_null(entries[0].sha256);
  ck_assert_str_eq(entries[1].agency, "STTTT-TV");
  ck_assert_int_eq(entries[1].pages, 11);
  ck_assert_int_eq(entries[1].bytes, 1234);
  ck_assert_uint_eq(strlen(entries[1].sha256), 64);
  snprintf(path, sizeof path, "%s/no-such-manifest.jsonl", tu_tmpdir());
  ck_assert_int_eq(bc_bulk__manifest_read(&entries, &n, &nl, path, &a, &e), 0);
  ck_assert_uint_eq(n, 0);
  bc_arena_release(&a);
  bc_buf_free(&b);
}
END_TEST

/* Which lines --resume takes: one flat JSON object each, as strict as the
 * hand-written reader that came before cJSON. */
START_TEST(test_render_bulk__manifest_lines_strict) {
  static const char *const lines[] = {
      /* taken */
      "{\"agency\":\"A\",\"template\":\"t\",\"output\":\"o\",\"status\":\"s\","
      "\"pages\":3,\"bytes\":4,\"sha256\":null,\"ms\":1.5,\"x\":true} \r",
      "{\"agency\":\"B\",\"agency\":\"B2\",\"template\":\"t\",\"output\":\"o\","
      "\"status\":\"s\",\"pages\":\"7\"}",
      /* skipped */
      "{\"agency\":\"C\tx\",\"template\":\"t\",\"output\":\"o\",\"status\":"
      "\"s\"}",
      "{\"agency\":\"D\\u0000\",\"template\":\"t\",\"output\":\"o\","
      "\"status\":\"s\"}",
      "{\"agency\":\"E\",\"template\":\"t\",\"output\":\"o\",\"status\":\"s\","
      "\"n\":[1]}",
      "{\"agency\":\"F\",\"template\":\"t\",\"output\":\"o\",\"status\":\"s\"}"
      " x",
      "{\"agency\":\"G\",\"template\":\"t\",\"output\":\"o\",\"status\":\"s\","
      "\"pages\":1e300}",
      "{\"agency\":\"H\",\"template\":\"t\",\"output\":\"o\",\"status\":5}",
      "{\"agency\":\"I\",\"template\":\"t\",\"output\":\"o\",\"status\":\"s\","
      "\"bytes\":0x10}",
      "{\"agency\":\"J\",\"agency\":null,\"template\":\"t\",\"output\":\"o\","
      "\"status\":\"s\"}",
      "[\"agency\",\"K\"]",
      "",
      "{\"agency\":\"L\",\"template\":\"t\",\"output\":\"o\",\"status\":\"s\"",
  };
  bc_manifest_entry *entries;
  bc_arena a;
  bc_error e;
  bc_buf b;
  char path[512];
  size_t n;
  int nl;
  bc_buf_init(&b, bc_allocator_default());
  for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
    bc_buf_puts(&b, lines[i]);
    bc_buf_putc(&b, '\n');
  }
  ck_assert_int_eq(bc_buf_check(&b, &e), 0);
  snprintf(path, sizeof path, "%s/strict.jsonl", tu_tmpdir());
  ck_assert_int_eq(bc_file_write_atomic(path, b.data, b.len, NULL, &e), 0);
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_bulk__manifest_read(&entries, &n, &nl, path, &a, &e), 0);
  ck_assert_int_eq(nl, 1);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(entries[0].agency, "A");
  ck_assert_int_eq(entries[0].pages, 3);
  ck_assert_int_eq(entries[0].bytes, 4);
  ck_assert(entries[0].ms == 1.5);
  ck_assert_ptr_null(entries[0].sha256);
  ck_assert_uint_eq(entries[0].line_len, strlen(lines[0]));
  ck_assert_str_eq(entries[1].agency, "B2"); /* the last of a key */
  ck_assert_int_eq(entries[1].pages, 0);     /* not a number: not read */
  bc_arena_release(&a);
  bc_buf_free(&b);
}
END_TEST

/* One bulk run of the sample with alloc (with resume: the second pass
 * finds the file current); an item that ran out of memory counts as the
 * run's failure. */
static int bulk_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  const int *resume = ud;
  char out_dir[512], fonts[512], templates[512];
  bc_bulk_options o = BC_BULK_OPTIONS_INIT;
  bc_bulk_summary sum;
  bulk_seen seen = {0};
  int rc;
  snprintf(out_dir, sizeof out_dir, "%s/bulk-oom", tu_tmpdir());
  bulk_options(&o, db_path, out_dir, fonts, templates);
  o.alloc = alloc;
  o.workers = 1;
  o.resume = *resume;
  o.on_item = count_item;
  o.on_item_ud = &seen;
  rc = bc_bulk_run(&sum, &o, err);
  if (rc == 0 && seen.error_code) {
    err->code = seen.error_code;
    snprintf(err->message, sizeof err->message, "out of memory");
    return seen.error_code;
  }
  if (rc == 0)
    ck_assert_uint_eq(sum.rendered + sum.current, 1);
  return rc;
}

START_TEST(test_render_bulk__every_allocation_failure) {
  int resume = 0;
  sample_db();
  ck_assert_int_gt(tu_every_allocation_failure(0, bulk_op, &resume), 50);
  resume = 1; /* the file is there now: the resume path */
  ck_assert_int_gt(tu_every_allocation_failure(0, bulk_op, &resume), 50);
}
END_TEST

Suite *render_suite(void) {
  Suite *s = suite_create("render");
  TCase *tc = tcase_create("render");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_render_render__default_options);
  tcase_add_test(tc, test_render_render__sample_report);
  tcase_add_test(tc, test_render_render__prepared_fonts_same_bytes);
  tcase_add_test(tc, test_render_render__threads_same_bytes);
  tcase_add_test(tc, test_render_render__data_never_becomes_markup);
  tcase_add_test(tc, test_render_render__every_allocation_failure_transient);
  tcase_add_test(tc, test_render_render__every_allocation_failure_persistent);
  tcase_add_test(tc, test_render_sign__every_allocation_failure);
  tcase_add_test(tc, test_render_render__drafts);
  tcase_add_test(tc, test_render_render__sha256_of_the_file_or_none);
  tcase_add_test(tc, test_render_render__draft_every_allocation_failure);
  suite_add_tcase(s, tc);
  tc = tcase_create("preview");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_render_preview__sample_pages);
  tcase_add_test(tc, test_render_preview__every_allocation_failure_transient);
  tcase_add_test(tc, test_render_preview__every_allocation_failure_persistent);
  suite_add_tcase(s, tc);
  tc = tcase_create("check");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_render_check__sample_is_complete);
  tcase_add_test(tc, test_render_check__lists_every_problem);
  tcase_add_test(tc, test_render_check__chosen_agencies);
  tcase_add_test(tc, test_render_check__template_errors);
  tcase_add_test(tc, test_render_check__every_allocation_failure);
  suite_add_tcase(s, tc);
  tc = tcase_create("bulk");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_render_bulk__manifest_and_resume);
  tcase_add_test(tc, test_render_bulk__shards_and_errors);
  tcase_add_test(tc, test_render_bulk__long_names_leave_room_for_the_temporary);
  tcase_add_test(tc, test_render_bulk__manifest_lines_escape_everything);
  tcase_add_test(tc, test_render_bulk__manifest_lines_strict);
  tcase_add_test(tc, test_render_bulk__every_allocation_failure);
  suite_add_tcase(s, tc);
  return s;
}
