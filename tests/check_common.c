/* tests/check_common.c: errors, buffers, arenas, UTF-8, atomic files and
 * reading JSON, SHA-256, the job pool. */
#include "common/alloc.h"
#include "common/arena.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/file.h"
#include "common/i18n.h"
#include "common/json.h"
#include "common/pool.h"
#include "common/sha256.h"
#include "common/utf8.h"
#include "testutil.h"

#include <check.h>
#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Each job writes its own slot: the index squared, and which worker ran
 * it; jobs 7 and 3 fail (3 is the lowest, so its code comes back). */
typedef struct pool_probe {
  size_t out[200];
  unsigned by[200];
  int fail;
} pool_probe;

static int probe_job(void *ud, size_t i, unsigned worker) {
  pool_probe *p = ud;
  p->out[i] = i * i;
  p->by[i] = worker;
  if (p->fail && (i == 7 || i == 3))
    return (int)i + 100;
  return 0;
}

START_TEST(test_common_pool__every_job_once_lowest_failure_wins) {
  for (unsigned threads = 0; threads <= BC_POOL_MAX_THREADS + 2; threads++)
    for (int fail = 0; fail <= 1; fail++) {
      pool_probe p;
      memset(&p, 0xFF, sizeof p);
      p.fail = fail;
      int rc = bc_pool_run(threads, 200, probe_job, &p);
      ck_assert_int_eq(rc, fail ? 103 : 0);
      for (size_t i = 0; i < 200; i++) {
        ck_assert_uint_eq(p.out[i], i * i);
        unsigned most = threads > BC_POOL_MAX_THREADS ? BC_POOL_MAX_THREADS
                                                      : threads;
        ck_assert_uint_lt(p.by[i], most > 1 ? most : 1);
      }
    }
  /* No jobs: nothing runs, 0. One job: on the caller. */
  ck_assert_int_eq(bc_pool_run(4, 0, probe_job, NULL), 0);
  pool_probe one = {.fail = 0};
  ck_assert_int_eq(bc_pool_run(4, 1, probe_job, &one), 0);
  ck_assert_uint_eq(one.by[0], 0);
}
END_TEST

static int task_fn(void *ud) {
  int *v = ud;
  *v *= 3;
  return *v == 21 ? 42 : 0;
}

START_TEST(test_common_pool__task_runs_once_on_either_thread) {
  for (int thread = 0; thread <= 1; thread++) {
    int v = 7;
    bc_task t;
    bc_task_start(&t, thread != 0, task_fn, &v);
    ck_assert_int_eq(bc_task_join(&t), 42);
    ck_assert_int_eq(v, 21);
  }
}
END_TEST

START_TEST(test_common_error__format_all_parts) {
  bc_error err;
  char line[1024];
  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_error_set(&err, BC_EDATA, "missing indicator '%s'", "tthc.so_hoa"),
      BC_EDATA);
  bc_error_locate(&err, "templates/a.md", 12, 7);
  bc_error_locate(&err, "other.md", 1, 1); /* first location wins */
  bc_error_context(&err, "STTTT-TV", "2023-Q3");
  ck_assert_str_eq(bc_error_format(&err, line, sizeof line),
                   "templates/a.md:12:7: missing indicator 'tthc.so_hoa' "
                   "(agency STTTT-TV, period 2023-Q3)");
}
END_TEST

START_TEST(test_common_error__one_line_and_truncation) {
  bc_error err;
  char small[16];
  bc_error_clear(&err);
  bc_error_set(&err, BC_ERROR, "a%sb", "\nline\r");
  ck_assert_str_eq(err.message, "a line b");
  bc_error_format(&err, small, sizeof small);
  ck_assert_uint_lt(strlen(small), sizeof small);
  ck_assert_int_eq(bc_error_oom(&err), BC_ENOMEM);
  ck_assert_str_eq(err.message, "out of memory");
}
END_TEST

/* With the "baocao" domain bound to the build's catalogue and Vietnamese
 * chosen, bc_error_set translates its format, bc_error_format the words
 * around the agency and period; "" stays "" (gettext would give the
 * catalogue's header). The suites run in one process (CK_FORK=no): the
 * locale and LANGUAGE are put back. */
START_TEST(test_common_error__translated_through_gettext) {
  bc_error err;
  char line[1024];
  ck_assert_ptr_nonnull(bindtextdomain(BC_TEXT_DOMAIN, BC_LOCALE_DIR));
  ck_assert_ptr_nonnull(bind_textdomain_codeset(BC_TEXT_DOMAIN, "UTF-8"));
  /* C.UTF-8 and LANGUAGE: Vietnamese without the vi_VN locale. */
  ck_assert_ptr_nonnull(setlocale(LC_MESSAGES, "C.UTF-8"));
  setenv("LANGUAGE", "vi", 1);
  bc_error_clear(&err);
  bc_error_set(&err, BC_ENOTFOUND, "unknown agency '%s'", "KHONG-CO");
  bc_error_context(&err, "KHONG-CO", "2023-Q3");
  ck_assert_str_eq(bc_error_format(&err, line, sizeof line),
                   "không tìm thấy cơ quan 'KHONG-CO' trong cơ sở dữ liệu "
                   "(cơ quan KHONG-CO, kỳ báo cáo 2023-Q3)");
  bc_error_set(&err, BC_ERROR, "a format no catalogue has: %d", 7);
  ck_assert_str_eq(err.message, "a format no catalogue has: 7");
  ck_assert_str_eq(bc_tr(""), "");
  ck_assert_str_eq(bc_error_code_name(BC_EFONT), "lỗi phông chữ");
  unsetenv("LANGUAGE");
  setlocale(LC_MESSAGES, "C");
  bc_error_set(&err, BC_ENOTFOUND, "unknown agency '%s'", "KHONG-CO");
  ck_assert_str_eq(err.message, "unknown agency 'KHONG-CO'");
}
END_TEST

