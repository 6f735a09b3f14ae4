/* tests/fuzz/fuzz_common.c: scratch directory, sample database and model
 * for the fuzz targets. */
#include "fuzz_common.h"

#include "baocao/baocao.h"
#include "data/data.h"

#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char tmpdir[256];

static void remove_tmpdir(void) {
  char cmd[300];
  if (tmpdir[0]) {
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
      fprintf(stderr, "cannot remove %s\n", tmpdir);
  }
}

_Noreturn void fz_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("fuzz: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

const char *fz_tmpdir(void) {
  if (!tmpdir[0]) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/bc-fuzz-XXXXXX");
    if (!mkdtemp(tmpdir))
      fz_fail("mkdtemp failed");
    atexit(remove_tmpdir);
  }
  return tmpdir;
}

const char *fz_source_path(char *buf, size_t size, const char *rel) {
  snprintf(buf, size, "%s/%s", BC_SOURCE_DIR, rel);
  return buf;
}

const char *fz_sample_db(const char *extra_sql) {
  static char path[512];
  char pattern[512], sql[512];
  bc_error err;
  glob_t g;
  if (path[0])
    return path;
  snprintf(path, sizeof path, "%s/sample.db", fz_tmpdir());
  if (bc_database_create(path, NULL, &err))
    fz_fail("%s", err.message);
  fz_source_path(pattern, sizeof pattern, "samples/*.sql");
  if (glob(pattern, 0, NULL, &g) || g.gl_pathc == 0)
    fz_fail("no %s", pattern);
  for (size_t i = 0; i < g.gl_pathc; i++)
    if (bc_database_load_sql(path, g.gl_pathv[i], NULL, &err))
      fz_fail("%s: %s", g.gl_pathv[i], err.message);
  globfree(&g);
  if (extra_sql) {
    FILE *f;
    snprintf(sql, sizeof sql, "%s/extra.sql", fz_tmpdir());
    if (!(f = fopen(sql, "w")) || fputs(extra_sql, f) < 0 || fclose(f))
      fz_fail("cannot write %s", sql);
    if (bc_database_load_sql(path, sql, NULL, &err))
      fz_fail("extra SQL: %s", err.message);
  }
  return path;
}

bc_arena *fz_load_model(bc_report_model *model, const char *extra_sql) {
  static bc_arena arena;
  bc_db *d;
  bc_error err;
  bc_arena_init(&arena, bc_allocator_default());
  if (bc_db_open(&d, fz_sample_db(extra_sql), &err) ||
      bc_db_load_report(model, d, "STTTT-TV", "2023-Q3", NULL, &arena, &err))
    fz_fail("%s", err.message);
  bc_db_close(d);
  return &arena;
}

void fz_check_error(int rc, const char *message) {
  if (rc > 0 || rc < BC_EPDF)
    fz_fail("return code %d is not a bc_error_code", rc);
  if (rc && !message[0])
    fz_fail("error %d without a message", rc);
}
