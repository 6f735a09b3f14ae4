/* data/received.c: writing the data of received report PDFs into an upper
 * level's database: periods, agencies and indicators it lacks, and the
 * values, each file under its own savepoint and all in one transaction;
 * a value that differs from one already there is a conflict, never
 * overwritten. */
#include "data/data.h"
#include "common/i18n.h"

#include "common/error.h"

#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum {
  Q_PERIOD,
  Q_PERIOD_ADD,
  Q_AGENCY,
  Q_AGENCY_ADD,
  Q_INDICATOR,
  Q_INDICATOR_ADD,
  Q_VALUE,
  Q_VALUE_ADD,
  Q_COUNT
};

static const char *const query_sql[Q_COUNT] = {
    [Q_PERIOD] = "SELECT kind, year, number, starts, ends FROM period "
                 "WHERE code = ?1",
    [Q_PERIOD_ADD] = "INSERT INTO period (code, kind, year, number, starts, "
                     "ends) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_AGENCY] = "SELECT 1 FROM agency WHERE code = ?1",
    [Q_AGENCY_ADD] = "INSERT INTO agency (code, name, full_name, parent_name, "
                     "symbol, place, parent_code) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_INDICATOR] = "SELECT kind FROM indicator WHERE code = ?1",
    [Q_INDICATOR_ADD] = "INSERT INTO indicator (code, section, position, "
                        "name, unit, kind) VALUES (?1, ?2, 0, ?3, ?4, ?5)",
    [Q_VALUE] = "SELECT num, text FROM indicator_value WHERE agency_code = ?1 "
                "AND period_code = ?2 AND indicator_code = ?3",
    [Q_VALUE_ADD] = "INSERT INTO indicator_value (agency_code, period_code, "
                    "indicator_code, num, text) VALUES (?1, ?2, ?3, ?4, ?5)",
};

typedef struct importer {
  sqlite3 *h;
  sqlite3_stmt *q[Q_COUNT];
  const char *path;
  bc_error *err;
} importer;

static int db_fail(importer *im) {
  int code = sqlite3_errcode(im->h);
  if (code == SQLITE_NOMEM)
    return bc_error_oom(im->err);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    return bc_error_set(im->err, BC_EDB,
                        "database '%s' is locked by another program", im->path);
  return bc_error_set(im->err, BC_EDB, "database '%s': %s", im->path,
                      sqlite3_errmsg(im->h));
}

static sqlite3_stmt *q(importer *im, int which) {
  sqlite3_stmt *s = im->q[which];
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *t) {
  if (t)
    sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(s, i);
}

/* Runs an INSERT to its end. */
static int run(importer *im, sqlite3_stmt *s) {
  return sqlite3_step(s) == SQLITE_DONE ? 0 : db_fail(im);
}

static bool same_text(const unsigned char *a, const char *b) {
  return a && b ? !strcmp((const char *)a, b) : !a && !b;
}

static int conflict(bc_received_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int conflict(bc_received_result *res, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(res->message, sizeof res->message, bc_tr(fmt), ap);
  va_end(ap);
  res->code = BC_EDATA;
  return BC_EDATA;
}

static int
import_period(importer *im, const bc_received *r, bc_received_result *res) {
  sqlite3_stmt *s = q(im, Q_PERIOD);
  int rc;
  bind_text(s, 1, r->period_code);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    int number =
        sqlite3_column_type(s, 2) == SQLITE_NULL ? 0 : sqlite3_column_int(s, 2);
    if (!same_text(sqlite3_column_text(s, 0), r->period_kind) ||
        sqlite3_column_int(s, 1) != r->period_year ||
        number != r->period_number ||
        !same_text(sqlite3_column_text(s, 3), r->period_starts) ||
        !same_text(sqlite3_column_text(s, 4), r->period_ends))
      return conflict(res,
                      "period '%s' is %s to %s in the database but %s to %s "
                      "in the file",
                      r->period_code, sqlite3_column_text(s, 3),
                      sqlite3_column_text(s, 4), r->period_starts,
                      r->period_ends);
    return 0;
  }
  if (rc != SQLITE_DONE)
    return db_fail(im);
  s = q(im, Q_PERIOD_ADD);
  bind_text(s, 1, r->period_code);
  bind_text(s, 2, r->period_kind);
  sqlite3_bind_int(s, 3, r->period_year);
  if (r->period_number)
    sqlite3_bind_int(s, 4, r->period_number);
  bind_text(s, 5, r->period_starts);
  bind_text(s, 6, r->period_ends);
  return run(im, s);
}

static int import_agency(importer *im,
                         const bc_received *r,
                         const char *parent,
                         bc_received_result *res) {
  sqlite3_stmt *s = q(im, Q_AGENCY);
  int rc;
  bind_text(s, 1, r->agency_code);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW)
    return 0;
  if (rc != SQLITE_DONE)
    return db_fail(im);
  s = q(im, Q_AGENCY_ADD);
  bind_text(s, 1, r->agency_code);
  bind_text(s, 2, r->agency_name);
  bind_text(s, 3, r->agency_full_name);
  bind_text(s, 4, r->agency_parent_name);
  bind_text(s, 5, r->agency_symbol);
  bind_text(s, 6, r->agency_place);
  bind_text(s, 7, parent);
  if ((rc = run(im, s)))
    return rc;
  res->agency_created = true;
  return 0;
}

