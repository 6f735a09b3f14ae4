/* data/valid.c: model/valid.c's judge applied where data enters the
 * database: every row (certificate bindings too) after `db load` has run
 * an SQL file (bc_db__check_all), and a received report's data before `db import-pdf`
 * writes it (bc_db__check_received). CSV import judges each row as it
 * reads it (import.c), the render each value as it loads it (db.c). */
#include "data/data.h"

#include "common/error.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* err's message after "where: ", as BC_EDATA. */
static int at(bc_error *err, const char *where) {
  char msg[BC_ERROR_MESSAGE_SIZE];
  snprintf(msg, sizeof msg, "%s", err->message);
  return bc_error_set(err, BC_EDATA, "%s: %s", where, msg);
}

static const char *text(sqlite3_stmt *s, int col) {
  return (const char *)sqlite3_column_text(s, col);
}

/* One table's rows, each judged by fn; the first problem stops. */
typedef int (*row_fn)(sqlite3_stmt *s, bc_error *err);

static int each_row(sqlite3 *h, const char *sql, row_fn fn, bc_error *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(h, sql, -1, &s, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
    if ((rc = fn(s, err))) {
      sqlite3_finalize(s);
      return rc;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK) {
    rc = bc_db_error(err, h, rc, sqlite3_db_filename(h, "main"));
    sqlite3_finalize(s);
    return rc;
  }
  sqlite3_finalize(s);
  return 0;
}

static int period_row(sqlite3_stmt *s, bc_error *err) {
  bc_period_row row = {text(s, 0),
                       text(s, 1),
                       sqlite3_column_int64(s, 2),
                       sqlite3_column_int64(s, 3),
                       text(s, 4),
                       text(s, 5),
                       text(s, 6)};
  const char *field;
  char where[160];
  int rc = bc_valid_period(NULL, &row, &field, err);
  if (rc) {
    snprintf(where, sizeof where, "period '%s' %s", row.code, field);
    return at(err, where);
  }
  return 0;
}

static int report_row(sqlite3_stmt *s, bc_error *err) {
  char where[200];
  if (bc_valid_date(NULL, text(s, 2), false, err)) {
    snprintf(where, sizeof where,
             "report of agency '%s', period '%s' issued_on", text(s, 0),
             text(s, 1));
    return at(err, where);
  }
  return 0;
}

static int value_row(sqlite3_stmt *s, bc_error *err) {
  char where[240];
  if (bc_valid_value(text(s, 3), sqlite3_column_type(s, 4) != SQLITE_NULL,
                     sqlite3_column_double(s, 4), text(s, 5), err)) {
    snprintf(where, sizeof where,
             "indicator '%s' of agency '%s', period '%s'", text(s, 2),
             text(s, 0), text(s, 1));
    return at(err, where);
  }
  return 0;
}

static int cert_row(sqlite3_stmt *s, bc_error *err) {
  bc_cert_binding_row row = {text(s, 1), text(s, 2), text(s, 3), text(s, 4),
                             text(s, 5)};
  const char *field;
  char where[160];
  if (bc_valid_cert_binding(&row, &field, err)) {
    snprintf(where, sizeof where, "agency_certificate of agency '%s' %s",
             text(s, 0), field);
    return at(err, where);
  }
  return 0;
}

/* Rows of (table, key, column, name): every name checked. */
static int name_row(sqlite3_stmt *s, bc_error *err) {
  char where[200];
  if (bc_valid_name(text(s, 3), err)) {
    snprintf(where, sizeof where, "%s '%s' %s", text(s, 0), text(s, 1),
             text(s, 2));
    return at(err, where);
  }
  return 0;
}

int bc_db__check_all(sqlite3 *h, bc_error *err) {
  static const char names[] =
      "SELECT 'agency', code, 'name', name FROM agency UNION ALL "
      "SELECT 'agency', code, 'full_name', full_name FROM agency UNION ALL "
      "SELECT 'agency', code, 'parent_name', parent_name FROM agency "
      "UNION ALL SELECT 'agency', code, 'symbol', symbol FROM agency "
      "UNION ALL SELECT 'agency', code, 'place', place FROM agency "
      "UNION ALL SELECT 'signer', id, 'authority', authority FROM signer "
      "UNION ALL SELECT 'signer', id, 'title', title FROM signer "
      "UNION ALL SELECT 'signer', id, 'full_name', full_name FROM signer "
      "UNION ALL SELECT 'section', code, 'name', name FROM section "
      "UNION ALL SELECT 'indicator', code, 'name', name FROM indicator "
      "UNION ALL SELECT 'indicator', code, 'unit', unit FROM indicator";
  int rc;
  if ((rc = each_row(h,
                     "SELECT code, kind, year, number, starts, ends, label "
                     "FROM period ORDER BY code",
                     period_row, err)) ||
      (rc = each_row(h,
                     "SELECT agency_code, period_code, issued_on FROM report "
                     "WHERE issued_on IS NOT NULL ORDER BY 1, 2",
                     report_row, err)) ||
      (rc = each_row(h,
                     "SELECT v.agency_code, v.period_code, v.indicator_code, "
                     "i.kind, v.num, v.text FROM indicator_value v "
                     "JOIN indicator i ON i.code = v.indicator_code "
                     "ORDER BY 1, 2, 3",
                     value_row, err)) ||
      (rc = each_row(h,
                     "SELECT agency_code, role, spki_sha256, issuer, subject, "
                     "note FROM agency_certificate ORDER BY 1, 2, 3, 4, 5",
                     cert_row, err)) ||
      (rc = each_row(h, names, name_row, err)))
    return rc;
  return 0;
}

/* The problem as a refusal of the file: res->message, BC_EDATA. */
static int refuse(bc_received_result *res, bc_error *err, const char *where) {
  snprintf(res->message, sizeof res->message, "%s: %.100s: %.380s",
           BC_DATA_FILE_NAME, where,
           err->message);
  res->code = BC_EDATA;
  return BC_EDATA;
}

int bc_db__check_received(const bc_received *r, bc_received_result *res) {
  bc_period_row row = {r->period_code,  r->period_kind,   r->period_year,
                       r->period_number, r->period_starts, r->period_ends,
                       NULL};
  const char *names[][2] = {{"agency.name", r->agency_name},
                            {"agency.full_name", r->agency_full_name},
                            {"agency.parent_name", r->agency_parent_name},
                            {"agency.symbol", r->agency_symbol},
                            {"agency.place", r->agency_place}};
  const char *field;
  char where[160];
  bc_error err;
  bc_error_clear(&err);
  if (bc_valid_period(NULL, &row, &field, &err)) {
    snprintf(where, sizeof where, "period.%s", field);
    return refuse(res, &err, where);
  }
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (bc_valid_name(names[i][1], &err))
      return refuse(res, &err, names[i][0]);
  if (r->report_issued && bc_valid_date(NULL, r->report_issued, false, &err))
    return refuse(res, &err, "report.issued_on");
  for (size_t i = 0; i < r->value_count; i++) {
    const bc_received_value *v = &r->values[i];
    if (bc_valid_value(v->kind, v->is_number, v->number, v->text, &err) ||
        bc_valid_name(v->name, &err) || bc_valid_name(v->unit, &err)) {
      snprintf(where, sizeof where, "values[%zu] (%s)", i, v->code);
      return refuse(res, &err, where);
    }
  }
  return 0;
}