START_TEST(test_common_buf__grows_and_detaches) {
  bc_buf b;
  size_t len;
  bc_buf_init(&b, bc_allocator_default());
  for (int i = 0; i < 1000; i++)
    bc_buf_printf(&b, "%d,", i);
  bc_buf_puts(&b, "Đ");
  ck_assert_int_eq(bc_buf_check(&b, NULL), 0);
  ck_assert_uint_eq(b.len, strlen(bc_buf_cstr(&b)));
  ck_assert(strncmp(b.data, "0,1,2,", 6) == 0);
  char *p = bc_buf_detach(&b, &len);
  ck_assert_uint_eq(len, strlen(p));
  ck_assert_str_eq(p + len - 2, "Đ");
  free(p);
  bc_buf_free(&b);
}
END_TEST

START_TEST(test_common_buf__sticky_failure) {
  tu_failing_alloc fa;
  bc_buf b;
  bc_error err;
  tu_failing_alloc_init(&fa, 1, 0);
  bc_buf_init(&b, &fa.base);
  bc_buf_puts(&b, "abc");       /* allocation 0 */
  for (int i = 0; i < 100; i++) /* allocation 1 fails */
    bc_buf_puts(&b, "0123456789");
  bc_buf_puts(&b, "x"); /* ignored after the failure */
  ck_assert(b.failed);
  ck_assert_int_eq(bc_buf_check(&b, &err), BC_ENOMEM);
  ck_assert_ptr_null(bc_buf_cstr(&b));
  bc_buf_free(&b);
  ck_assert_int_eq(fa.live, 0);
}
END_TEST

START_TEST(test_common_arena__alignment_and_big_blocks) {
  bc_arena a;
  bc_arena_init(&a, bc_allocator_default());
  for (int i = 1; i < 200; i++) {
    void *p = bc_arena_alloc(&a, (size_t)i * 7);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
    memset(p, 0xAB, (size_t)i * 7);
  }
  char *big = bc_arena_alloc(&a, 5u << 20);
  ck_assert_ptr_nonnull(big);
  memset(big, 1, 5u << 20);
  char *s = bc_arena_strndup(&a, "Nơi nhận", strlen("Nơi nhận"));
  ck_assert_str_eq(s, "Nơi nhận");
  ck_assert_ptr_null(bc_arena_calloc(&a, SIZE_MAX / 2, 4)); /* overflow */
  bc_arena_release(&a);
  ck_assert_ptr_null(a.head);
}
END_TEST

START_TEST(test_common_arena__out_of_memory_returns_null) {
  tu_failing_alloc fa;
  bc_arena a;
  tu_failing_alloc_init(&fa, 0, 1);
  bc_arena_init(&a, &fa.base);
  ck_assert_ptr_null(bc_arena_alloc(&a, 10));
  bc_arena_release(&a);
  ck_assert_int_eq(fa.live, 0);
}
END_TEST

/* bc_arena_reset keeps the largest chunk, frees the others, and the
 * next allocations that fit take no new block. */
START_TEST(test_common_arena__reset_keeps_the_largest_chunk) {
  tu_failing_alloc fa;
  bc_arena a;
  tu_failing_alloc_init(&fa, -1, 0);
  bc_arena_init(&a, &fa.base);
  for (int i = 0; i < 7; i++) /* 16, 32 and 64 KB chunks */
    ck_assert_ptr_nonnull(bc_arena_alloc(&a, 10000));
  ck_assert_ptr_nonnull(bc_arena_alloc(&a, 200000)); /* a chunk of its own */
  ck_assert_int_eq(fa.live, 4);
  bc_arena_reset(&a);
  ck_assert_int_eq(fa.live, 1);
  ck_assert_uint_eq(a.used_bytes, 0);
  long before = fa.count;
  char *p = bc_arena_alloc(&a, 150000);
  ck_assert_ptr_nonnull(p);
  memset(p, 1, 150000);
  ck_assert_int_eq(fa.count, before); /* the kept 200,000 bytes */
  ck_assert_ptr_nonnull(bc_arena_alloc(&a, 60000));
  ck_assert_int_eq(fa.count, before + 1); /* no room left in it */
  bc_arena_reset(&a);
  bc_arena_reset(&a);
  ck_assert_int_eq(fa.live, 1);
  bc_arena_release(&a);
  ck_assert_int_eq(fa.live, 0);
  bc_arena_reset(&a); /* an empty arena: nothing */
  ck_assert_int_eq(fa.live, 0);
}
END_TEST

/* bc_arena_absorb: the chunks of one arena freed with another's, what
 * it handed out still valid, the taker's current chunk still used. */
