/* tests/testutil.c: shared test helpers. */
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *tu_source_path(char *buf, size_t size, const char *rel) {
  snprintf(buf, size, "%s/%s", BC_SOURCE_DIR, rel);
  return buf;
}

static char tmpdir_path[256];

static void remove_tmpdir(void) {
  char cmd[300];
  if (tmpdir_path[0]) {
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir_path);
    if (system(cmd) != 0)
      fprintf(stderr, "cannot remove %s\n", tmpdir_path);
  }
}

const char *tu_tmpdir(void) {
  if (!tmpdir_path[0]) {
    snprintf(tmpdir_path, sizeof tmpdir_path, "/tmp/bc-test-XXXXXX");
    if (!mkdtemp(tmpdir_path)) {
      perror("mkdtemp");
      abort();
    }
    atexit(remove_tmpdir);
  }
  return tmpdir_path;
}

static void *fa_malloc(size_t size, void *ud) {
  tu_failing_alloc *fa = ud;
  long n = fa->count++;
  if (fa->fail_at >= 0 &&
      (n == fa->fail_at || (fa->persistent && n > fa->fail_at))) {
    fa->failed = 1;
    return NULL;
  }
  void *p = malloc(size ? size : 1);
  if (p)
    fa->live++;
  return p;
}

static void *fa_realloc(void *ptr, size_t size, void *ud) {
  tu_failing_alloc *fa = ud;
  long n = fa->count++;
  if (fa->fail_at >= 0 &&
      (n == fa->fail_at || (fa->persistent && n > fa->fail_at))) {
    fa->failed = 1;
    return NULL;
  }
  void *p = realloc(ptr, size ? size : 1);
  if (p && !ptr)
    fa->live++;
  return p;
}

static void fa_free(void *ptr, void *ud) {
  tu_failing_alloc *fa = ud;
  if (ptr) {
    fa->live--;
    free(ptr);
  }
}

void tu_failing_alloc_init(tu_failing_alloc *fa, long fail_at, int persistent) {
  memset(fa, 0, sizeof *fa);
  fa->base.malloc = fa_malloc;
  fa->base.realloc = fa_realloc;
  fa->base.free = fa_free;
  fa->base.ud = fa;
  fa->fail_at = fail_at;
  fa->persistent = persistent;
}

long tu_every_allocation_failure(int persistent, tu_alloc_op op, void *ud) {
  for (long n = 0;; n++) {
    tu_failing_alloc fa;
    bc_error err;
    int rc;
    tu_failing_alloc_init(&fa, n, persistent);
    bc_error_clear(&err);
    rc = op(&fa.base, &err, ud);
    if (fa.failed) {
      ck_assert_msg(rc == BC_ENOMEM, "allocation %ld failed but got %d: %s", n,
                    rc, err.message);
      ck_assert_str_eq(err.message, "out of memory");
    } else {
      ck_assert_msg(rc == 0, "n=%ld: %s", n, err.message);
    }
    ck_assert_msg(fa.live == 0, "n=%ld leaked %ld blocks", n, fa.live);
    if (!fa.failed)
      return n + 1;
    ck_assert_msg(n < 100000, "no end to allocations");
  }
}

int tu_run(char **out, const char *command) {
  FILE *p = popen(command, "r");
  char *data = NULL;
  size_t len = 0, cap = 0;
  if (!p)
    return -1;
  for (;;) {
    if (cap - len < 4096) {
      cap = cap ? cap * 2 : 8192;
      data = realloc(data, cap + 1);
      if (!data)
        abort();
    }
    size_t n = fread(data + len, 1, cap - len, p);
    if (!n)
      break;
    len += n;
  }
  data[len] = '\0';
  int status = pclose(p);
  if (out)
    *out = data;
  else
    free(data);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void tu_fonts_open(tu_fonts *t) {
  bc_error err;
  char dir[512];
  bc_arena_init(&t->arena, bc_allocator_default());
  ck_assert_int_eq(bc_fontset_open(&t->fonts,
                                   tu_source_path(dir, sizeof dir, "fonts"),
                                   NULL, bc_allocator_default(), &err),
                   0);
  ck_assert_int_eq(
      bc_shaper_new(&t->shaper, t->fonts, bc_allocator_default(), &err), 0);
}

void tu_fonts_close(tu_fonts *t) {
  bc_shaper_free(t->shaper);
  bc_fontset_close(t->fonts);
  bc_arena_release(&t->arena);
}

unsigned char *tu_file_read(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  unsigned char *data;
  long n;
  ck_assert_msg(fp != NULL, "cannot open %s", path);
  ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
  n = ftell(fp);
  ck_assert_int_gt(n, 0);
  rewind(fp);
  data = malloc((size_t)n + 1);
  ck_assert_ptr_nonnull(data);
  ck_assert_uint_eq(fread(data, 1, (size_t)n, fp), (size_t)n);
  data[n] = '\0';
  fclose(fp);
  *len = (size_t)n;
  return data;
}

void tu_file_write(const char *path, const void *data, size_t len) {
  FILE *fp = fopen(path, "wb");
  ck_assert_ptr_nonnull(fp);
  ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
  ck_assert_int_eq(fclose(fp), 0);
}

const char *tu_find_bytes(const unsigned char *data, size_t len,
                          const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i + n <= len; i++)
    if (!memcmp(data + i, s, n))
      return (const char *)data + i;
  return NULL;
}
