/* data/export.c: `baocao db export`: each table as the CSV file import
 * reads back, rows in key order, numbers as short as they round-trip,
 * every file written atomically. */
#include "data/data.h"

#include "common/buf.h"
#include "common/error.h"
#include "data/csv.h"
#include "data/tables.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The fewest decimals that read back as the same double, never with an
 * exponent (import takes -?digits[.digits] only). */
static void put_number(bc_buf *out, double d, bool first) {
  char s[400];
  if (d == 0) {
    bc_csv_put(out, "0", 1, first);
    return;
  }
  for (int p = 0; p <= 340; p++) {
    snprintf(s, sizeof s, "%.*f", p, d);
    if (strtod(s, NULL) == d)
      break;
  }
  bc_csv_put(out, s, strlen(s), first);
}

static void put_column(bc_buf *out, sqlite3_stmt *s, int col, bool first) {
  char n[32];
  switch (sqlite3_column_type(s, col)) {
  case SQLITE_NULL:
    bc_csv_put(out, "", 0, first);
    break;
  case SQLITE_INTEGER:
    snprintf(n, sizeof n, "%lld", (long long)sqlite3_column_int64(s, col));
    bc_csv_put(out, n, strlen(n), first);
    break;
  case SQLITE_FLOAT:
    put_number(out, sqlite3_column_double(s, col), first);
    break;
  default:
    bc_csv_put(out, (const char *)sqlite3_column_text(s, col),
               (size_t)sqlite3_column_bytes(s, col), first);
  }
}

/* SELECT the table's columns in the file's order, by key; for values, the
 * indicator's kind chooses num or text. */
static void select_sql(bc_buf *b, const bc_table *t) {
  size_t keys = 0;
  bc_buf_puts(b, "SELECT ");
  for (size_t i = 0; i < t->count; i++) {
    if (t->columns[i].type == BC_COL_VALUE)
      bc_buf_puts(b, "CASE WHEN (SELECT kind FROM indicator WHERE code = "
                     "indicator_code) IN ('number', 'percent') AND num IS "
                     "NOT NULL THEN num ELSE coalesce(text, num) END");
    else
      bc_buf_puts(b, t->columns[i].name);
    bc_buf_puts(b, i + 1 < t->count ? ", " : "");
  }
  bc_buf_printf(b, " FROM %s ORDER BY ", t->name);
  for (size_t i = 0; i < t->count; i++)
    if (t->columns[i].key)
      bc_buf_printf(b, "%s%s", keys++ ? ", " : "", t->columns[i].name);
}

static int export_table(sqlite3 *h,
                        const char *db_path,
                        const char *dir,
                        const bc_table *t,
                        size_t *rows,
                        const bc_sink *sink,
                        const bc_allocator *alloc,
                        bc_error *err) {
  bc_buf b;
  sqlite3_stmt *s = NULL;
  char path[PATH_MAX];
  int rc;

  *rows = 0;
  if (snprintf(path, sizeof path, "%s/%s.csv", dir, t->plural) >=
      (int)sizeof path)
    return bc_error_set(err, BC_EIO, "path '%s' is too long", dir);
  bc_buf_init(&b, alloc);
  select_sql(&b, t);
  if ((rc = bc_buf_check(&b, err)))
    goto done;
  rc = sqlite3_prepare_v2(h, bc_buf_cstr(&b), -1, &s, NULL);
  if (rc != SQLITE_OK) {
    rc = bc_db_error(err, h, rc, db_path);
    goto done;
  }
  bc_buf_reset(&b);
  bc_buf_put(&b, "\xEF\xBB\xBF", 3); /* Excel reads UTF-8 when it sees it */
  for (size_t i = 0; i < t->count; i++)
    bc_csv_put(&b, t->columns[i].name, strlen(t->columns[i].name), i == 0);
  bc_csv_end(&b);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    for (int i = 0; i < (int)t->count; i++)
      put_column(&b, s, i, i == 0);
    bc_csv_end(&b);
    ++*rows;
  }
  if (rc != SQLITE_DONE) {
    rc = bc_db_error(err, h, rc, db_path);
    goto done;
  }
  if (!(rc = bc_buf_check(&b, err)))
    rc = bc_file_write_atomic(path, b.data, b.len, sink, err);
done:
  sqlite3_finalize(s);
  bc_buf_free(&b);
  return rc;
}

int bc_database_export(size_t rows[BC_IMPORT_TABLES],
                       const char *db_path,
                       const char *dir,
                       const bc_temp_hook *temp_hook,
                       const bc_database_options *options,
                       bc_error *err) {
  bc_sink sink_ = *bc_sink_default();
  const bc_sink *sink = &sink_;
  const bc_allocator *alloc;
  sqlite3 *h = NULL;
  struct stat st;
  int rc;
  BC_ASSERT_ARG(err, rows, "rows is NULL");
  BC_ASSERT_ARG(err, db_path, "db_path is NULL");
  BC_ASSERT_ARG(err, dir, "dir is NULL");
  BC_ASSERT_ARG(err, !options || options->version == BC_DATABASE_OPTIONS_VERSION,
                "options->version is not BC_DATABASE_OPTIONS_VERSION");

  alloc = bc_db__options(options);
  if (temp_hook) {
    sink_.on_temp = temp_hook->on_temp;
    sink_.temp_ud = temp_hook->ud;
  }

  if ((rc = bc_db_open_handle(&h, db_path, false, err)))
    return rc;
  if (stat(dir, &st) != 0 && mkdir(dir, 0777) != 0) {
    rc = bc_error_set(err, BC_EIO, "cannot create directory '%s': %s", dir,
                      strerror(errno));
    goto done;
  }
  if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
    rc = bc_error_set(err, BC_EIO, "cannot write into '%s': not a directory",
                      dir);
    goto done;
  }
  /* one read transaction: the files agree with each other */
  if (sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
    rc = bc_db_error(err, h, sqlite3_errcode(h), db_path);
    goto done;
  }
  for (int i = 0; i < BC_TABLE_COUNT && !rc; i++)
    rc = export_table(h, db_path, dir, &bc_tables[i], &rows[i], sink, alloc,
                      err);
  sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
done:
  sqlite3_close(h);
  return rc;
}