START_TEST(test_common_arena__absorb_moves_the_chunks) {
  tu_failing_alloc fa;
  bc_arena into, from, empty;
  tu_failing_alloc_init(&fa, -1, 0);
  bc_arena_init(&into, &fa.base);
  bc_arena_init(&from, &fa.base);
  bc_arena_init(&empty, &fa.base);
  char *a = bc_arena_alloc(&into, 100);
  char *b[3];
  for (int i = 0; i < 3; i++) { /* 16 and 32 KB chunks */
    ck_assert_ptr_nonnull(b[i] = bc_arena_alloc(&from, 10000));
    memset(b[i], 'b' + i, 10000);
  }
  ck_assert_ptr_nonnull(a);
  ck_assert_int_eq(fa.live, 3);
  bc_arena_absorb(&into, &from);
  ck_assert_ptr_null(from.head);
  ck_assert_uint_eq(from.used_bytes, 0);
  ck_assert_uint_eq(into.used_bytes, 112 + 30000);
  ck_assert_int_eq(fa.live, 3);
  long before = fa.count;
  ck_assert_ptr_eq(bc_arena_alloc(&into, 100), a + 112); /* into's chunk */
  ck_assert_int_eq(fa.count, before);
  for (int i = 0; i < 3; i++)
    ck_assert_int_eq(b[i][9999], 'b' + i);
  /* Into an empty arena; from an empty one: nothing. */
  ck_assert_ptr_nonnull(bc_arena_alloc(&from, 10));
  bc_arena_absorb(&empty, &from);
  ck_assert_int_eq(fa.live, 4);
  ck_assert_uint_eq(empty.used_bytes, 16);
  bc_arena_absorb(&into, &from);
  bc_arena_absorb(&into, &empty);
  ck_assert_int_eq(fa.live, 4);
  bc_arena_release(&from);
  bc_arena_release(&empty);
  ck_assert_int_eq(fa.live, 4);
  bc_arena_release(&into);
  ck_assert_int_eq(fa.live, 0);
}
END_TEST

/* bc_arena_keep: a released arena's chunks go to the keep, up to its
 * limit; the next arena takes the smallest that fits before allocating;
 * bc_arena_keep_free frees what is kept. */
START_TEST(test_common_arena__keep_hands_chunks_to_the_next_arena) {
  tu_failing_alloc fa;
  bc_arena_keep keep;
  bc_arena a, b, like;
  tu_failing_alloc_init(&fa, -1, 0);
  bc_arena_keep_init(&keep, &fa.base, 200000);
  bc_arena_init_kept(&a, &keep);
  for (int i = 0; i < 7; i++) /* 16, 32 and 64 KB chunks */
    ck_assert_ptr_nonnull(bc_arena_alloc(&a, 10000));
  char *big = bc_arena_alloc(&a, 400000); /* more than the keep holds */
  ck_assert_ptr_nonnull(big);
  ck_assert_int_eq(fa.live, 4);
  bc_arena_release(&a);
  ck_assert_int_eq(fa.live, 3); /* 400,000 bytes freed, the rest kept */
  ck_assert_uint_eq(keep.bytes, 16384 + 32768 + 65536);

  long before = fa.count;
  bc_arena_init_kept(&b, &keep);
  char *p = bc_arena_alloc(&b, 20000); /* the 32 KB chunk, not the 64 */
  ck_assert_ptr_nonnull(p);
  memset(p, 1, 20000);
  ck_assert_uint_eq(keep.bytes, 16384 + 65536);
  ck_assert_ptr_nonnull(bc_arena_alloc(&b, 12000)); /* the rest of it */
  ck_assert_ptr_nonnull(bc_arena_alloc(&b, 60000)); /* the 64 KB one */
  ck_assert_uint_eq(keep.bytes, 16384);
  /* ... made the current chunk: its last 5,536 bytes are used next */
  ck_assert_ptr_nonnull(bc_arena_alloc(&b, 4000));
  ck_assert_int_eq(fa.count, before);
  ck_assert_ptr_nonnull(bc_arena_alloc(&b, 100000)); /* none fits */
  ck_assert_int_eq(fa.count, before + 1);

  /* An arena like b shares its keep: its chunk goes back there. */
  bc_arena_init_like(&like, &b);
  ck_assert_ptr_eq(like.keep, &keep);
  ck_assert_ptr_nonnull(bc_arena_alloc(&like, 100)); /* the 16 KB one */
  ck_assert_uint_eq(keep.bytes, 0);
  bc_arena_absorb(&b, &like);
  bc_arena_reset(&b); /* the largest kept in b, the others to the keep */
  ck_assert_int_eq(fa.live, 4);
  ck_assert_uint_eq(keep.bytes, 16384 + 32768 + 65536);
  bc_arena_release(&b); /* 100,000 bytes more than the keep holds */
  ck_assert_int_eq(fa.live, 3);
  ck_assert_uint_eq(keep.bytes, 16384 + 32768 + 65536);
  bc_arena_keep_free(&keep);
  ck_assert_int_eq(fa.live, 0);
}
END_TEST

START_TEST(test_common_utf8__decode_rejects_bad_sequences) {
  uint32_t cp;
  ck_assert_uint_eq(bc_utf8_decode("\xE1\xBB\x87", 3, &cp), 3); /* ệ */
  ck_assert_uint_eq(cp, 0x1EC7);
  ck_assert_uint_eq(bc_utf8_decode("\xC0\x80", 2, &cp), 0);     /* overlong */
  ck_assert_uint_eq(bc_utf8_decode("\xED\xA0\x80", 3, &cp), 0); /* surrogate */
  ck_assert_uint_eq(bc_utf8_decode("\xE1\xBB", 2, &cp), 0);     /* truncated */
  ck_assert_uint_eq(bc_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0);
  ck_assert_uint_eq(bc_utf8_check("Trà Vinh", strlen("Trà Vinh")), SIZE_MAX);
  ck_assert_uint_eq(bc_utf8_check("ab\xFF"
                                  "c",
                                  4),
                    2);
  ck_assert_uint_eq(bc_utf8_check("ab\0c", 4), 2);
  /* The two- and three-byte forms bc_utf8_check decodes itself. */
  ck_assert_uint_eq(bc_utf8_check("\xC3\xA0\xE1\xBB\x87", 5), SIZE_MAX);
  ck_assert_uint_eq(bc_utf8_check("a\xE0\x9F\xBF", 4), 1); /* overlong */
  ck_assert_uint_eq(bc_utf8_check("a\xED\xBF\xBF", 4), 1); /* surrogate */
  ck_assert_uint_eq(bc_utf8_check("ab\xE1\xBB", 4), 2);     /* truncated */
  ck_assert_uint_eq(bc_utf8_check("ab\xC3", 3), 2);
  ck_assert_uint_eq(bc_utf8_check("ab\xC3\x41", 4), 2);
  ck_assert_uint_eq(bc_utf8_check("ab\xC1\xBF", 4), 2);     /* overlong */
  ck_assert_uint_eq(bc_utf8_check("\xF0\x9F\x98\x80", 4), SIZE_MAX);
}
END_TEST