static int import_value(importer *im,
                        const bc_received *r,
                        const bc_received_value *v,
                        bc_received_result *res) {
  sqlite3_stmt *s = q(im, Q_INDICATOR);
  int rc;
  bind_text(s, 1, v->code);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    if (!same_text(sqlite3_column_text(s, 0), v->kind))
      return conflict(res,
                      "indicator '%s' is of kind %s in the database but %s "
                      "in the file",
                      v->code, sqlite3_column_text(s, 0), v->kind);
  } else if (rc == SQLITE_DONE) {
    s = q(im, Q_INDICATOR_ADD);
    bind_text(s, 1, v->code);
    bind_text(s, 2, v->section);
    bind_text(s, 3, v->name);
    bind_text(s, 4, v->unit);
    bind_text(s, 5, v->kind);
    if ((rc = run(im, s)))
      return rc;
  } else {
    return db_fail(im);
  }
  s = q(im, Q_VALUE);
  bind_text(s, 1, r->agency_code);
  bind_text(s, 2, r->period_code);
  bind_text(s, 3, v->code);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    bool equal = v->is_number ? sqlite3_column_type(s, 0) != SQLITE_NULL &&
                                    sqlite3_column_double(s, 0) == v->number
                              : same_text(sqlite3_column_text(s, 1), v->text);
    if (!equal) {
      char had[64], mine[64];
      const unsigned char *t = sqlite3_column_text(s, 1);
      if (sqlite3_column_type(s, 0) != SQLITE_NULL)
        snprintf(had, sizeof had, "%.15g", sqlite3_column_double(s, 0));
      else
        snprintf(had, sizeof had, "'%.50s'", t ? (const char *)t : "");
      if (v->is_number)
        snprintf(mine, sizeof mine, "%.15g", v->number);
      else
        snprintf(mine, sizeof mine, "'%.50s'", v->text);
      return conflict(res,
                      "indicator '%s' of agency '%s', period '%s' is %s in "
                      "the database (or a file imported before) but %s in "
                      "this file",
                      v->code, r->agency_code, r->period_code, had, mine);
    }
    res->unchanged++;
    return 0;
  }
  if (rc != SQLITE_DONE)
    return db_fail(im);
  s = q(im, Q_VALUE_ADD);
  bind_text(s, 1, r->agency_code);
  bind_text(s, 2, r->period_code);
  bind_text(s, 3, v->code);
  if (v->is_number)
    sqlite3_bind_double(s, 4, v->number);
  else
    bind_text(s, 5, v->text);
  if ((rc = run(im, s)))
    return rc;
  res->inserted++;
  return 0;
}

/* One file under a savepoint: kept whole or undone whole. */
static int import_one(importer *im,
                      const bc_received *r,
                      const char *parent,
                      bc_received_result *res) {
  int rc;
  /* Dates, periods, values and names: the judge of every entry point
   * (data/valid.c). */
  if ((rc = bc_db__check_received(r, res)))
    return rc;
  if (sqlite3_exec(im->h, "SAVEPOINT received", NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(im);
  if (!(rc = import_period(im, r, res)) &&
      !(rc = import_agency(im, r, parent, res)))
    for (size_t i = 0; i < r->value_count && !rc; i++)
      rc = import_value(im, r, &r->values[i], res);
  if (rc) {
    sqlite3_exec(im->h, "ROLLBACK TO received", NULL, NULL, NULL);
    res->inserted = res->unchanged = 0;
    res->agency_created = false;
  }
  sqlite3_exec(im->h, "RELEASE received", NULL, NULL, NULL);
  return rc;
}

int bc_db_import_received(const char *db_path,
                          const bc_received *items,
                          size_t count,
                          const char *parent_code,
                          bool keep_going,
                          bc_received_result *results,
                          bc_error *err) {
  importer im = {NULL, {NULL}, db_path, err};
  size_t refused = 0;
  int rc = 0;

  if ((rc = bc_db_open_handle(&im.h, db_path, true, err)))
    goto done;
  for (int i = 0; i < Q_COUNT; i++)
    if (sqlite3_prepare_v2(im.h, query_sql[i], -1, &im.q[i], NULL) !=
        SQLITE_OK) {
      rc = db_fail(&im);
      goto done;
    }
  if (parent_code) {
    sqlite3_stmt *s = q(&im, Q_AGENCY);
    bind_text(s, 1, parent_code);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW) {
      rc = rc == SQLITE_DONE
               ? bc_error_set(err, BC_ENOTFOUND,
                              "unknown agency '%s' (--parent)", parent_code)
               : db_fail(&im);
      goto done;
    }
    rc = 0;
  }
  if (sqlite3_exec(im.h, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", NULL,
                   NULL, NULL) != SQLITE_OK) {
    rc = db_fail(&im);
    goto done;
  }
  for (size_t i = 0; i < count; i++) {
    memset(&results[i], 0, sizeof results[i]);
    rc = import_one(&im, &items[i], parent_code, &results[i]);
    if (rc == BC_EDATA) {
      refused++;
      rc = 0;
      if (!keep_going)
        break;
    } else if (rc) {
      break;
    }
  }
  if (!rc && refused && !keep_going)
    rc = bc_error_set(err, BC_EDATA,
                      "nothing was imported: a file conflicts with the "
                      "database");
  if (rc) {
    sqlite3_exec(im.h, "ROLLBACK", NULL, NULL, NULL);
    goto done;
  }
  if (sqlite3_exec(im.h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    rc = db_fail(&im);
    sqlite3_exec(im.h, "ROLLBACK", NULL, NULL, NULL);
  }
done:
  for (int i = 0; i < Q_COUNT; i++)
    sqlite3_finalize(im.q[i]);
  sqlite3_close(im.h);
  return rc;
}