START_TEST(test_common_utf8__nfc_composes_vietnamese) {
  bc_arena a;
  bc_error err;
  const char *out;
  size_t len;
  /* "Việt" with e + circumflex + dot below, decomposed. */
  const char nfd[] = "Vi"
                     "e\xCC\x82\xCC\xA3"
                     "t Nam";
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, nfd, strlen(nfd), &a, &err), 0);
  ck_assert_str_eq(out, "Việt Nam");
  ck_assert_uint_eq(len, strlen("Việt Nam"));
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "abc\xFF", 4, &a, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "invalid UTF-8 at byte 3");
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "a\0b", 3, &a, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "NUL byte at byte 1");
  /* Around the forms the scan takes without decoding (U+0080-U+02FF,
   * U+1E00-U+1EFF): U+0300 composes, truncated ones are invalid. */
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "a\xCC\x80 \xCB\xBF", 6, &a, &err),
                   0);
  ck_assert_str_eq(out, "\xC3\xA0 \xCB\xBF");
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "\xE1\xBB\x87\xE1\xBB", 5, &a, &err),
                   BC_EDATA);
  ck_assert_str_eq(err.message, "invalid UTF-8 at byte 3");
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "ab\xCB", 3, &a, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "invalid UTF-8 at byte 2");
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "\xE1\xBC\x80", 3, &a, &err), 0);
  ck_assert_str_eq(out, "\xE1\xBC\x80"); /* U+1F00, Greek: NFC already */
  /* After text that needs utf8proc too (found by fuzz_markdown: utf8proc
   * takes a NUL byte for text, and names no offset). */
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "e\xCC\x82 a\0b", 7, &a, &err),
                   BC_EDATA);
  ck_assert_str_eq(err.message, "NUL byte at byte 5");
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, "e\xCC\x82 a\xC3(", 7, &a, &err),
                   BC_EDATA);
  ck_assert_str_eq(err.message, "invalid UTF-8 at byte 5");
  /* Two tone marks on one syllable (found by fuzz_render): left as typed,
   * so that a second normalisation (the render's) changes nothing. */
  const char two[] = "Hoa\xCC\x80\xCC\x89% e\xCC\xA3\xCC\x86";
  const char *again;
  size_t again_len;
  ck_assert_int_eq(bc_utf8_nfc(&out, &len, two, strlen(two), &a, &err), 0);
  ck_assert_str_eq(out, "Ho\xC3\xA0\xCC\x89% \xE1\xBA\xB9\xCC\x86");
  ck_assert_int_eq(bc_utf8_nfc(&again, &again_len, out, len, &a, &err), 0);
  ck_assert_str_eq(again, out);
  bc_arena_release(&a);
}
END_TEST

/* Spelling is kept: NFC only (item 1 of issue 19); bc_utf8_tones moves
 * the tone mark of open oa, oe, uy syllables to one style, either way. */
START_TEST(test_common_utf8__spelling_kept_and_tone_styles) {
  static const char *const cases[][3] = {
      /* typed, kiểu mới, kiểu cũ */
      {"hoà hoá hoả hoã hoạ", "hòa hóa hỏa hõa họa", "hoà hoá hoả hoã hoạ"},
      {"hòa hóa hỏa hõa họa", "hòa hóa hỏa hõa họa", "hoà hoá hoả hoã hoạ"},
      {"HOÀ Hoá đoá", "HÒA Hóa đóa", "HOÀ Hoá đoá"},
      {"khoẻ thuỷ tuý uỷ ban", "khỏe thủy túy ủy ban", "khoẻ thuỷ tuý uỷ ban"},
      {"Ủy ban khỏe thùy", "Ủy ban khỏe thùy", "Uỷ ban khoẻ thuỳ"},
      {"quý quỳ hoàn quyết thuyền hoạch huỳnh",
       "quý quỳ hoàn quyết thuyền hoạch huỳnh",
       "quý quỳ hoàn quyết thuyền hoạch huỳnh"},
      {"số hoá, hoả tốc; của, ngoài, thuộc, Nguyễn",
       "số hóa, hỏa tốc; của, ngoài, thuộc, Nguyễn",
       "số hoá, hoả tốc; của, ngoài, thuộc, Nguyễn"},
  };
  static const char *const nfd[][2] = {
      {"h"
       "o"
       "a\xCC\x80"
       " th"
       "u"
       "y\xCC\x81",
       "hoà thuý"},
      {"h"
       "o\xCC\x80"
       "a",
       "hòa"},
  };
  bc_arena a;
  bc_error err;
  const char *out;
  size_t len;
  bc_arena_init(&a, bc_allocator_default());
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *in = cases[i][0];
    ck_assert_int_eq(bc_utf8_nfc(&out, &len, in, strlen(in), &a, &err), 0);
    ck_assert_str_eq(out, in);
    ck_assert_int_eq(bc_utf8_tones(&out, &len, in, strlen(in), BC_TONE_NEW,
                                   &a, &err),
                     0);
    ck_assert_str_eq(out, cases[i][1]);
    ck_assert_uint_eq(len, strlen(cases[i][1]));
    ck_assert_int_eq(bc_utf8_tones(&out, &len, in, strlen(in), BC_TONE_OLD,
                                   &a, &err),
                     0);
    ck_assert_str_eq(out, cases[i][2]);
    ck_assert_uint_eq(len, strlen(cases[i][2]));
    ck_assert_int_eq(bc_utf8_tones(&out, &len, in, strlen(in), BC_TONE_KEEP,
                                   &a, &err),
                     0);
    ck_assert_str_eq(out, in);
  }
  /* Decomposed text composes to what was typed, tone where it was. */
  for (size_t i = 0; i < sizeof nfd / sizeof nfd[0]; i++) {
    ck_assert_int_eq(
        bc_utf8_nfc(&out, &len, nfd[i][0], strlen(nfd[i][0]), &a, &err), 0);
    ck_assert_str_eq(out, nfd[i][1]);
  }
  bc_arena_release(&a);
}
END_TEST

/* Precomposed text takes a fast path; a character outside the inert
 * ranges (here U+4E00 at the end) sends the whole text through utf8proc.
 * Both must give the same bytes, on every line of the sample data. */
START_TEST(test_common_utf8__nfc_fast_path_agrees_with_utf8proc) {
  static const char *const files[] = {"samples/tra_vinh_2023_q3.sql",
                                      "samples/tay_ninh_2024.sql"};
  static const char extra[] = "hoà Hoà HOÀ khoẻ thuỷ Thuỷ uỳ quý hoàn "
                              "ngoài của cuối thuộc Uỷ ỦY oẹ ÔÀ Đoàn "
                              "hòa Hòa HÒA khỏe thủy Thủy ùy thùy Ủy";
  bc_arena a;
  bc_error err;
  char path[1024], *data;
  size_t len, checked = 0;
  bc_arena_init(&a, bc_allocator_default());
  for (size_t f = 0; f <= sizeof files / sizeof files[0]; f++) {
    if (f < sizeof files / sizeof files[0]) {
      tu_source_path(path, sizeof path, files[f]);
      ck_assert_int_eq(bc_file_read(&data, &len, path, 1 << 24, BC_EINPUT,
                                    bc_allocator_default(), &err),
                       0);
    } else {
      data = strdup(extra);
      len = strlen(extra);
    }
    for (char *line = data; line < data + len;) {
      char *nl = memchr(line, '\n', (size_t)(data + len - line));
      size_t n = nl ? (size_t)(nl - line) : (size_t)(data + len - line);
      const char *fast, *slow;
      size_t fast_len, slow_len;
      char *forced = bc_arena_alloc(&a, n + 4);
      memcpy(forced, line, n);
      memcpy(forced + n, "\xE4\xB8\x80", 3); /* U+4E00 */
      for (int style = BC_TONE_KEEP; style <= BC_TONE_OLD; style++) {
        ck_assert_int_eq(bc_utf8_tones(&fast, &fast_len, line, n,
                                       (bc_tone_style)style, &a, &err),
                         0);
        ck_assert_int_eq(bc_utf8_tones(&slow, &slow_len, forced, n + 3,
                                       (bc_tone_style)style, &a, &err),
                         0);
        ck_assert_uint_eq(slow_len, fast_len + 3);
        ck_assert_int_eq(memcmp(fast, slow, fast_len), 0);
      }
      checked++;
      line = nl ? nl + 1 : data + len;
    }
    free(data);
  }
  ck_assert_uint_gt(checked, 500);
  bc_arena_release(&a);
}
END_TEST

START_TEST(test_common_utf8__file_name) {
  char out[64];
  /* Clean codes are kept, Vietnamese letters too. */
  ck_assert_uint_eq(bc_utf8_file_name(out, sizeof out, "STTTT-TV"), 8);
  ck_assert_str_eq(out, "STTTT-TV");
  bc_utf8_file_name(out, sizeof out, "SKHĐT-AG");
  ck_assert_str_eq(out, "SKHĐT-AG");
  /* Anything that could leave the directory is replaced and marked with
   * a hash, so "../x" and "__x" cannot share a file. */
  bc_utf8_file_name(out, sizeof out, "../etc/passwd");
  ck_assert_ptr_null(strchr(out, '/'));
  ck_assert_int_ne(out[0], '.');
  ck_assert_int_eq(strncmp(out, "_.", 2), 0);
  ck_assert_uint_eq(strlen(out), strlen("../etc/passwd") + 9);
  char other[64];
  bc_utf8_file_name(other, sizeof other, "__etc_passwd");
  ck_assert_str_ne(out, other);
  bc_utf8_file_name(out, sizeof out, "a b\x01" "c\xFF");
  ck_assert_int_eq(strncmp(out, "a_b_c_-", 7), 0);
  bc_utf8_file_name(out, sizeof out, "");
  ck_assert_uint_eq(strlen(out), 9);
  /* Long codes are cut on a character boundary and hashed. */
  char longcode[200];
  for (int i = 0; i < 99; i++)
    memcpy(longcode + 2 * i, "\xC4\x90", 2); /* Đ */
  longcode[198] = '\0';
  size_t n = bc_utf8_file_name(out, 32, longcode);
  ck_assert_uint_lt(n, 32);
  ck_assert_uint_eq(bc_utf8_check(out, n), SIZE_MAX);
  ck_assert_int_eq(out[n - 9], '-');
}
END_TEST

START_TEST(test_common_utf8__upper) {
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  bc_utf8_upper(&b, "đơn vị ưu tiên", strlen("đơn vị ưu tiên"), false);
  ck_assert_str_eq(bc_buf_cstr(&b), "ĐƠN VỊ ƯU TIÊN");
  bc_buf_reset(&b);
  bc_utf8_upper(&b, "(quý III năm 2023", strlen("(quý III năm 2023"), true);
  ck_assert_str_eq(bc_buf_cstr(&b), "(Quý III năm 2023");
  bc_buf_free(&b);
}
END_TEST

START_TEST(test_common_file__atomic_write_and_read) {
  char path[512], *data;
  size_t len;
  bc_error err;
  snprintf(path, sizeof path, "%s/atomic.txt", tu_tmpdir());
  ck_assert_int_eq(
      bc_file_write_atomic(path, "báo cáo", strlen("báo cáo"), NULL, &err), 0);
  ck_assert_int_eq(bc_file_read(&data, &len, path, 1 << 20, BC_EINPUT,
                                bc_allocator_default(), &err),
                   0);
  ck_assert_str_eq(data, "báo cáo");
  free(data);
  ck_assert_int_eq(bc_file_read(&data, &len, path, 3, BC_EINPUT,
                                bc_allocator_default(), &err),
                   BC_EINPUT);
}
END_TEST

/* A sink that fails after `allowed` bytes, like a full disk. */
static int full_disk_write(void *ud, int fd, const void *data, size_t len) {
  size_t *allowed = ud;
  if (len > *allowed) {
    if (*allowed && write(fd, data, *allowed) < 0)
      return errno;
    return ENOSPC;
  }
  *allowed -= len;
  return write(fd, data, len) == (ssize_t)len ? 0 : EIO;
}

START_TEST(test_common_file__full_disk_leaves_nothing) {
  char path[600], dir[512];
  size_t allowed = 3;
  bc_sink sink = {full_disk_write, &allowed, false, NULL, NULL};
  bc_error err;
  struct stat st;
  snprintf(dir, sizeof dir, "%s/full", tu_tmpdir());
  mkdir(dir, 0755);
  snprintf(path, sizeof path, "%s/report.pdf", dir);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_file_write_atomic(path, "0123456789", 10, &sink, &err),
                   BC_EIO);
  ck_assert_str_eq(err.message + strlen(err.message) -
                       strlen("No space left on device"),
                   "No space left on device");
  ck_assert_int_ne(stat(path, &st), 0);
  char cmd[600], *out;
  snprintf(cmd, sizeof cmd, "ls -A '%s'", dir);
  ck_assert_int_eq(tu_run(&out, cmd), 0);
  ck_assert_str_eq(out, ""); /* no temporary file either */
  free(out);
}
END_TEST

/* The temporary name of a 255-byte file name fits NAME_MAX (255), in the
 * target's directory; a short name keeps its whole stem. */
START_TEST(test_common_file__temp_name_fits_name_max) {
  char name[300], tmp[600];
  const char *base;
  memset(name, 'a', 251);
  memcpy(name + 251, ".pdf", 5);
  ck_assert_int_eq(bc_file_temp_name(tmp, sizeof tmp, name), 0);
  ck_assert_uint_eq(strlen(tmp), 255);
  ck_assert_str_eq(tmp + 244, ".tmp-XXXXXX");
  ck_assert_int_eq(bc_file_temp_name(tmp, sizeof tmp, "out/r.pdf"), 0);
  ck_assert_str_eq(tmp, "out/r.pdf.tmp-XXXXXX");
  char in_dir[310];
  snprintf(in_dir, sizeof in_dir, "dir/%s", name);
  ck_assert_int_eq(bc_file_temp_name(tmp, sizeof tmp, in_dir), 0);
  base = strrchr(tmp, '/') + 1;
  ck_assert_uint_eq(strlen(base), 255);
  ck_assert_int_eq(strncmp(tmp, "dir/aaa", 7), 0);
  ck_assert_int_eq(bc_file_temp_name(tmp, 20, in_dir), -1);
}
END_TEST

/* Only a regular file or a new name may be written; a FIFO is refused
 * before anything is made, and an input FIFO is refused without a hang. */
START_TEST(test_common_file__special_files_refused) {
  char dir[512], fifo[600], link[600], path[600], *data = NULL;
  size_t len;
  bc_error err;
  snprintf(dir, sizeof dir, "%s/special", tu_tmpdir());
  mkdir(dir, 0755);
  snprintf(fifo, sizeof fifo, "%s/f.pdf", dir);
  snprintf(link, sizeof link, "%s/l.pdf", dir);
  snprintf(path, sizeof path, "%s/new.pdf", dir);
  unlink(fifo);
  unlink(link);
  ck_assert_int_eq(mkfifo(fifo, 0644), 0);
  ck_assert_int_eq(symlink("new.pdf", link), 0);
  ck_assert_int_eq(bc_file_check_output(path, &err), 0);
  ck_assert_int_eq(bc_file_write_atomic(fifo, "x", 1, NULL, &err), BC_EIO);
  ck_assert_ptr_nonnull(strstr(err.message, "it is a FIFO"));
  ck_assert_int_eq(bc_file_check_output(link, &err), BC_EIO);
  ck_assert_ptr_nonnull(strstr(err.message, "symbolic link to a missing"));
  ck_assert_int_eq(bc_file_check_output("/dev/null", &err), BC_EIO);
  ck_assert_ptr_nonnull(strstr(err.message, "character device"));
  ck_assert_int_eq(bc_file_read(&data, &len, fifo, 1 << 20, BC_EFONT,
                                bc_allocator_default(), &err),
                   BC_EFONT);
  ck_assert_ptr_nonnull(strstr(err.message, "is a FIFO (named pipe), not a "
                                            "regular file"));
  ck_assert_int_eq(bc_file_check_input(fifo, BC_EINPUT, &err), BC_EINPUT);
  ck_assert_int_eq(bc_file_check_input(dir, BC_EINPUT, &err), BC_EINPUT);
  ck_assert_ptr_nonnull(strstr(err.message, "is a directory"));
  ck_assert_ptr_null(data);
}
END_TEST

/* ---- jsonread.c ---- */

/* bc_json_parse with flags over a C string. */
static bc_json *parse(const char *text, bc_json_flags flags) {
  return bc_json_parse(text, strlen(text), flags);
}

static int parses(const char *text, bc_json_flags flags) {
  bc_json *doc = parse(text, flags);
  bc_json_free(doc);
  return doc != NULL;
}

START_TEST(test_common_json__read_values) {
  static const char text[] =
      "{\"s\":\"\\u0111\\\"\",\"n\":-1.5e2,\"a\":[1,null,true,false],"
      "\"s\":\"second\"}";
  bc_json *doc = parse(text, BC_JSON_STRICT);
  const bc_json *a, *e;
  ck_assert_ptr_nonnull(doc);
  ck_assert_int_eq(bc_json_type_of(doc), BC_JSON_TYPE_OBJECT);
  ck_assert_uint_eq(bc_json_count(doc), 4);
  /* bc_json_get finds the first of a name; a walk sees both */
  ck_assert_str_eq(bc_json_text(bc_json_get(doc, "s")), "\xc4\x91\"");
  ck_assert_ptr_null(bc_json_get(doc, "S")); /* case-sensitive */
  ck_assert_ptr_null(bc_json_get(doc, "none"));
  ck_assert_int_eq(bc_json_type_of(bc_json_get(doc, "none")),
                   BC_JSON_TYPE_NONE);
  ck_assert(bc_json_double(bc_json_get(doc, "n")) == -150.0);
  ck_assert(bc_json_double(bc_json_get(doc, "s")) == 0.0);
  ck_assert_ptr_null(bc_json_text(bc_json_get(doc, "n")));
  a = bc_json_get(doc, "a");
  ck_assert_int_eq(bc_json_type_of(a), BC_JSON_TYPE_ARRAY);
  ck_assert_uint_eq(bc_json_count(a), 4);
  ck_assert_ptr_null(bc_json_get(a, "x")); /* not an object */
  e = bc_json_first(a);
  ck_assert_ptr_null(bc_json_name(e));
  ck_assert_int_eq(bc_json_type_of(e), BC_JSON_TYPE_NUMBER);
  ck_assert_int_eq(bc_json_type_of(e = bc_json_next(e)), BC_JSON_TYPE_NULL);
  ck_assert_int_eq(bc_json_type_of(e = bc_json_next(e)), BC_JSON_TYPE_TRUE);
  ck_assert_int_eq(bc_json_type_of(e = bc_json_next(e)), BC_JSON_TYPE_FALSE);
  ck_assert_ptr_null(bc_json_next(e));
  e = bc_json_first(doc);
  ck_assert_str_eq(bc_json_name(e), "s");
  while (bc_json_next(e))
    e = bc_json_next(e);
  ck_assert_str_eq(bc_json_name(e), "s");
  ck_assert_str_eq(bc_json_text(e), "second");
  ck_assert_ptr_null(bc_json_first(e)); /* a string has no elements */
  ck_assert_uint_eq(bc_json_count(e), 0);
  bc_json_free(doc);
  bc_json_free(NULL);
  ck_assert_int_eq(bc_json_type_of(NULL), BC_JSON_TYPE_NONE);
  /* len bounds the text: no NUL needed, nothing read after it */
  doc = bc_json_parse("[1,2]xyz", 5, BC_JSON_STRICT);
  ck_assert_uint_eq(bc_json_count(doc), 2);
  bc_json_free(doc);
}
END_TEST

/* What BC_JSON_STRICT refuses and cJSON takes, one case each. */
START_TEST(test_common_json__strict_refuses_what_cjson_takes) {
  static const char *const cases[] = {
      "{\"a\":\"x\ty\"}",        /* a control character in a string */
      "{\"a\":\"x\\u0000y\"}",   /* U+0000 */
      "{\"a\\u0000\":1}",        /* U+0000 in a key */
      "{\"a\":1}\x01",           /* a control character outside */
      "{\"a\":\v1}",             /* vertical tab as white space */
      "\xef\xbb\xbf{\"a\":1}",    /* a byte-order mark */
      "{\"a\":1} x",             /* text after the value */
      "{\"a\":1}{}",             /* a second value */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ck_assert_msg(!parses(cases[i], BC_JSON_STRICT), "strict took %zu", i);
    ck_assert_msg(parses(cases[i], BC_JSON_CJSON), "cJSON refused %zu", i);
  }
  /* what both take: JSON white space around, escapes that are not NUL */
  ck_assert(parses(" \t{\"a\":\"\\\\u0000 \\t\\u0001\"}\r\n",
                   BC_JSON_STRICT));
  ck_assert(parses("[\"\xc4\x91\"]", BC_JSON_STRICT));
  /* and what neither takes */
  static const char *const bad[] = {"", "{", "{\"a\":}", "[1,]", "nul",
                                    "{\"a\":0x10}", "{\"a\":inf}",
                                    "\"\\ud800\""};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ck_assert_msg(!parses(bad[i], BC_JSON_STRICT), "strict took bad %zu", i);
    ck_assert_msg(!parses(bad[i], BC_JSON_CJSON), "cJSON took bad %zu", i);
  }
  ck_assert_ptr_null(bc_json_parse(NULL, 0, BC_JSON_STRICT));
}
END_TEST

/* ---- sha256.c: FIPS 180-2 / NIST CSRC examples ---- */

static const char *hex_of(char out[BC_SHA256_HEX_SIZE],
                          const unsigned char d[BC_SHA256_SIZE]) {
  bc_sha256_hex(out, d);
  return out;
}

START_TEST(test_common_sha256__nist_vectors) {
  static const struct {
    const char *message;
    const char *digest;
  } cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", /* 448 bits */
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  unsigned char d[BC_SHA256_SIZE];
  char hex[BC_SHA256_HEX_SIZE];
  bc_sha256_ctx h;
  bc_error err;
  ck_assert_int_eq(bc_sha256_init(&h, &err), 0);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len = strlen(cases[i].message);
    bc_sha256(d, cases[i].message, len);
    ck_assert_str_eq(hex_of(hex, d), cases[i].digest);
    /* streamed a byte at a time, the context reused after each final */
    for (size_t k = 0; k < len; k++)
      bc_sha256_update(&h, cases[i].message + k, 1);
    ck_assert_int_eq(bc_sha256_final(&h, d, &err), 0);
    ck_assert_str_eq(hex_of(hex, d), cases[i].digest);
  }
  bc_sha256_free(&h);
  bc_sha256_free(&h); /* twice is fine */
}
END_TEST

/* One million 'a': whole, and streamed in pieces of every size from 1 to
 * 200 bytes (across the 64-byte blocks) with empty updates between. */
START_TEST(test_common_sha256__million_a_streamed) {
  static const char want[] =
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  const size_t total = 1000000;
  char *a = malloc(total);
  unsigned char d[BC_SHA256_SIZE];
  char hex[BC_SHA256_HEX_SIZE];
  bc_sha256_ctx h;
  bc_error err;
  size_t done = 0;
  ck_assert_ptr_nonnull(a);
  memset(a, 'a', total);
  bc_sha256(d, a, total);
  ck_assert_str_eq(hex_of(hex, d), want);
  ck_assert_int_eq(bc_sha256_init(&h, &err), 0);
  for (size_t piece = 1; done < total; piece = piece % 200 + 1) {
    size_t n = piece < total - done ? piece : total - done;
    bc_sha256_update(&h, a + done, n);
    bc_sha256_update(&h, a, 0);
    done += n;
  }
  ck_assert_int_eq(bc_sha256_final(&h, d, &err), 0);
  ck_assert_str_eq(hex_of(hex, d), want);
  /* and the next message starts from nothing */
  bc_sha256_update(&h, "abc", 3);
  ck_assert_int_eq(bc_sha256_final(&h, d, &err), 0);
  ck_assert_str_eq(
      hex_of(hex, d),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  bc_sha256_free(&h);
  free(a);
}
END_TEST

Suite *common_suite(void) {
  Suite *s = suite_create("common");
  TCase *tc = tcase_create("error");
  tcase_add_test(tc, test_common_error__format_all_parts);
  tcase_add_test(tc, test_common_error__one_line_and_truncation);
  tcase_add_test(tc, test_common_error__translated_through_gettext);
  suite_add_tcase(s, tc);
  tc = tcase_create("buf");
  tcase_add_test(tc, test_common_buf__grows_and_detaches);
  tcase_add_test(tc, test_common_buf__sticky_failure);
  suite_add_tcase(s, tc);
  tc = tcase_create("arena");
  tcase_add_test(tc, test_common_arena__alignment_and_big_blocks);
  tcase_add_test(tc, test_common_arena__out_of_memory_returns_null);
  tcase_add_test(tc, test_common_arena__reset_keeps_the_largest_chunk);
  tcase_add_test(tc, test_common_arena__absorb_moves_the_chunks);
  tcase_add_test(tc, test_common_arena__keep_hands_chunks_to_the_next_arena);
  suite_add_tcase(s, tc);
  tc = tcase_create("pool");
  tcase_add_test(tc, test_common_pool__every_job_once_lowest_failure_wins);
  tcase_add_test(tc, test_common_pool__task_runs_once_on_either_thread);
  suite_add_tcase(s, tc);
  tc = tcase_create("utf8");
  tcase_add_test(tc, test_common_utf8__decode_rejects_bad_sequences);
  tcase_add_test(tc, test_common_utf8__nfc_composes_vietnamese);
  tcase_add_test(tc, test_common_utf8__nfc_fast_path_agrees_with_utf8proc);
  tcase_add_test(tc, test_common_utf8__file_name);
  tcase_add_test(tc, test_common_utf8__spelling_kept_and_tone_styles);
  tcase_add_test(tc, test_common_utf8__upper);
  suite_add_tcase(s, tc);
  tc = tcase_create("file");
  tcase_add_test(tc, test_common_file__atomic_write_and_read);
  tcase_add_test(tc, test_common_file__full_disk_leaves_nothing);
  tcase_add_test(tc, test_common_file__temp_name_fits_name_max);
  tcase_add_test(tc, test_common_file__special_files_refused);
  suite_add_tcase(s, tc);
  tc = tcase_create("json");
  tcase_add_test(tc, test_common_json__read_values);
  tcase_add_test(tc, test_common_json__strict_refuses_what_cjson_takes);
  suite_add_tcase(s, tc);
  tc = tcase_create("sha256");
  tcase_add_test(tc, test_common_sha256__nist_vectors);
  tcase_add_test(tc, test_common_sha256__million_a_streamed);
  suite_add_tcase(s, tc);
  return s;
}
